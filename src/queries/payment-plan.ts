import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DepositError, DepositPackage, DepositPolicies, DepositRule, paymentDue, PaymentDue, planStatus } from "../lib/deposits"
import { Instalment, instalmentSchedule, planInstalments } from "../lib/instalments"
import { roundToMinor } from "../lib/money"
import { PAID_COLLECTION_FIELDS, PaidCollection, paidOf } from "../lib/paid"
import { DEPOSITS_MODULE, DepositsModuleService } from "../modules/deposits"
import type { OrderPaymentPlan } from "../contract/store"
import { loadCartTierLines } from "./cart"
import { tenantToday } from "./time-zones"

/** A policy row as the admin API answers it and a plan keeps it. */
export type DepositPolicyRow = DepositRule & {
  id: string
  sales_channel_id: string
  segment_id: string | null
  deposit_refundable: boolean
  balance_refundable_days: number
  /** Payments the balance is split into (the tenant's default's counts). */
  instalments: number
}

/** A tenant's policies: its default and the segments' overrides. */
export async function tenantDepositPolicies(scope: MedusaContainer, salesChannelId: string): Promise<DepositPolicyRow[]> {
  const service: DepositsModuleService = scope.resolve(DEPOSITS_MODULE)
  const rows = await service.listDepositPolicies({ sales_channel_id: salesChannelId }, { order: { created_at: "ASC" } })
  return rows.map((r) => ({
    id: r.id,
    sales_channel_id: r.sales_channel_id,
    segment_id: r.segment_id,
    kind: r.kind,
    value: Number(r.value),
    currency_code: r.currency_code,
    balance_due_days: r.balance_due_days,
    deposit_refundable: r.deposit_refundable,
    balance_refundable_days: r.balance_refundable_days,
    instalments: r.instalments,
  }))
}

function asPolicies(rows: DepositPolicyRow[]): DepositPolicies {
  return {
    tenant: rows.find((r) => !r.segment_id) ?? null,
    segments: Object.fromEntries(rows.filter((r) => r.segment_id).map((r) => [r.segment_id!, r])),
  }
}

export type CartPaymentDue = PaymentDue & {
  cart_id: string
  sales_channel_id: string
  currency_code: string
  /** The policies the decision read, kept with the order's plan. */
  policies: DepositPolicyRow[]
  /** The balance's payments (the tenant default's count, README "Deposits"); none when the cart pays in full. */
  instalments: Instalment[]
}

/**
 * What a cart of one of the key's channels (404 otherwise) pays now, from the plugin's records of
 * its lines (never their metadata). A line that says it is a package but has no live record
 * cannot be given a deposit: a 400, never the total.
 */
export async function cartPaymentDue(scope: MedusaContainer, cartId: string, salesChannelIds: string[]): Promise<CartPaymentDue> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [cart, { data: totals }] = await Promise.all([
    loadCartTierLines(scope, cartId, salesChannelIds),
    query.graph({ entity: "cart", fields: ["id", "total"], filters: { id: cartId } }),
  ])
  const recorded = new Set(cart.records.map((r) => r.cart_line_item_id))
  const unrecorded = cart.items.find((i) => i.metadata?.tiered_kind && !recorded.has(i.id))
  const [policies, today] = await Promise.all([tenantDepositPolicies(scope, cart.sales_channel_id), tenantToday(scope, cart.sales_channel_id)])
  if (unrecorded && policies.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Line ${unrecorded.id} (${unrecorded.title}) is not a package this store recorded, so its deposit cannot be named; remove it and add the package again`
    )
  }
  const lineTotal = (itemId: string | null) => {
    const item = cart.items.find((i) => i.id === itemId)
    return item ? item.unit_price * item.quantity : 0
  }
  const packages: DepositPackage[] = cart.records
    .filter((r) => r.kind === "tier")
    .map((tier) => ({
      segment_id: tier.segment_id,
      event_date: tier.event_date,
      total: lineTotal(tier.cart_line_item_id) + cart.records.filter((r) => r.parent_id === tier.id).reduce((s, r) => s + lineTotal(r.cart_line_item_id), 0),
    }))
  try {
    const due = paymentDue({
      total: Number((totals[0] as { total: unknown }).total),
      subtotal: cart.subtotal,
      currency_code: cart.currency_code,
      packages,
      policies: asPolicies(policies),
      today,
    })
    const count = policies.find((r) => !r.segment_id)?.instalments ?? 1
    const instalments =
      due.pay_in_full || !due.balance_due_date
        ? []
        : instalmentSchedule({ balance: due.balance, booking_day: today, due_date: due.balance_due_date, count, currency_code: cart.currency_code })
    return { ...due, cart_id: cart.id, sales_channel_id: cart.sales_channel_id, currency_code: cart.currency_code, policies, instalments }
  } catch (e) {
    if (e instanceof DepositError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${e.message}; the deposit cannot be named, so this cart cannot be paid`)
    }
    throw e
  }
}

/**
 * The plan of an order of one of the key's channels (404 otherwise): what was due at checkout,
 * what is paid, what is owed and by when. A plan the order-created step did not reach (a crash
 * between the order and its plan) is found by the order's cart and finished here; an order
 * placed without one (a draft order) owes what Medusa says it owes, now. The total is the
 * order's as it stands (after any upgrade); the balance is what its payments do not cover yet.
 */
export async function orderPaymentPlan(scope: MedusaContainer, orderId: string, salesChannelIds: string[]): Promise<OrderPaymentPlan> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "canceled_at",
      "sales_channel_id",
      "currency_code",
      "total",
      "cart.id",
      "payment_collections.amount",
      ...PAID_COLLECTION_FIELDS,
    ],
    filters: { id: orderId },
  })
  const order = data[0] as
    | {
        id: string
        status: string
        canceled_at: string | null
        sales_channel_id: string | null
        currency_code: string
        total: unknown
        cart?: { id: string } | null
        payment_collections?: PaidCollection[] | null
      }
    | undefined
  if (!order || !order.sales_channel_id || !salesChannelIds.includes(order.sales_channel_id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
  const plan = await attachedPlan(scope, order.id, order.cart?.id ?? null)
  const currency = order.currency_code
  const paid = paidOf(order.payment_collections ?? [], currency)
  // The order's own total: an upgrade after checkout (an order edit) raises what is owed.
  const total = roundToMinor(Number(order.total), currency)
  const balance_due_date = plan?.balance_due_date ?? null
  const today = await tenantToday(scope, order.sales_channel_id)
  const deposit = plan ? Number(plan.deposit) : total
  const balance = Math.max(0, roundToMinor(total - paid, currency))
  const answer: OrderPaymentPlan = {
    order_id: order.id,
    currency_code: currency,
    total,
    deposit,
    paid,
    balance,
    balance_due_date,
    status: planStatus({ total, balance_due_date }, paid, today, currency),
  }
  // A plan of several payments answers each (a single balance answers as it always has).
  const several = planInstalments(plan?.instalments as Instalment[] | null | undefined, deposit, paid, balance, today, currency)
  if (several) {
    answer.instalments = several.instalments
    answer.next_payment = several.next_payment
    if (answer.status !== "paid") {
      answer.status = several.overdue ? "overdue" : "due"
    }
  }
  // A canceled order owes nothing more: what it paid stays as its cancellation left it.
  if (order.status === "canceled" || order.canceled_at) {
    answer.status = "canceled"
    answer.balance = 0
    if (answer.instalments) {
      answer.instalments = answer.instalments.map((i) => (i.status === "paid" ? i : { ...i, status: "canceled" }))
      answer.next_payment = null
    }
  }
  return answer
}

/** What the couple pays now on an order's plan: through the next payment of a plan of several, else the whole balance. */
export function amountDueNow(plan: Pick<OrderPaymentPlan, "balance" | "next_payment">): number {
  return plan.next_payment ? plan.next_payment.amount : plan.balance
}

/** The order's plan, giving it the order's id when the order-created step did not get to. */
async function attachedPlan(scope: MedusaContainer, orderId: string, cartId: string | null) {
  const service: DepositsModuleService = scope.resolve(DEPOSITS_MODULE)
  const [plan] = await service.listPaymentPlans({ order_id: orderId })
  if (plan || !cartId) {
    return plan ?? null
  }
  return (await attachPaymentPlan(scope, orderId, cartId)) ?? null
}

/** Gives a cart's plan its order (once: a plan already given to this order is answered as it is). */
export async function attachPaymentPlan(scope: MedusaContainer, orderId: string, cartId: string) {
  const service: DepositsModuleService = scope.resolve(DEPOSITS_MODULE)
  const [plan] = await service.listPaymentPlans({ cart_id: cartId })
  if (!plan || plan.order_id === orderId) {
    return plan
  }
  if (plan.order_id) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `The payment plan of cart ${cartId} belongs to order ${plan.order_id}`)
  }
  return service.updatePaymentPlans({ id: plan.id, order_id: orderId })
}
