import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { recordConversionWorkflow } from "../workflows/record-conversion"

type PaymentRow = {
  id: string
  refunds?: { id: string; amount: unknown }[] | null
  payment_collection?: { order?: { id: string } | null } | null
}

/** Each refund of an order's payment is reversed once (by refund id) in the conversion records. */
export default async function paymentRefunded({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "refunds.id", "refunds.amount", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const payment = data[0] as PaymentRow | undefined
  const orderId = payment?.payment_collection?.order?.id
  if (!orderId) {
    return
  }
  for (const refund of payment!.refunds ?? []) {
    await recordConversionWorkflow(container).run({
      input: { order_id: orderId, change: { kind: "refund", refund_id: refund.id, amount: Number(refund.amount) } },
    })
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
}
