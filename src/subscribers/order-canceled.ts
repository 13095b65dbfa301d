import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelOrderBookingsWorkflow } from "../workflows/cancel-order-bookings"

/** A canceled order gives its event dates back. */
export default async function orderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await cancelOrderBookingsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
}
