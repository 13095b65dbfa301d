/**
 * The reconciler's decisions, as plain rules: what to do with what an interrupted write left
 * behind. Checkouts in flight are left alone for a grace period; after it, the records are
 * brought back to one truth.
 */

export const DEFAULT_GRACE_MINUTES = 15
/** How far before the last run's horizon the next run looks again (writes land late). */
export const RECHECK_MINUTES = 60

export function olderThan(createdAt: Date | string, now: Date, minutes: number): boolean {
  return now.getTime() - new Date(createdAt).getTime() >= minutes * 60_000
}

export type ClaimOrder = { id: string; status: string } | null

/**
 * A checkout's claim (a pending booking): confirmed when its cart became a live order, released
 * when the order was canceled or, after the grace period, when no order came of it.
 */
export function claimVerdict(input: { created_at: Date | string; now: Date; grace_minutes: number; order: ClaimOrder }):
  | "confirm"
  | "release"
  | "wait" {
  if (input.order) {
    return input.order.status === "canceled" ? "release" : "confirm"
  }
  return olderThan(input.created_at, input.now, input.grace_minutes) ? "release" : "wait"
}

/**
 * An order upgrade's pending record: finished when the order edit added its line, dropped (with
 * the edit) when it did not, once the grace period is over.
 */
export function pendingUpgradeVerdict(input: { created_at: Date | string; now: Date; grace_minutes: number; line_in_order: boolean }):
  | "complete"
  | "undo"
  | "wait" {
  if (input.line_in_order) {
    return "complete"
  }
  return olderThan(input.created_at, input.now, input.grace_minutes) ? "undo" : "wait"
}

/** Payment collection statuses in which Medusa authorized (or took) the money. */
const PAID = new Set(["authorized", "partially_authorized", "captured", "partially_captured", "completed", "partially_refunded", "refunded"])

export function paymentAuthorized(statuses: (string | null | undefined)[]): boolean {
  return statuses.some((s) => !!s && PAID.has(s))
}

/** Live bookings over a date's capacity, per `sales_channel|date|pool`. */
export function overCapacity(
  bookings: { sales_channel_id: string; event_date: string; pool: string }[],
  capacityOf: (salesChannelId: string, pool: string) => number
): { sales_channel_id: string; event_date: string; pool: string; booked: number; capacity: number }[] {
  const counts = new Map<string, { sales_channel_id: string; event_date: string; pool: string; booked: number }>()
  for (const b of bookings) {
    const key = `${b.sales_channel_id}|${b.event_date}|${b.pool}`
    const entry = counts.get(key) ?? { sales_channel_id: b.sales_channel_id, event_date: b.event_date, pool: b.pool, booked: 0 }
    entry.booked += 1
    counts.set(key, entry)
  }
  return [...counts.values()]
    .map((c) => ({ ...c, capacity: capacityOf(c.sales_channel_id, c.pool) }))
    .filter((c) => c.booked > c.capacity)
}
