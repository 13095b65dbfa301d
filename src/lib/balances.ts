import { addDays } from "./dates"
import type { InstalmentOfPlan, InstalmentState } from "./instalments"
import { roundToMinor } from "./money"

/** How a merchant says an offline payment was made. */
export const OFFLINE_METHODS = ["cheque", "bank_transfer", "cash", "other"] as const
export type OfflineMethod = (typeof OFFLINE_METHODS)[number]

/** What a balance payment collection was made for, kept in its metadata (`tiered_balance`). */
export type BalanceCollectionKind = "session" | "offline"

/** The largest amount a payment could ever be: bigger is a typo or an attack, never a balance. */
export const MAX_PAYMENT = 1_000_000_000

/** Why a merchant's offline payment of `amount` cannot be recorded against `balance`, or null. */
export function offlinePaymentProblem(amount: number, balance: number, currencyCode: string): string | null {
  const cur = currencyCode.toUpperCase()
  if (!Number.isFinite(amount) || amount <= 0) {
    return `An offline payment must be a positive amount, not ${amount}`
  }
  if (roundToMinor(amount, currencyCode) !== amount) {
    return `${amount} ${cur} has more decimals than ${cur} has`
  }
  if (roundToMinor(balance, currencyCode) <= 0) {
    return "This order is paid in full; there is no balance to record a payment against"
  }
  if (amount > roundToMinor(balance, currencyCode)) {
    return `${amount} ${cur} is more than the balance of ${balance} ${cur}`
  }
  return null
}

/** Why the couple cannot pay a balance now, or null: nothing is owed, or the order is canceled. */
export function balancePaymentProblem(plan: { balance: number; currency_code: string }, canceled: boolean): string | null {
  if (canceled) {
    return "This order is canceled; it has no balance to pay"
  }
  if (roundToMinor(plan.balance, plan.currency_code) <= 0) {
    return "This order is paid in full; there is no balance to pay"
  }
  return null
}

/** The reference storefront's page where the couple pays an order's balance. */
export function balancePaymentUrl(storefrontUrl: string, orderId: string): string {
  const base = storefrontUrl.replace(/\/+$/, "")
  return `${base}/?pay=${encodeURIComponent(orderId)}`
}

/** A payment of an order, as the cancellation policy weighs it. */
export type PolicyPayment = {
  payment_id: string
  /** The checkout's payment (the deposit) or one made on the order afterwards (the balance). */
  kind: "deposit" | "balance"
  /** What it holds now: captured (or authorized) less what was already refunded. */
  amount: number
}

export type CancellationPolicy = { deposit_refundable: boolean; balance_refundable_days: number }

export type PolicyRefund = PolicyPayment & { refund: number; reason: "deposit_refundable" | "deposit_kept" | "balance_in_window" | "balance_after_window" }

/**
 * What a cancel refunds under the tenant's policy: the deposit only when the policy makes it
 * refundable; balance payments only when the cancel comes on or before `balance_refundable_days`
 * before the event. An order without an event date (or without a policy) refunds everything.
 */
export function refundsByPolicy(
  payments: PolicyPayment[],
  policy: CancellationPolicy | null,
  eventDate: string | null,
  today: string,
  currencyCode: string
): PolicyRefund[] {
  const inWindow = !policy || !eventDate || today <= addDays(eventDate, -policy.balance_refundable_days)
  return payments.map((p) => {
    const amount = Math.max(0, roundToMinor(p.amount, currencyCode))
    if (p.kind === "deposit") {
      const refundable = !policy || policy.deposit_refundable
      return { ...p, amount, refund: refundable ? amount : 0, reason: refundable ? "deposit_refundable" : "deposit_kept" }
    }
    return { ...p, amount, refund: inWindow ? amount : 0, reason: inWindow ? "balance_in_window" : "balance_after_window" }
  })
}

/** Days after a failed due-date charge that the next attempt is made (README "Balances"). */
export const RETRY_AFTER_DAYS = [1, 3, 7]

/** When a saved-method charge of a balance is next due: the due date, then the retry days; null once retries are spent. */
export function nextChargeDate(dueDate: string, failedAttempts: number): string | null {
  if (failedAttempts === 0) {
    return dueDate
  }
  const after = RETRY_AFTER_DAYS[failedAttempts - 1]
  return after === undefined ? null : addDays(dueDate, after)
}

/** Events the balance workflows emit, for notifications to subscribe to (README "Balances": events). */
export const BALANCE_EVENTS = {
  paid: "tiered.balance.paid",
  payment_link: "tiered.balance.payment_link",
  charge_failed: "tiered.balance.charge_failed",
  overdue: "tiered.balance.overdue",
  reminder_due: "tiered.balance.reminder_due",
  refunded: "tiered.balance.refunded",
} as const

/** `tiered.balance.paid` (may come more than once for one payment: `payment_id` names it). */
export type BalancePaidEvent = {
  order_id: string
  payment_id: string
  amount: number
  currency_code: string
  method: "session" | "offline"
  offline_method?: string
  reference?: string | null
  payment_collection_id?: string
}

/** `tiered.balance.reminder_due` and `tiered.balance.overdue`. */
export type BalanceDueEvent = {
  order_id: string
  email: string | null
  balance: number
  currency_code: string
  balance_due_date: string | null
  /** The payment of a plan of several the notice is for (its amount: what will be due through it); absent for a single balance. */
  instalment?: InstalmentOfPlan | null
}

/** `tiered.balance.charge_failed`: one per attempt, on the tenant's day it was made. */
export type BalanceChargeFailedEvent = BalanceDueEvent & {
  attempt: number
  attempted_on: string
  error: string
  next_attempt_on: string | null
  flagged: boolean
}

/** `tiered.balance.payment_link` (what `POST /admin/orders/:id/payment-link` answers), on the UTC day it was sent. */
export type PaymentLinkEvent = {
  order_id: string
  url: string
  email: string | null
  amount: number
  currency_code: string
  balance_due_date: string | null
  payment_collection_id: string
  sent_on: string
}

/** What an order has collected, as a share of its total (0..1): money held now (authorized or captured, less refunds). */
export function collectedRatio(paid: number, total: number): number {
  if (!(total > 0) || !(paid > 0)) {
    return 0
  }
  return Math.min(1, paid / total)
}

export type OrderMoney = { order_id: string; key: string; currency_code: string; revenue: number; addon_revenue: number; commission: number }
export type CollectedMoney = { key: string; currency_code: string; booked: number; collected: number; commission: number; commission_collected: number }

/**
 * Booked against collected, per key (a segment, a tier, the total) and currency: each order's
 * revenue and commission count collected in the share its payments hold of its total.
 */
export function collectedBy(rows: OrderMoney[], ratios: Map<string, number>): CollectedMoney[] {
  const sums = new Map<string, CollectedMoney>()
  for (const row of rows) {
    const id = `${row.key}|${row.currency_code}`
    const sum = sums.get(id) ?? { key: row.key, currency_code: row.currency_code, booked: 0, collected: 0, commission: 0, commission_collected: 0 }
    const ratio = ratios.get(row.order_id) ?? 0
    const booked = row.revenue + row.addon_revenue
    sum.booked += booked
    sum.collected += booked * ratio
    sum.commission += row.commission
    sum.commission_collected += row.commission * ratio
    sums.set(id, sum)
  }
  return [...sums.values()].map((s) => ({
    ...s,
    booked: roundToMinor(s.booked, s.currency_code),
    collected: roundToMinor(s.collected, s.currency_code),
    commission: roundToMinor(s.commission, s.currency_code),
    commission_collected: roundToMinor(s.commission_collected, s.currency_code),
  }))
}

/** Days before the due date the couple is reminded of the balance. */
export const REMINDER_DAYS_BEFORE_DUE = 7

export type ScheduleState = {
  provider_id: string | null
  attempts: number
  flagged: boolean
  reminded_on: string | null
  overdue_on: string | null
  /** The due date of the instalment last reminded of, marked overdue, and the failed attempts count for (null on a schedule from before plans of several payments: the current one). */
  reminded_for?: string | null
  overdue_for?: string | null
  attempts_for?: string | null
}

export type BalanceActions = { remind: boolean; charge: boolean; overdue: boolean }

/** The instalment each action of the day is for (null: no such action), and the failed attempts that count for the charge's. */
export type BalanceTargets = { remind: InstalmentState | null; charge: InstalmentState | null; overdue: InstalmentState | null; attempts: number }

/**
 * What the daily balance run does for one order on the tenant's `today`, per instalment (a single
 * balance is one instalment on its due date): remind once in the week before the next instalment's
 * date; charge a saved method on the date of the latest instalment come due and on its retry days
 * until they are spent (a flag raised for an earlier instalment, since covered, does not hold);
 * mark the latest passed instalment overdue once, the day after its date.
 */
export function balanceTargets(
  plan: { balance: number; balance_due_date: string | null; instalments?: InstalmentState[] | null },
  state: ScheduleState,
  today: string
): BalanceTargets {
  const due = plan.balance_due_date
  const none: BalanceTargets = { remind: null, charge: null, overdue: null, attempts: 0 }
  if (!due || !(plan.balance > 0)) {
    return none
  }
  const schedule: InstalmentState[] = plan.instalments?.length ? plan.instalments : [{ number: 1, amount: plan.balance, due_date: due, status: due < today ? "overdue" : "due" }]
  const unpaid = schedule.filter((s) => s.status !== "paid")
  const upcoming = unpaid.find((s) => s.due_date > today) ?? null
  const current = unpaid.filter((s) => s.due_date <= today).at(-1) ?? null
  const passed = unpaid.filter((s) => s.due_date < today).at(-1) ?? null

  const remindedFor = state.reminded_for ?? (state.reminded_on ? upcoming?.due_date ?? null : null)
  const remind = upcoming && today >= addDays(upcoming.due_date, -REMINDER_DAYS_BEFORE_DUE) && !(remindedFor && remindedFor >= upcoming.due_date) ? upcoming : null

  const overdueFor = state.overdue_for ?? (state.overdue_on ? passed?.due_date ?? null : null)
  const overdue = passed && !(overdueFor && overdueFor >= passed.due_date) ? passed : null

  let charge: InstalmentState | null = null
  let attempts = 0
  if (current) {
    const attemptsFor = state.attempts_for ?? current.due_date
    const same = attemptsFor === current.due_date
    attempts = same ? state.attempts : 0
    const next = nextChargeDate(current.due_date, attempts)
    charge = state.provider_id && !(state.flagged && same) && next !== null && today >= next ? current : null
  }
  return { remind, charge, overdue, attempts }
}

/** {@link balanceTargets} as yes or no. */
export function balanceActions(plan: { balance: number; balance_due_date: string | null; instalments?: InstalmentState[] | null }, state: ScheduleState, today: string): BalanceActions {
  const t = balanceTargets(plan, state, today)
  return { remind: !!t.remind, charge: !!t.charge, overdue: !!t.overdue }
}
