import { DateAvailability, isBookable } from "./availability"
import { daysBetween } from "./dates"
import { roundToMinor } from "./money"

/** Who asks to move a booking: the merchant from the admin, or the couple from the storefront. */
export type RescheduleActor = "admin" | "customer"

/** How a refusal is answered: 400 (`invalid`, `not_allowed`), 403 (`forbidden`) or 409 (`conflict`). */
export type RescheduleProblem = { kind: "invalid" | "not_allowed" | "forbidden" | "conflict"; message: string }

export type RescheduleRules = {
  actor: RescheduleActor
  /** The booking's current date and the one asked for, YYYY-MM-DD. */
  from: string
  to: string
  /** The tenant's today, YYYY-MM-DD. */
  today: string
  allow_customer_reschedule: boolean
  reschedule_notice_days: number
}

/**
 * Why a booking cannot move by the rules that need no date's bookings (null: it may, so far).
 * A couple moves their own date only where the tenant allows it, and early enough.
 */
export function rescheduleRuleProblem(rules: RescheduleRules): RescheduleProblem | null {
  if (rules.to === rules.from) {
    return { kind: "invalid", message: `The booking is already on ${rules.to}; choose another date` }
  }
  if (daysBetween(rules.today, rules.to) < 0) {
    return { kind: "invalid", message: `${rules.to} is in the past; choose a later date` }
  }
  if (rules.actor === "customer") {
    if (!rules.allow_customer_reschedule) {
      return { kind: "forbidden", message: "This studio does not let bookings be moved online; please contact them to change your date" }
    }
    const ahead = daysBetween(rules.today, rules.from)
    if (ahead < rules.reschedule_notice_days) {
      return {
        kind: "not_allowed",
        message: `A date can be moved online at least ${rules.reschedule_notice_days} days before it; ${rules.from} is ${Math.max(ahead, 0)} days away, please contact the studio`,
      }
    }
  }
  return null
}

/** Why the asked date cannot take the booking, from its status for the booking's package (null: it can). */
export function dateProblem(day: DateAvailability): RescheduleProblem | null {
  if (isBookable(day.status)) {
    return null
  }
  switch (day.status) {
    case "sold_out":
      return { kind: "conflict", message: `${day.date} is sold out; choose another date` }
    case "blackout":
      return { kind: "not_allowed", message: `${day.date} is not bookable (blackout${day.reason ? `: ${day.reason}` : ""})` }
    default:
      return { kind: "not_allowed", message: `${day.date} is outside the dates this studio takes bookings for` }
  }
}

/**
 * What the new date costs more (positive) or less (negative) than what was paid for the line:
 * the package priced for the new date, and its add-ons (priced without the date today), less the
 * prices the records say were paid. Nothing is charged or refunded from it.
 */
export function priceDifference(
  lines: { paid_unit_price: number; new_unit_price: number; quantity: number }[],
  currencyCode: string
): number {
  const total = lines.reduce((sum, l) => sum + (l.new_unit_price - l.paid_unit_price) * l.quantity, 0)
  return roundToMinor(total, currencyCode)
}
