import { addDays, datesBetween as boundedDatesBetween, daysBetween, MAX_RANGE_DAYS } from "./dates"

export type DateStatus = "available" | "limited" | "held" | "sold_out" | "blackout" | "unavailable"

export type Blackout = { start_date: string; end_date: string; reason?: string | null }

export type AvailabilityRules = {
  /** Bookings a date can take (the tenant's, or the tier's override). */
  capacity: number
  blackouts: Blackout[]
  /** A date must be at least this many days after today. */
  min_lead_days: number
  /** A date may be at most this many days after today; null = no limit. */
  max_advance_days: number | null
  /** Remaining capacity at or under this makes a date `limited`; 0 = only flagged dates. */
  high_demand_threshold: number
  /** Dates the merchant flagged as high demand. */
  high_demand_dates: string[]
}

export type DateAvailability = {
  date: string
  status: DateStatus
  remaining: number
  reason?: string
  /** For a `held` date: when its first hold lapses (ISO time), the date may free up then. */
  held_until?: string
  /** For a multi-day package's start date: the day of it that makes the start date unbookable. */
  blocked_by?: string
}

/** The most days a package can span (a tier's `days`). */
export const MAX_PACKAGE_DAYS = 14

/** The dates a package of `days` consecutive days starting on `start` takes, in order. */
export function packageDates(start: string, days: number = 1): string[] {
  if (!Number.isInteger(days) || days < 1 || days > MAX_PACKAGE_DAYS) {
    // A pure guard like those of ./dates: routes and the models' checks keep `days` in 1..14 before it gets here.
    // eslint-disable-next-line @medusajs/use-medusa-error-not-generic-error
    throw new RangeError(`A package spans 1 to ${MAX_PACKAGE_DAYS} days (got ${days})`)
  }
  return Array.from({ length: days }, (_, i) => (i ? addDays(start, i) : start))
}

/**
 * A multi-day package's start date judged by all its days (in order, the start date first): the
 * first day that cannot be booked decides (its status, reason and `blocked_by`); else the start
 * date is `limited` when any day is, with the fewest slots any day has left.
 */
export function packageAvailability(days: DateAvailability[]): DateAvailability {
  const [first] = days
  if (days.length === 1) {
    return first
  }
  const blocked = days.find((d) => !isBookable(d.status))
  if (blocked) {
    const { date: _date, ...rest } = blocked
    return { ...rest, date: first.date, remaining: 0, blocked_by: blocked.date }
  }
  return {
    date: first.date,
    status: days.some((d) => d.status === "limited") ? "limited" : "available",
    remaining: Math.min(...days.map((d) => d.remaining)),
  }
}

/**
 * The status of one date given the bookings already on it (`booked`, carts' live holds included)
 * and those holds: a date whose last slots are only held reads `held`, not `sold_out`.
 */
export function dateAvailability(
  date: string,
  today: string,
  rules: AvailabilityRules,
  booked: number,
  held: { count: number; until: string | null } = { count: 0, until: null }
): DateAvailability {
  const ahead = daysBetween(today, date)
  if (ahead < rules.min_lead_days || (rules.max_advance_days !== null && ahead > rules.max_advance_days)) {
    return { date, status: "unavailable", remaining: 0 }
  }
  const blackout = rules.blackouts.find((b) => b.start_date <= date && date <= b.end_date)
  if (blackout) {
    return { date, status: "blackout", remaining: 0, ...(blackout.reason ? { reason: blackout.reason } : {}) }
  }
  const remaining = Math.max(0, rules.capacity - booked)
  if (remaining === 0) {
    return held.count > 0 && rules.capacity - (booked - held.count) > 0
      ? { date, status: "held", remaining, ...(held.until ? { held_until: held.until } : {}) }
      : { date, status: "sold_out", remaining }
  }
  const flagged = rules.high_demand_dates.includes(date)
  if (flagged || remaining <= rules.high_demand_threshold) {
    return { date, status: "limited", remaining }
  }
  return { date, status: "available", remaining }
}

/**
 * Every date from `from` to `to` inclusive, YYYY-MM-DD; [] when `to` is earlier. More than
 * `maxDays` days (a call's maximum unless given) is a RangeError, never a long loop.
 */
export function datesBetween(from: string, to: string, maxDays: number = MAX_RANGE_DAYS): string[] {
  return boundedDatesBetween(from, to, maxDays)
}

export function isBookable(status: DateStatus): boolean {
  return status === "available" || status === "limited"
}

export type AvailabilitySettingsInput = {
  capacity_per_date: number
  min_lead_days: number
  max_advance_days: number | null
  high_demand_threshold: number
}

/**
 * The rules that hold for one tier product of a tenant: its own capacity when
 * it has an override (its bookings then form their own pool), else the tenant's.
 */
export function rulesForProduct(input: {
  settings: AvailabilitySettingsInput
  override_capacity: number | null
  product_id: string
  blackouts: Blackout[]
  high_demand_dates: string[]
}): { rules: AvailabilityRules; pool: string } {
  const own = input.override_capacity !== null
  return {
    pool: own ? input.product_id : "",
    rules: {
      capacity: own ? input.override_capacity! : input.settings.capacity_per_date,
      blackouts: input.blackouts,
      min_lead_days: input.settings.min_lead_days,
      max_advance_days: input.settings.max_advance_days,
      high_demand_threshold: input.settings.high_demand_threshold,
      high_demand_dates: input.high_demand_dates,
    },
  }
}
