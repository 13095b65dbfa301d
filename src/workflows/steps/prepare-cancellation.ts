import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CancellationPolicy, PolicyPayment, PolicyRefund, refundsByPolicy } from "../../lib/balances"
import { roundToMinor } from "../../lib/money"
import { DEPOSITS_MODULE, DepositsModuleService } from "../../modules/deposits"
import { tenantToday } from "../../queries/time-zones"

export type PrepareCancellationInput = { order_id: string; canceled_by?: string }

type PaymentRow = {
  id: string
  amount: unknown
  canceled_at: string | null
  captured_at: string | null
  captures?: { amount: unknown }[] | null
  refunds?: { amount: unknown }[] | null
}
type OrderRow = {
  id: string
  status: string
  sales_channel_id: string
  currency_code: string
  metadata: Record<string, unknown> | null
  items?: { id: string }[] | null
  fulfillments?: { canceled_at: string | null }[] | null
  payment_collections?: { id: string; metadata: Record<string, unknown> | null; payments?: PaymentRow[] | null }[] | null
}

export type Cancellation = {
  order_id: string
  line_item_ids: string[]
  /** Captured money the policy gives back: Medusa's refund workflow, one refund per payment. */
  refunds: { payment_id: string; amount: number; created_by?: string; note: string }[]
  /** Authorizations the policy gives back: voided. */
  void_ids: string[]
  /** Authorizations the policy keeps: captured, so the merchant holds the money. */
  capture_ids: string[]
  /** Collections left holding nothing, marked canceled as Medusa's cancel does. */
  collections_to_cancel: string[]
  refunded_total: number
  decisions: PolicyRefund[]
  metadata: Record<string, unknown>
}

const sum = (rows: { amount: unknown }[] | null | undefined) => (rows ?? []).reduce((s, r) => s + Number(r.amount), 0)

/**
 * What canceling an order with a payment plan gives back under the tenant's cancellation policy
 * (the plan's snapshot of it): the checkout's payments are the deposit, the order's later ones the
 * balance. Refuses what Medusa's cancel refuses (already canceled, completed, live fulfillments).
 */
export const prepareCancellationStep = createStep("prepare-cancellation", async (input: PrepareCancellationInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "sales_channel_id",
      "currency_code",
      "metadata",
      "items.id",
      "fulfillments.canceled_at",
      "payment_collections.id",
      "payment_collections.metadata",
      "payment_collections.payments.id",
      "payment_collections.payments.amount",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: input.order_id },
  })
  const order = data[0] as OrderRow | undefined
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)
  }
  if (order.status === "canceled") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order with id ${order.id} has been canceled.`)
  }
  if (order.status === "completed") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Cannot cancel a completed order. Please use the return process to handle refunds or exchanges.")
  }
  if ((order.fulfillments ?? []).some((f) => !f.canceled_at)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "All fulfillments must be canceled before canceling an order")
  }
  const deposits: DepositsModuleService = container.resolve(DEPOSITS_MODULE)
  const [plan] = await deposits.listPaymentPlans({ order_id: order.id })
  const rows = ((plan?.policy as { policies?: (CancellationPolicy & { segment_id: string | null })[] } | null)?.policies ?? [])
  const rule = rows.find((p) => !p.segment_id) ?? rows[0]
  const policy: CancellationPolicy | null = rule ? { deposit_refundable: !!rule.deposit_refundable, balance_refundable_days: Number(rule.balance_refundable_days) } : null
  const currency = order.currency_code

  const payments: (PolicyPayment & { captured: boolean; collection_id: string })[] = []
  for (const collection of order.payment_collections ?? []) {
    for (const p of collection.payments ?? []) {
      if (p.canceled_at) {
        continue
      }
      const captured = (p.captures ?? []).length > 0
      const held = captured ? sum(p.captures) - sum(p.refunds) : Number(p.amount)
      payments.push({
        payment_id: p.id,
        kind: collection.metadata?.tiered_balance ? "balance" : "deposit",
        amount: roundToMinor(held, currency),
        captured,
        collection_id: collection.id,
      })
    }
  }
  const today = await tenantToday(container, order.sales_channel_id)
  const decisions = refundsByPolicy(payments, policy, plan?.event_date ?? null, today, currency)
  const byId = new Map(payments.map((p) => [p.payment_id, p]))
  const refunds = decisions
    .filter((d) => d.refund > 0 && byId.get(d.payment_id)!.captured)
    .map((d) => ({ payment_id: d.payment_id, amount: d.refund, created_by: input.canceled_by, note: `Cancellation policy: ${d.reason}` }))
  const void_ids = decisions.filter((d) => d.refund > 0 && !byId.get(d.payment_id)!.captured).map((d) => d.payment_id)
  const capture_ids = decisions.filter((d) => d.refund === 0 && d.amount > 0 && !byId.get(d.payment_id)!.captured).map((d) => d.payment_id)
  const keeps = new Set(decisions.filter((d) => d.refund === 0 && d.amount > 0).map((d) => byId.get(d.payment_id)!.collection_id))
  const collections_to_cancel = (order.payment_collections ?? []).map((c) => c.id).filter((id) => !keeps.has(id))
  const cancellation: Cancellation = {
    order_id: order.id,
    line_item_ids: (order.items ?? []).map((i) => i.id),
    refunds,
    void_ids,
    capture_ids,
    collections_to_cancel,
    refunded_total: roundToMinor(refunds.reduce((s, r) => s + r.amount, 0), currency),
    decisions,
    metadata: {
      ...(order.metadata ?? {}),
      tiered_cancellation: {
        policy,
        event_date: plan?.event_date ?? null,
        day: today,
        payments: decisions.map((d) => ({ payment_id: d.payment_id, kind: d.kind, held: d.amount, refunded: d.refund, reason: d.reason })),
      },
    },
  }
  return new StepResponse(cancellation)
})
