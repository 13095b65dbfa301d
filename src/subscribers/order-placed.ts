import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { bookOptionOrderWorkflow } from "../workflows/date-options"
import { recordConversionWorkflow } from "../workflows/record-conversion"

/**
 * A placed order becomes its conversion record (once, however often the event comes). An order
 * made from a merchant option's draft order first gets its booking and tier line record.
 */
export default async function orderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await bookOptionOrderWorkflow(container).run({ input: { order_id: event.data.id } })
  await recordConversionWorkflow(container).run({ input: { order_id: event.data.id, change: { kind: "placed" } } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
}
