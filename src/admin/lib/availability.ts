import { numberOrNull } from "./form-values"

// The API's shapes (README "Availability"), from the HTTP contract.
export type {
  Availability,
  AvailabilityChange,
  AvailabilitySettings,
  Blackout,
  CalendarDay,
  DateStatus,
  HighDemandDate,
} from "../../contract/admin"
import type { Availability, AvailabilitySettings, CalendarDay, DateBooking, DateStatus } from "../../contract/admin"

// ---- dates, all in UTC like the API ("today, UTC, is day 0") ----

export type Month = { year: number; month: number } // month 0-11

const pad = (n: number) => String(n).padStart(2, "0")
const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month + 1)}-${pad(day)}`
const daysIn = ({ year, month }: Month) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
export const firstOf = (m: Month) => isoDate(m.year, m.month, 1)
export const lastOf = (m: Month) => isoDate(m.year, m.month, daysIn(m))
export const shift = ({ year, month }: Month, by: number): Month => {
  const d = new Date(Date.UTC(year, month + by, 1))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() }
}
export const thisMonth = (now = new Date()): Month => ({ year: now.getUTCFullYear(), month: now.getUTCMonth() })
/** The month a YYYY-MM-DD date falls in. */
export const monthOf = (date: string): Month => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) - 1 })
export const monthTitle = ({ year, month }: Month) =>
  new Date(Date.UTC(year, month, 1)).toLocaleDateString(undefined, { month: "long", year: "numeric", timeZone: "UTC" })

export const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

/** The month's dates in rows of seven, Sunday first (the API's weekday 0), padded with nulls. */
export function monthGrid(m: Month): (string | null)[][] {
  const lead = new Date(Date.UTC(m.year, m.month, 1)).getUTCDay()
  const cells: (string | null)[] = [
    ...Array<null>(lead).fill(null),
    ...Array.from({ length: daysIn(m) }, (_, i) => isoDate(m.year, m.month, i + 1)),
  ]
  while (cells.length % 7) cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, row) => cells.slice(row * 7, row * 7 + 7))
}

export const STATUS: Record<DateStatus, { label: string; color: "green" | "orange" | "red" | "purple" | "grey"; cell: string }> = {
  available: { label: "Available", color: "green", cell: "bg-ui-tag-green-bg border-ui-tag-green-border" },
  limited: { label: "Limited", color: "orange", cell: "bg-ui-tag-orange-bg border-ui-tag-orange-border" },
  held: { label: "Held", color: "purple", cell: "bg-ui-tag-blue-bg border-ui-tag-blue-border" },
  sold_out: { label: "Sold out", color: "red", cell: "bg-ui-tag-red-bg border-ui-tag-red-border" },
  blackout: { label: "Blackout", color: "purple", cell: "bg-ui-tag-purple-bg border-ui-tag-purple-border" },
  unavailable: { label: "Unavailable", color: "grey", cell: "bg-ui-bg-disabled border-ui-border-base text-ui-fg-disabled" },
}

/** Shoppers can still book it: the places left are worth showing. */
export const isBookable = (status: DateStatus) => status === "available" || status === "limited"

/** A calendar cell read aloud: the date, its status and, where it takes bookings at all, what is left. */
export function dayLabel(date: string, day: CalendarDay | undefined): string {
  const left = day && day.status !== "unavailable" && day.status !== "blackout" ? `, ${day.remaining} left` : ""
  const held = day?.held ? `, ${day.held} held in carts` : ""
  return `${date}: ${day ? STATUS[day.status].label : "loading"}${left}${held}`
}

/** The blackouts that cover a date, and the date's high-demand flags. */
export const blackoutsOn = (availability: Availability, date: string) =>
  availability.blackouts.filter((b) => b.start_date <= date && date <= b.end_date)
export const flagsOn = (availability: Availability, date: string) => availability.high_demand_dates.filter((d) => d.date === date)

// ---- settings ----

export type SettingsFormValues = Record<keyof AvailabilitySettings, string>

export const settingsFormValues = (s: AvailabilitySettings): SettingsFormValues => ({
  capacity_per_date: String(s.capacity_per_date),
  min_lead_days: String(s.min_lead_days),
  max_advance_days: s.max_advance_days == null ? "" : String(s.max_advance_days),
  high_demand_threshold: String(s.high_demand_threshold),
  hold_minutes: String(s.hold_minutes),
  time_zone: s.time_zone,
  allow_customer_reschedule: String(s.allow_customer_reschedule),
  reschedule_notice_days: String(s.reschedule_notice_days),
})

// Empty capacity/lead/threshold is sent as NaN for the API to refuse; empty advance means no limit.
export const settingsPayload = (v: SettingsFormValues): AvailabilitySettings => ({
  capacity_per_date: numberOrNull(v.capacity_per_date) ?? NaN,
  min_lead_days: numberOrNull(v.min_lead_days) ?? NaN,
  max_advance_days: numberOrNull(v.max_advance_days),
  high_demand_threshold: numberOrNull(v.high_demand_threshold) ?? NaN,
  hold_minutes: numberOrNull(v.hold_minutes) ?? NaN,
  time_zone: v.time_zone.trim(),
  allow_customer_reschedule: v.allow_customer_reschedule === "true",
  reschedule_notice_days: numberOrNull(v.reschedule_notice_days) ?? NaN,
})

export const SETTING_FIELDS: { key: keyof AvailabilitySettings; label: string; hint: string; kind?: "time_zone" | "boolean" }[] = [
  { key: "capacity_per_date", label: "Capacity per date", hint: "Bookings a date can take." },
  { key: "min_lead_days", label: "Minimum lead days", hint: "0 lets shoppers book today." },
  { key: "max_advance_days", label: "Maximum advance days", hint: "Empty: no limit." },
  { key: "high_demand_threshold", label: "High-demand threshold", hint: "Remaining at or under this shows as limited; 0 = flagged dates only." },
  { key: "hold_minutes", label: "Cart hold (minutes)", hint: "How long a package in a cart keeps its date: 1 to 1440." },
  { key: "time_zone", label: "Time zone", hint: "IANA name, e.g. Europe/Paris: today, lead time and the window count in it.", kind: "time_zone" },
  { key: "allow_customer_reschedule", label: "Couples may reschedule", hint: "Lets a couple move their own booking from the storefront.", kind: "boolean" },
  { key: "reschedule_notice_days", label: "Reschedule notice (days)", hint: "A couple can move a date at least this many days before it." },
]

/** The time zones the browser knows, offered as suggestions for the time zone field. */
export const timeZoneNames = (): string[] => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] }
  return ["UTC", ...(intl.supportedValuesOf?.("timeZone") ?? [])]
}

// ---- a date's bookings ----

/** How a booking of a date reads in its drawer: who, what, and where it stands. */
export function dateBookingText(b: DateBooking, locale?: string): { title: string; detail: string; status: string } {
  const who = b.customer_name ?? b.customer_email ?? (b.order_id ? "Customer" : "A shopper's cart")
  const title = `${b.tier_name ?? b.tier_id} · ${who}`
  const parts = [
    b.order_display_id !== null ? `Order #${b.order_display_id}` : null,
    b.guest_count !== null ? `${b.guest_count} guests` : null,
    b.pool ? "own capacity" : null,
  ].filter(Boolean)
  const until = b.expires_at ? new Date(b.expires_at).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }) : null
  const status =
    b.status === "held" ? `${b.option_id ? "Held by an option" : "Held in a cart"} until ${until}` : b.status === "pending" ? "Checkout in progress" : b.status === "completed" ? "Completed" : "Confirmed"
  return { title, detail: parts.join(" · "), status }
}
