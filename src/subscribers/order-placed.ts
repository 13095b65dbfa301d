import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordConversionWorkflow } from "../workflows/record-conversion"

/** A placed order becomes its conversion record (once, however often the event comes). */
export default async function orderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await recordConversionWorkflow(container).run({ input: { order_id: event.data.id, change: { kind: "placed" } } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
}
