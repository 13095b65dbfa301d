/**
 * What a tenant's calendar feed lists and how each entry reads (README "Calendar feed"). The
 * feed's secret is its whole credential: 32 random bytes, base64url, rotated by the merchant.
 */
import { randomBytes } from "node:crypto"
import { addDays } from "./dates"
import type { AllDayEvent, Calendar } from "./icalendar"
import { ordinal } from "./ordinal"

/** Bookings and blackouts this many days before today stay in the feed. */
export const FEED_PAST_DAYS = 90
/** ... and this many days after it (two years). */
export const FEED_FUTURE_DAYS = 730
/** The most bookings one fetch lists (the earliest first), so no request can stall the server. */
export const FEED_MAX_BOOKINGS = 1000
export const FEED_MAX_BLACKOUTS = 500
/** How often a subscribed calendar app is asked to fetch again. */
export const FEED_REFRESH_MINUTES = 60
/**
 * Bookings the feed lists. Not `held` (a cart's hold) nor `pending` (a checkout's claim: an order
 * within seconds, or released by the reconciler), which would come and go between two fetches;
 * not `canceled`: a subscribed app drops an event that leaves the feed (Google ignores
 * STATUS:CANCELLED), and a tenant's calendar is no place for them.
 */
export const FEED_BOOKING_STATUSES = ["confirmed", "completed"] as const

/** Options the feed lists: those holding their date (a `converted` one until its draft order is booked); the most one fetch lists. */
export const FEED_OPTION_STATUSES = ["live", "converted"] as const
export const FEED_MAX_OPTIONS = 500

const TOKEN_BYTES = 32
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/
const ICS_SUFFIX = ".ics"

/** A new feed secret: 32 random bytes, base64url (43 characters). */
export function newFeedToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url")
}

/**
 * The token a feed path segment names (`<token>` or `<token>.ics`), or null when it cannot be
 * one: anything else (too long, a NUL, another alphabet) is refused before the database is asked.
 */
export function feedTokenOf(segment: unknown): string | null {
  if (typeof segment !== "string" || segment.length > 43 + ICS_SUFFIX.length) {
    return null
  }
  const token = segment.endsWith(ICS_SUFFIX) ? segment.slice(0, -ICS_SUFFIX.length) : segment
  return TOKEN_SHAPE.test(token) ? token : null
}

/** The path a tenant's feed is served at. */
export function feedPath(token: string): string {
  return `/tiered/calendar/${token}${ICS_SUFFIX}`
}

/** The dates the feed covers, both ends included. */
export function feedWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -FEED_PAST_DAYS), to: addDays(today, FEED_FUTURE_DAYS) }
}

export type FeedBooking = {
  id: string
  event_date: string
  /** A multi-day package's last day: one event spans them all. */
  end_date?: string
  status: string
  tier_name: string | null
  client: { name: string | null; email: string | null }
  guest_count: number | null
  addons: { title: string; quantity: number }[]
  order: { id: string; display_id: number | null; url: string } | null
  created_at: Date
  modified_at: Date
}

export type FeedBlackout = {
  id: string
  start_date: string
  end_date: string
  reason: string | null
  created_at: Date
  modified_at: Date
}

export type FeedOption = {
  id: string
  event_date: string
  tier_name: string | null
  client: { name: string; email: string }
  note: string | null
  /** 1 = the first option pencilled in on the date (positions are never renumbered). */
  position: number
  /** Options queued behind it on the date. */
  queued: number
  expires_at: Date
  draft_order: { id: string; url: string } | null
  created_at: Date
  modified_at: Date
}

/** "Jane Doe" from the names given, else null. */
export function personName(first: string | null | undefined, last: string | null | undefined): string | null {
  const name = [first, last].map((part) => (part ?? "").trim()).filter(Boolean).join(" ")
  return name || null
}

/** A stable UID: the record's id, which never changes while the event lives. */
const uidOf = (id: string) => `${id}@tiered`

export function bookingEvent(booking: FeedBooking): AllDayEvent {
  const tier = booking.tier_name ?? "Booking"
  const client = booking.client.name ?? booking.client.email
  const addons = booking.addons.map((a) => (a.quantity > 1 ? `${a.title} ×${a.quantity}` : a.title))
  const contact = [booking.client.name, booking.client.email && `<${booking.client.email}>`].filter(Boolean).join(" ")
  const description = [
    contact && `Client: ${contact}`,
    booking.guest_count != null && `Guests: ${booking.guest_count}`,
    addons.length > 0 && `Add-ons: ${addons.join(", ")}`,
    booking.status === "completed" && "Completed",
    booking.order && `Order ${booking.order.display_id != null ? `#${booking.order.display_id}` : booking.order.id}: ${booking.order.url}`,
  ].filter(Boolean)
  return {
    uid: uidOf(booking.id),
    start: booking.event_date,
    end: booking.end_date ?? booking.event_date,
    summary: client ? `${tier} – ${client}` : tier,
    description: description.join("\n") || null,
    url: booking.order?.url ?? null,
    created: booking.created_at,
    modified: booking.modified_at,
    status: "CONFIRMED",
  }
}

/** A merchant's option holding its date: tentative, with whose it is, until when, and its place in the date's queue. */
export function optionEvent(option: FeedOption): AllDayEvent {
  const until = option.expires_at.toISOString().slice(0, 16).replace("T", " ")
  const description = [
    `Client: ${option.client.name} <${option.client.email}>`,
    `${ordinal(option.position)} option, holding the date until ${until} UTC`,
    option.queued > 0 && `${option.queued} more option${option.queued > 1 ? "s" : ""} queued behind it`,
    option.note && `Note: ${option.note}`,
    option.draft_order && `Draft order: ${option.draft_order.url}`,
  ].filter(Boolean)
  return {
    uid: uidOf(option.id),
    start: option.event_date,
    end: option.event_date,
    summary: `Option: ${option.client.name} (${option.tier_name ?? "Booking"})`,
    description: description.join("\n"),
    url: option.draft_order?.url ?? null,
    created: option.created_at,
    modified: option.modified_at,
    status: "TENTATIVE",
  }
}

export function blackoutEvent(blackout: FeedBlackout): AllDayEvent {
  const reason = blackout.reason?.trim()
  return {
    uid: uidOf(blackout.id),
    start: blackout.start_date,
    end: blackout.end_date,
    summary: reason ? `Blackout: ${reason}` : "Blackout",
    description: "No bookings are taken on these dates.",
    created: blackout.created_at,
    modified: blackout.modified_at,
    status: "CONFIRMED",
  }
}

/** A tenant's feed: its bookings, live options and blackouts by first day. */
export function feedCalendar(input: { tenant_name: string; bookings: FeedBooking[]; blackouts: FeedBlackout[]; options?: FeedOption[] }): Calendar {
  const events = [...input.bookings.map(bookingEvent), ...(input.options ?? []).map(optionEvent), ...input.blackouts.map(blackoutEvent)].sort(
    (a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0)
  )
  return {
    product: "-//Tiered storefront//Calendar feed//EN",
    name: `${input.tenant_name} bookings`,
    description: `Bookings and blackout dates of ${input.tenant_name}`,
    refresh_minutes: FEED_REFRESH_MINUTES,
    events,
  }
}
