import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { BalanceCollectionKind, collectedRatio } from "../lib/balances"
import { planStatus } from "../lib/deposits"
import { Instalment, planInstalments } from "../lib/instalments"
import { roundToMinor } from "../lib/money"
import { PAID_COLLECTION_FIELDS, PaidCollection, paidOf } from "../lib/paid"
import { BALANCES_MODULE, BalancesModuleService } from "../modules/balances"
import { DEPOSITS_MODULE, DepositsModuleService } from "../modules/deposits"
import type { OrderPaymentPlan } from "../contract/store"
import type { AdminBalanceRow } from "../contract/admin"
import { orderPaymentPlan } from "./payment-plan"
import { tenantTodays } from "./time-zones"

export type BalanceSession = {
  id: string
  provider_id: string
  status: string
  amount: number
  authorized_at: string | null
  payment: { id: string } | null
  /** Why the provider refused it (a declined card), when it did. */
  error: string | null
}

export type BalanceCollection = {
  id: string
  amount: number
  status: string
  kind: BalanceCollectionKind | null
  metadata: Record<string, unknown> | null
  payment_sessions: BalanceSession[]
}

/** An order as the balance workflows read it: its tenant, its plan and its payment collections. */
export type OrderBalance = {
  order_id: string
  email: string | null
  /** The order's customer (a guest's record, or a signed-in account's). */
  customer_id: string | null
  sales_channel_id: string
  region_id: string | null
  currency_code: string
  canceled: boolean
  plan: OrderPaymentPlan
  collections: BalanceCollection[]
}

type OrderRow = {
  id: string
  email: string | null
  customer_id: string | null
  status: string
  sales_channel_id: string | null
  region_id: string | null
  currency_code: string
  canceled_at: string | null
  payment_collections?:
    | {
        id: string
        amount: unknown
        status: string
        metadata: Record<string, unknown> | null
        created_at: string
        payment_sessions?:
          | {
              id: string
              provider_id: string
              status: string
              amount: unknown
              authorized_at: string | null
              data?: { last_payment_error?: { message?: unknown } | null } | null
              payment?: { id: string } | null
            }[]
          | null
      }[]
    | null
}

const orderNotFound = (orderId: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)

/**
 * The order's plan and payment collections; 404 for an order outside `salesChannelIds` (a store
 * key's channels) when they are given. The plan is the deposits module's (paid, balance, status).
 */
export async function orderBalance(scope: MedusaContainer, orderId: string, salesChannelIds?: string[]): Promise<OrderBalance> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "email",
      "customer_id",
      "status",
      "sales_channel_id",
      "region_id",
      "currency_code",
      "canceled_at",
      "payment_collections.id",
      "payment_collections.amount",
      "payment_collections.status",
      "payment_collections.metadata",
      "payment_collections.created_at",
      "payment_collections.payment_sessions.id",
      "payment_collections.payment_sessions.provider_id",
      "payment_collections.payment_sessions.status",
      "payment_collections.payment_sessions.amount",
      "payment_collections.payment_sessions.authorized_at",
      "payment_collections.payment_sessions.data",
      "payment_collections.payment_sessions.payment.id",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as OrderRow | undefined
  if (!order || !order.sales_channel_id || (salesChannelIds && !salesChannelIds.includes(order.sales_channel_id))) {
    throw orderNotFound(orderId)
  }
  const plan = await orderPaymentPlan(scope, order.id, [order.sales_channel_id])
  const collections = [...(order.payment_collections ?? [])]
    .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))
    .map((c) => ({
      id: c.id,
      amount: Number(c.amount),
      status: c.status,
      kind: (c.metadata?.tiered_balance as BalanceCollectionKind | undefined) ?? null,
      metadata: c.metadata ?? null,
      payment_sessions: (c.payment_sessions ?? []).map((s) => ({
        id: s.id,
        provider_id: s.provider_id,
        status: s.status,
        amount: Number(s.amount),
        authorized_at: s.authorized_at,
        payment: s.payment ? { id: s.payment.id } : null,
        error: s.status === "error" ? String(s.data?.last_payment_error?.message ?? "the provider refused the payment") : null,
      })),
    }))
  return {
    order_id: order.id,
    email: order.email,
    customer_id: order.customer_id,
    sales_channel_id: order.sales_channel_id,
    region_id: order.region_id,
    currency_code: order.currency_code,
    canceled: order.status === "canceled" || !!order.canceled_at,
    plan,
    collections,
  }
}

/** The balance collection the couple pays by session, while it is still open (not paid, not canceled). */
export function openSessionCollection(state: OrderBalance): BalanceCollection | null {
  return state.collections.filter((c) => c.kind === "session" && (c.status === "not_paid" || c.status === "awaiting")).at(-1) ?? null
}

/** The session collection's payment, once a session of it was authorized. */
export function authorizedSession(state: OrderBalance): { collection: BalanceCollection; session: BalanceSession } | null {
  for (const collection of [...state.collections].reverse()) {
    if (collection.kind !== "session") {
      continue
    }
    const session = collection.payment_sessions.find((s) => s.payment && s.authorized_at)
    if (session) {
      return { collection, session }
    }
  }
  return null
}

/** The providers a region takes payments with. */
export async function regionProviders(scope: MedusaContainer, regionId: string | null): Promise<string[]> {
  if (!regionId) {
    return []
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id", "payment_providers.id", "payment_providers.is_enabled"], filters: { id: regionId } })
  const providers = (data[0] as { payment_providers?: { id: string; is_enabled?: boolean }[] | null } | undefined)?.payment_providers ?? []
  return providers.filter((p) => p.is_enabled !== false).map((p) => p.id)
}

/** A balance collection and its sessions as the store answers them (a Stripe session's data holds its client secret). */
export async function balancePaymentCollection(scope: MedusaContainer, collectionId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: [
      "id",
      "amount",
      "currency_code",
      "status",
      "payment_sessions.id",
      "payment_sessions.provider_id",
      "payment_sessions.status",
      "payment_sessions.amount",
      "payment_sessions.data",
    ],
    filters: { id: collectionId },
  })
  const c = data[0] as {
    id: string
    amount: unknown
    currency_code: string
    status: string
    payment_sessions?: { id: string; provider_id: string; status: string; amount: unknown; data: Record<string, unknown> | null }[] | null
  }
  return {
    id: c.id,
    amount: Number(c.amount),
    currency_code: c.currency_code,
    status: c.status,
    payment_sessions: (c.payment_sessions ?? []).map((s) => ({ id: s.id, provider_id: s.provider_id, status: s.status, amount: Number(s.amount), data: s.data ?? {} })),
  }
}

/** An order's plan and each of its payment collections, for the order page's schedule. */
export async function orderSchedule(scope: MedusaContainer, orderId: string) {
  const state = await orderBalance(scope, orderId)
  const balances: BalancesModuleService = scope.resolve(BALANCES_MODULE)
  const [schedule] = await balances.listBalanceSchedules({ order_id: state.order_id })
  return {
    payment_plan: state.plan,
    canceled: state.canceled,
    /** The due-date charge: the saved method, failed attempts, the flag, the notices given. */
    charge: schedule
      ? {
          provider_id: schedule.provider_id,
          attempts: schedule.attempts,
          last_error: schedule.last_error,
          last_attempt_at: schedule.last_attempt_at ? new Date(schedule.last_attempt_at).toISOString() : null,
          flagged_at: schedule.flagged_at ? new Date(schedule.flagged_at).toISOString() : null,
          reminded_on: schedule.reminded_on,
          overdue_on: schedule.overdue_on,
          reminded_for: schedule.reminded_for,
          overdue_for: schedule.overdue_for,
          attempts_for: schedule.attempts_for,
        }
      : null,
    payments: state.collections.map((c) => ({
      payment_collection_id: c.id,
      /** checkout: the cart's (the deposit, or the whole order); session or offline: the balance's. */
      kind: c.kind ?? ("checkout" as const),
      amount: c.amount,
      status: c.status,
      method: c.kind === "offline" ? ((c.metadata?.method as string | undefined) ?? null) : (c.payment_sessions.find((s) => s.payment)?.provider_id ?? null),
      reference: (c.metadata?.reference as string | null | undefined) ?? null,
      note: (c.metadata?.note as string | null | undefined) ?? null,
    })),
  }
}

/** A row of `GET /admin/balances` (the contract's type). */
export type BalanceRow = AdminBalanceRow

export type BalanceFilter = { sales_channel_id?: string; status?: "due" | "overdue"; limit: number; offset: number }

/**
 * Orders across tenants whose plan still owes money (due, or overdue in the tenant's today),
 * earliest due date first; canceled orders owe nothing. Paid is the deposits module's rule (paidOf).
 */
export async function listBalances(scope: MedusaContainer, filter: BalanceFilter, now: Date = new Date()) {
  const deposits: DepositsModuleService = scope.resolve(DEPOSITS_MODULE)
  const plans = await deposits.listPaymentPlans(
    { order_id: { $ne: null }, pay_in_full: false, ...(filter.sales_channel_id ? { sales_channel_id: filter.sales_channel_id } : {}) },
    { order: { balance_due_date: "ASC" } }
  )
  if (!plans.length) {
    return { balances: [] as BalanceRow[], count: 0, offset: filter.offset, limit: filter.limit }
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "email",
      "status",
      "total",
      "canceled_at",
      "sales_channel.id",
      "sales_channel.name",
      "payment_collections.amount",
      ...PAID_COLLECTION_FIELDS,
    ],
    filters: { id: plans.map((p) => p.order_id!) },
  })
  type Row = {
    id: string
    display_id: number | null
    email: string | null
    status: string
    total: unknown
    canceled_at: string | null
    sales_channel?: { id: string; name: string } | null
    payment_collections?: PaidCollection[] | null
  }
  const orders = new Map((data as Row[]).map((o) => [o.id, o]))
  const todays = await tenantTodays(scope, [...new Set(plans.map((p) => p.sales_channel_id))], {}, now)
  const rows: BalanceRow[] = []
  for (const plan of plans) {
    const order = orders.get(plan.order_id!)
    if (!order || order.status === "canceled" || order.canceled_at) {
      continue
    }
    const currency = plan.currency_code
    // The order's own total, as the plan answers it (an upgrade after checkout raises what is owed).
    const total = roundToMinor(Number(order.total), currency)
    const paid = paidOf(order.payment_collections ?? [], currency)
    const today = todays.get(plan.sales_channel_id)!
    const balance = Math.max(0, roundToMinor(total - paid, currency))
    const several = planInstalments(plan.instalments as Instalment[] | null, Number(plan.deposit), paid, balance, today, currency)
    const single = planStatus({ total, balance_due_date: plan.balance_due_date }, paid, today, currency)
    // A plan of several payments is overdue once one of them is.
    const status = several && single !== "paid" ? (several.overdue ? "overdue" : "due") : single
    if (status === "paid" || (filter.status && status !== filter.status)) {
      continue
    }
    const owing: BalanceRow["status"] = status
    rows.push({
      order_id: order.id,
      display_id: order.display_id,
      email: order.email,
      sales_channel_id: plan.sales_channel_id,
      sales_channel_name: order.sales_channel?.name ?? null,
      currency_code: currency,
      total,
      paid,
      balance,
      balance_due_date: plan.balance_due_date,
      event_date: plan.event_date,
      status: owing,
    })
  }
  return { balances: rows.slice(filter.offset, filter.offset + filter.limit), count: rows.length, offset: filter.offset, limit: filter.limit }
}

/** Each order's collected share of its total (README "Balances": collected), by the deposits module's paid rule. */
export async function collectedRatios(scope: MedusaContainer, orderIds: string[]): Promise<Map<string, number>> {
  if (!orderIds.length) {
    return new Map()
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "total",
      "currency_code",
      "payment_collections.amount",
      ...PAID_COLLECTION_FIELDS,
    ],
    filters: { id: [...new Set(orderIds)] },
  })
  type Row = { id: string; total: unknown; currency_code: string; payment_collections?: PaidCollection[] | null }
  return new Map((data as Row[]).map((o) => [o.id, collectedRatio(paidOf(o.payment_collections ?? [], o.currency_code), Number(o.total))]))
}
