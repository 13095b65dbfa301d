// Pure and shared with the typed client (which must not load @medusajs/framework), so its guards
// throw RangeError; every route validates a date before it gets here.
/* eslint-disable @medusajs/use-medusa-error-not-generic-error */
/** The first calendar date the plugin accepts anywhere. */
export const MIN_DATE = "2000-01-01"
/** The last calendar date the plugin accepts anywhere. */
export const MAX_DATE = "2200-12-31"
export const DATE_RANGE_MESSAGE = `must be between ${MIN_DATE} and ${MAX_DATE}`
/** The most days one availability or price-preview call covers. */
export const MAX_RANGE_DAYS = 366

/** Milliseconds in a UTC day (no leap seconds in Date's clock). */
export const DAY_MS = 86_400_000

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil):
 * integer arithmetic only, so no Date object can round or overflow on the way.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y
  const era = Math.floor(year / 400)
  const yoe = year - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d]
}

function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1)
}

/** True for a real date written YYYY-MM-DD (2027-02-29 is not one), whatever its year. */
export function isDateShaped(value: unknown): value is string {
  if (typeof value !== "string") {
    return false
  }
  const match = ISO_DATE.exec(value)
  if (!match) {
    return false
  }
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

/** True for a real calendar date written YYYY-MM-DD inside the accepted range (MIN_DATE..MAX_DATE). */
export function isCalendarDate(value: unknown): value is string {
  // Zero-padded YYYY-MM-DD strings sort as their dates do.
  return isDateShaped(value) && value >= MIN_DATE && value <= MAX_DATE
}

export const DATE_FORMAT_MESSAGE = "must be a calendar date written YYYY-MM-DD"

/** What is wrong with a date given to the plugin (its shape, then its range), or null. */
export function dateRangeProblem(value: unknown): string | null {
  if (!isDateShaped(value)) {
    return DATE_FORMAT_MESSAGE
  }
  return isCalendarDate(value) ? null : DATE_RANGE_MESSAGE
}

/** Days since 1970-01-01 of a YYYY-MM-DD date; a RangeError for anything that is not one. */
export function dayNumber(date: string): number {
  if (!isDateShaped(date)) {
    throw new RangeError(`${JSON.stringify(date)} is not a date written YYYY-MM-DD`)
  }
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))
}

/** The YYYY-MM-DD date of a day number; a RangeError outside years 0000-9999, which YYYY cannot write. */
export function fromDayNumber(day: number): string {
  if (!Number.isSafeInteger(day)) {
    throw new RangeError(`${day} is not a day number`)
  }
  const [y, m, d] = civilFromDays(day)
  if (y < 0 || y > 9999) {
    throw new RangeError(`day ${day} falls in year ${y}, outside 0000-9999`)
  }
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/** A zone's name as IANA writes them (Area/Location, UTC, Etc/GMT+5), never a bare offset such as +05:00. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/

/**
 * Whether `name` is an IANA time zone this runtime knows ("UTC" included). Bare offsets are
 * refused even where Intl takes them: PostgreSQL, which cuts the reports' days, reads "+05:00"
 * the POSIX way, as five hours west.
 */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64 || !ZONE_NAME.test(name)) {
    return false
  }
  try {
    dayFormat(name)
    return true
  } catch {
    return false
  }
}

// Building a formatter costs far more than using one; there are a few hundred zones at most.
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>()

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = DAY_FORMATS.get(timeZone)
  if (!format) {
    // Throws a RangeError for a zone the runtime does not know, which is then not kept.
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    if (DAY_FORMATS.size >= 1000) {
      // Spellings differing only in case are each kept; a bound keeps the map from growing with them.
      DAY_FORMATS.clear()
    }
    DAY_FORMATS.set(timeZone, format)
  }
  return format
}

/** Today's date in an IANA time zone, YYYY-MM-DD (UTC's for "UTC"); a RangeError for an unknown zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  if (timeZone === "UTC") {
    return todayUtc(now)
  }
  const parts = dayFormat(timeZone).formatToParts(now)
  const part = (type: "year" | "month" | "day") => parts.find((p) => p.type === type)!.value
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`
}

/**
 * Epoch milliseconds of the first instant after `nowMs` on a later date in the zone: its next
 * midnight, wherever DST moves it (found by halving, to the millisecond, within the next 48 hours).
 */
export function nextMidnightMs(timeZone: string, nowMs: number = Date.now()): number {
  if (timeZone === "UTC") {
    return (Math.floor(nowMs / DAY_MS) + 1) * DAY_MS
  }
  const today = todayIn(timeZone, new Date(nowMs))
  let lo = nowMs
  let hi = nowMs + 2 * DAY_MS
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (todayIn(timeZone, new Date(mid)) === today) {
      lo = mid
    } else {
      hi = mid
    }
  }
  return hi
}

/** Days since 1970-01-01 of the UTC day an instant (epoch milliseconds) falls in. */
export function dayNumberAt(ms: number = Date.now()): number {
  return Math.floor(ms / DAY_MS)
}

/** Epoch milliseconds of a YYYY-MM-DD date's midnight in UTC. */
export function startOfDayMs(date: string): number {
  return dayNumber(date) * DAY_MS
}

/** 0 = Sunday ... 6 = Saturday, of a YYYY-MM-DD date. */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days)
}

/** Whole days from `from` to `to`: negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/** Days from `from` to `to` counting both ends; 0 when `to` is earlier. */
export function rangeLength(from: string, to: string): number {
  return Math.max(0, daysBetween(from, to) + 1)
}

/** The later of two YYYY-MM-DD dates (or the earlier, with `min`). */
export const maxDate = (a: string, b: string) => (a >= b ? a : b)
export const minDate = (a: string, b: string) => (a <= b ? a : b)

/**
 * Every date from `from` to `to` inclusive; [] when `to` is earlier. A range of more than
 * `maxDays` days is refused with a RangeError before anything is built, so no input can
 * make the loop run away: callers validate ranges first and this is the last guard.
 */
export function datesBetween(from: string, to: string, maxDays: number): string[] {
  const first = dayNumber(from)
  const count = dayNumber(to) - first + 1
  if (count <= 0) {
    return []
  }
  if (count > maxDays) {
    throw new RangeError(`${from}..${to} covers ${count} days; at most ${maxDays} days are allowed`)
  }
  return Array.from({ length: count }, (_, i) => fromDayNumber(first + i))
}

/** The first date after `today` falling on `monthDay` (MM-DD): this year's, else next year's. */
export function nextOccurrence(monthDay: string, today: string): string {
  const year = Number(today.slice(0, 4))
  const thisYear = `${year}-${monthDay}`
  return thisYear > today ? thisYear : `${year + 1}-${monthDay}`
}

/**
 * A range's missing ends, counted from a tenant's today: `ahead` starts on today and runs `days`
 * days (a given `from` moves the start), `back` ends on today and reaches `days` days back (a given
 * `to` moves the end); clipped to MIN_DATE..MAX_DATE.
 */
export function fillRange(
  q: { from?: string; to?: string },
  today: string,
  days: number,
  direction: "ahead" | "back"
): { from: string; to: string } {
  if (direction === "ahead") {
    const from = q.from ?? today
    return { from, to: q.to ?? minDate(addDays(from, days - 1), MAX_DATE) }
  }
  const to = q.to ?? today
  return { from: q.from ?? maxDate(addDays(to, -(days - 1)), MIN_DATE), to }
}
