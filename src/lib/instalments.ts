import { addDays, daysBetween } from "./dates"
import { minorDigits, roundToMinor } from "./money"

/** The most payments a policy may split a balance into. */
export const MAX_INSTALMENTS = 12

/** The fewest days between two payments of a plan (and between the booking day and the first). */
export const MIN_INSTALMENT_GAP_DAYS = 7

/** One payment of a plan, as checkout computed it and the plan keeps it. */
export type Instalment = { number: number; amount: number; due_date: string }

export type InstalmentStatus = "paid" | "due" | "overdue" | "canceled"

/** An instalment as the plan read answers it: covered in order by what was paid beyond the deposit. */
export type InstalmentState = Instalment & { status: InstalmentStatus }

/** What the couple pays next: through instalment `number`, everything not yet covered. */
export type NextPayment = { number: number; amount: number; due_date: string }

export type InstalmentScheduleInput = {
  balance: number
  /** The tenant's today at checkout, YYYY-MM-DD. */
  booking_day: string
  /** The balance's due date: the last payment's. */
  due_date: string
  /** The policy's count (1..12). */
  count: number
  currency_code: string
}

/**
 * A balance split into payments (README "Deposits"): the last on the balance's due date, the
 * earlier ones spread evenly between the booking day and it (never on or before the booking
 * day); fewer than `count` when the span has no room for payments `MIN_INSTALMENT_GAP_DAYS`
 * apart. Equal amounts, rounded down to the currency's minor unit, the last taking the
 * remainder so they add up to the balance exactly. No payments for no balance.
 */
export function instalmentSchedule(input: InstalmentScheduleInput): Instalment[] {
  const { booking_day, due_date, currency_code } = input
  const factor = 10 ** minorDigits(currency_code)
  const minor = Math.round(roundToMinor(input.balance, currency_code) * factor)
  const span = daysBetween(booking_day, due_date)
  if (!(minor > 0) || !(span > 0)) {
    return minor > 0 ? [{ number: 1, amount: minor / factor, due_date }] : []
  }
  const wanted = Number.isInteger(input.count) ? Math.min(Math.max(input.count, 1), MAX_INSTALMENTS) : 1
  const count = Math.max(1, Math.min(wanted, Math.floor(span / MIN_INSTALMENT_GAP_DAYS), minor))
  const each = Math.floor(minor / count)
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    amount: (i === count - 1 ? minor - each * (count - 1) : each) / factor,
    due_date: i === count - 1 ? due_date : addDays(booking_day, Math.floor((span * (i + 1)) / count)),
  }))
}

/** Each instalment's scheduled total through it (rounded to the currency). */
function cumulative(schedule: Instalment[], currencyCode: string): number[] {
  let sum = 0
  return schedule.map((s) => (sum = roundToMinor(sum + s.amount, currencyCode)))
}

/**
 * Where each instalment stands on `today`: paid when what was paid beyond the deposit
 * (`covered`) reaches its cumulative total (payments of any size cover instalments in order),
 * overdue when its date has passed uncovered, due otherwise. Nothing left to pay (`balance`)
 * makes every instalment paid.
 */
export function instalmentStates(schedule: Instalment[], covered: number, balance: number, today: string, currencyCode: string): InstalmentState[] {
  const through = cumulative(schedule, currencyCode)
  const done = roundToMinor(balance, currencyCode) <= 0
  const paidBeyond = roundToMinor(covered, currencyCode)
  return schedule.map((s, i) => ({
    ...s,
    status: done || through[i] <= paidBeyond ? "paid" : s.due_date < today ? "overdue" : "due",
  }))
}

/**
 * What the couple pays now (README "Balances"): everything whose date has come (overdue, or due
 * today), else the next instalment not yet covered: the scheduled total through that instalment
 * less what is covered. Through the last instalment it is the whole balance (an upgrade since
 * checkout lands there). Null when nothing is owed.
 */
export function nextPayment(states: InstalmentState[], covered: number, balance: number, today: string, currencyCode: string): NextPayment | null {
  const owed = roundToMinor(balance, currencyCode)
  if (owed <= 0 || !states.length) {
    return null
  }
  const unpaid = states.filter((s) => s.status !== "paid")
  const target = unpaid.filter((s) => s.due_date <= today).at(-1) ?? unpaid[0] ?? states.at(-1)!
  return { number: target.number, amount: amountThrough(states, target.number, covered, balance, currencyCode), due_date: target.due_date }
}

/** What paying through instalment `number` takes: its scheduled total less what is covered; the whole balance through the last. */
export function amountThrough(schedule: Instalment[], number: number, covered: number, balance: number, currencyCode: string): number {
  const owed = Math.max(0, roundToMinor(balance, currencyCode))
  if (number >= schedule.length) {
    return owed
  }
  const through = cumulative(schedule, currencyCode)[number - 1]
  return Math.max(0, Math.min(owed, roundToMinor(through - covered, currencyCode)))
}

/**
 * Where a plan of several payments stands (README "Balances"): each instalment's status, the next
 * payment, and whether one is overdue; null for a single balance (it answers as it always has).
 */
export function planInstalments(
  schedule: Instalment[] | null | undefined,
  deposit: number,
  paid: number,
  balance: number,
  today: string,
  currencyCode: string
): { instalments: InstalmentState[]; next_payment: NextPayment | null; overdue: boolean } | null {
  if (!schedule || schedule.length < 2) {
    return null
  }
  const covered = Math.max(0, roundToMinor(paid - deposit, currencyCode))
  const instalments = instalmentStates(schedule, covered, balance, today, currencyCode)
  return { instalments, next_payment: nextPayment(instalments, covered, balance, today, currencyCode), overdue: instalments.some((s) => s.status === "overdue") }
}

/** The instalment a notice speaks of, as the balance events carry it. */
export type InstalmentOfPlan = { number: number; count: number; amount: number; due_date: string }

/** "payment 2 of 3" for a plan of several payments; empty for one balance. */
export function instalmentLabel(instalment: Pick<InstalmentOfPlan, "number" | "count"> | null | undefined): string {
  return instalment && instalment.count > 1 ? `payment ${instalment.number} of ${instalment.count}` : ""
}

export type PlanDates = { event_date: string | null; balance_due_date: string | null; first_due_date?: string | null; instalments?: Instalment[] | null }

/**
 * A plan's dates once its earliest event moved to `event_date` (a reschedule, README "Deposits"):
 * the balance and each payment move by as many days as the event did, so the balance stays due
 * the policy's days before it; none falls before `today` (a date moved into the past is due now).
 * The same plan when the earliest event did not move, or the plan has no due date.
 */
export function movedPlanDates(plan: PlanDates, event_date: string, today: string): PlanDates {
  if (!plan.event_date || !plan.balance_due_date || plan.event_date === event_date) {
    return plan
  }
  const shift = (date: string) => {
    const moved = addDays(date, daysBetween(plan.event_date!, event_date))
    return moved < today ? today : moved
  }
  return {
    event_date,
    balance_due_date: shift(plan.balance_due_date),
    ...(plan.first_due_date !== undefined ? { first_due_date: plan.first_due_date ? shift(plan.first_due_date) : null } : {}),
    ...(plan.instalments !== undefined ? { instalments: plan.instalments ? plan.instalments.map((i) => ({ ...i, due_date: shift(i.due_date) })) : null } : {}),
  }
}
