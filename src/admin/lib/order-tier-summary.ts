import { formatCount, formatMoney } from "./tier-analytics"
import type { BookingStatus, OrderTierLine } from "../../contract/admin"

/** The order page's tier lines in words. */

export const tierLabel = (line: Pick<OrderTierLine, "level" | "tier_name">) =>
  line.level === null ? line.tier_name : `Level ${line.level} · ${line.tier_name}`

/** A calendar date (`YYYY-MM-DD`, the day of the event wherever the merchant is) with its weekday. */
export function formatEventDate(date: string, locale?: string): string {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN
  if (Number.isNaN(time)) return date
  return new Intl.DateTimeFormat(locale, { weekday: "short", year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(time)
}

export const guestCountText = (count: number | null, locale?: string) => (count === null ? "Not given" : formatCount(count, locale))

type BadgeColor = "green" | "red" | "grey" | "orange" | "blue"

const BOOKING_STATUS: Record<BookingStatus, { label: string; color: BadgeColor }> = {
  confirmed: { label: "Confirmed", color: "green" },
  canceled: { label: "Canceled", color: "red" },
  held: { label: "Held in a cart", color: "blue" },
  pending: { label: "Checkout in progress", color: "orange" },
  completed: { label: "Completed", color: "grey" },
}

/** A line without a booking holds no date (it was never booked, or its booking is gone). */
export function bookingStatus(booking: OrderTierLine["booking"]): { label: string; color: BadgeColor } {
  if (!booking) return { label: "Not booked", color: "orange" }
  return BOOKING_STATUS[booking.status] ?? { label: booking.status, color: "grey" }
}

/** A reschedule's price difference as the merchant reads it: nothing is ever charged or refunded by it. */
export function priceDifferenceText(amount: number, currency: string, locale?: string): string {
  if (amount === 0) return "No difference"
  const money = formatMoney(Math.abs(amount), currency, locale)
  return amount > 0 ? `${money} more for the new date (not charged)` : `${money} less for the new date (not refunded)`
}

/** Only a confirmed booking can move to another date. */
export const canReschedule = (line: Pick<OrderTierLine, "booking">) => line.booking?.status === "confirmed"
