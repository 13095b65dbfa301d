import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelOrderBookingsWorkflow } from "../workflows/cancel-order-bookings"
import { recordConversionWorkflow } from "../workflows/record-conversion"

/** A canceled order gives its event dates back, and its conversion is reversed in the reports. */
export default async function orderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await cancelOrderBookingsWorkflow(container).run({ input: { order_id: event.data.id } })
  await recordConversionWorkflow(container).run({ input: { order_id: event.data.id, change: { kind: "canceled" } } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
}
