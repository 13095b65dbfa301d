import { addDays, isCalendarDate } from "./dates"
import { roundToMinor } from "./money"

/** A deposit rule: a percent of the package, or a fixed amount in one currency's main unit. */
export type DepositRule = {
  kind: "percent" | "fixed"
  /** Percent (1-100), or the fixed amount. */
  value: number
  /** The currency of a fixed amount; a cart in another currency pays that package in full. */
  currency_code: string | null
  /** Days before the event the balance is due; inside them the order pays in full. */
  balance_due_days: number
}

/** A tenant's rules: its default and the segments' overrides. */
export type DepositPolicies = {
  tenant: DepositRule | null
  segments: Record<string, DepositRule>
}

/** A tier line of the cart with its add-ons, as the plugin's records describe it. */
export type DepositPackage = {
  segment_id: string
  event_date: string
  /** What the tier line and its add-ons cost (unit price x quantity), before taxes and discounts. */
  total: number
}

export type PaymentDueInput = {
  /** The cart's total (what Medusa would charge in full). */
  total: number
  /** Sum of every line's unit price x quantity: packages and any other line. */
  subtotal: number
  currency_code: string
  packages: DepositPackage[]
  policies: DepositPolicies
  /** The tenant's today, YYYY-MM-DD. */
  today: string
}

export type PaymentDueReason =
  | "no_packages" // a cart without tier lines pays as Medusa says
  | "no_policy" // the tenant (and the packages' segments) take no deposit
  | "deposit" // the deposit now, the balance by the due date
  | "balance_due_passed" // the event is closer than the balance's days: all now
  | "deposit_covers_total" // the deposit would be the whole total

export type PaymentDue = {
  total: number
  due_now: number
  balance: number
  /** When the balance is due; null when the order pays in full. */
  balance_due_date: string | null
  /** The earliest event date of the cart's packages. */
  event_date: string | null
  pay_in_full: boolean
  reason: PaymentDueReason
}

/** The amount due cannot be named from what the cart holds: checkout refuses rather than guess. */
export class DepositError extends Error {
  name = "DepositError"
}

const isMoney = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n) && n >= 0

function ruleProblem(rule: DepositRule): string | null {
  if (rule.kind === "percent" && !(rule.value > 0 && rule.value <= 100)) {
    return `a percent deposit of ${rule.value} is not between 1 and 100`
  }
  if (rule.kind === "fixed" && !(isMoney(rule.value) && rule.value > 0 && rule.currency_code)) {
    return "a fixed deposit needs a positive amount and its currency"
  }
  if (!Number.isInteger(rule.balance_due_days) || rule.balance_due_days < 0) {
    return `balance_due_days ${rule.balance_due_days} is not a whole number of days`
  }
  return null
}

/**
 * What a cart pays at checkout and what its order owes later: the one decision every caller
 * (the payment session, checkout's check, the store's answer, the order's plan) reads.
 *
 * Each package (a tier line with its add-ons) takes its segment's override, else the tenant's
 * default; it carries its share of the cart's total (taxes and discounts spread by line total).
 * A percent deposit is that percent of the share; a fixed one is the amount once per package, in
 * its own currency only (another currency pays the package in full). Lines that are no package
 * and packages without a rule are due in full now. The deposits add up; the balance is due
 * `balance_due_days` before the earliest event of a package that left one. The order pays in full
 * when no package takes a deposit, when that due date is today or past, or when the deposit would
 * be the whole total. Amounts are rounded once, to the currency's minor unit.
 */
export function paymentDue(input: PaymentDueInput): PaymentDue {
  const { currency_code: currency, packages, policies } = input
  if (!isMoney(input.total) || !isMoney(input.subtotal)) {
    throw new DepositError(`The cart's total (${input.total}) cannot be read`)
  }
  if (!isCalendarDate(input.today)) {
    throw new DepositError(`Today (${input.today}) is not a date`)
  }
  const total = roundToMinor(input.total, currency)
  const eventDates = packages.map((p) => p.event_date).sort()
  const full = (reason: PaymentDueReason): PaymentDue => ({
    total,
    due_now: total,
    balance: 0,
    balance_due_date: null,
    event_date: eventDates[0] ?? null,
    pay_in_full: true,
    reason,
  })
  if (!packages.length) {
    return full("no_packages")
  }
  for (const p of packages) {
    if (!p.segment_id || !isCalendarDate(p.event_date) || !isMoney(p.total)) {
      throw new DepositError(`A package line (segment ${p.segment_id || "unknown"}, ${p.event_date}) cannot be read, so its deposit cannot be named`)
    }
  }
  const packagesTotal = packages.reduce((s, p) => s + p.total, 0)
  if (packagesTotal > input.subtotal * (1 + 1e-9) + 1e-9) {
    throw new DepositError("The cart's package lines add up to more than its lines")
  }
  const rules = packages.map((p) => policies.segments[p.segment_id] ?? policies.tenant)
  if (rules.every((r) => !r)) {
    return full("no_policy")
  }
  for (const rule of rules) {
    const problem = rule && ruleProblem(rule)
    if (problem) {
      throw new DepositError(`The deposit policy cannot be applied: ${problem}`)
    }
  }
  if (input.subtotal <= 0 || total <= 0) {
    return full("deposit_covers_total")
  }

  let dueNow = input.total
  let dueDate = null as string | null
  for (const [i, p] of packages.entries()) {
    const rule = rules[i]
    if (!rule) {
      continue
    }
    const share = (input.total * p.total) / input.subtotal
    const sameCurrency = rule.currency_code?.toLowerCase() === currency.toLowerCase()
    const deposit =
      rule.kind === "percent" ? (share * rule.value) / 100 : sameCurrency ? Math.min(rule.value, share) : share
    if (deposit >= share) {
      continue
    }
    dueNow -= share - deposit
    const due = addDays(p.event_date, -rule.balance_due_days)
    dueDate = dueDate && dueDate < due ? dueDate : due
  }
  if (!dueDate) {
    return full("deposit_covers_total")
  }
  if (dueDate <= input.today) {
    return full("balance_due_passed")
  }
  const due_now = roundToMinor(dueNow, currency)
  if (due_now >= total) {
    return full("deposit_covers_total")
  }
  return {
    total,
    due_now,
    balance: roundToMinor(total - due_now, currency),
    balance_due_date: dueDate,
    event_date: eventDates[0],
    pay_in_full: false,
    reason: "deposit",
  }
}

/** The platform's fee on a payment of `amount` out of `total`: the commission's share, never more than the amount. */
export function feeShare(commission: number, amount: number, total: number, currencyCode: string): number {
  if (!(total > 0) || !(amount > 0)) {
    return 0
  }
  const share = amount >= total ? commission : (commission * amount) / total
  return Math.min(roundToMinor(share, currencyCode), roundToMinor(amount, currencyCode))
}

/** `canceled`: the order was canceled; it owes nothing more (what it kept or refunded is its cancellation's). */
export type PlanStatus = "paid" | "due" | "overdue" | "canceled"

/** Where an order's plan stands: paid in full, the balance still due, or due and its date past. */
export function planStatus(plan: { total: number; balance_due_date: string | null }, paid: number, today: string, currencyCode: string): Exclude<PlanStatus, "canceled"> {
  if (roundToMinor(paid, currencyCode) >= roundToMinor(plan.total, currencyCode)) {
    return "paid"
  }
  return plan.balance_due_date && plan.balance_due_date < today ? "overdue" : "due"
}

/** The payment session statuses checkout would authorize (Medusa's processable ones). */
const PROCESSABLE = new Set(["pending", "requires_more", "authorized", "captured", "pending_authorization"])

/**
 * Why checkout must refuse a cart's payment sessions, or null: every session it would authorize
 * must be for exactly what is due now (a session made before the cart changed, or for a
 * collection whose amount was reset, is not).
 */
export function sessionAmountProblem(sessions: { amount: unknown; status: string }[], dueNow: number, currencyCode: string): string | null {
  const wrong = sessions.find((s) => PROCESSABLE.has(s.status) && roundToMinor(Number(s.amount), currencyCode) !== roundToMinor(dueNow, currencyCode))
  if (!wrong) {
    return null
  }
  return `The payment session is for ${Number(wrong.amount)} ${currencyCode.toUpperCase()} but ${dueNow} is due now; start the payment session again (POST /store/payment-collections/:id/payment-sessions) and complete the cart`
}
