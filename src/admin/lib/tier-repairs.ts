import { formatCount } from "./tier-analytics"
import type { ReconcileResult, ReconcileRun, TierRepair, TierRepairKind } from "../../contract/admin"

/** The reconciler's repairs and flags in the merchant's words. */

type BadgeColor = "green" | "red" | "grey" | "orange" | "blue"

const KIND_LABELS: Record<TierRepairKind, string> = {
  claim_confirmed: "Booking confirmed after an interrupted checkout",
  claim_released: "Date freed from an abandoned checkout",
  booking_created: "Missing booking created",
  booking_canceled: "Date freed from a canceled order",
  booking_moved: "Booking moved to the upgraded package",
  upgrade_completed: "Interrupted upgrade completed",
  upgrade_undone: "Interrupted upgrade undone",
  offer_released: "Unused offer made available again",
  conversion_recorded: "Missing analytics record added",
  order_canceled: "Order left by an interrupted checkout canceled",
  cart_completed: "Cart of a placed order closed",
  order_flagged: "Order flagged",
}

/** A flag about a date (over capacity) has no order; a kind this screen does not know reads as its words. */
export function repairKindLabel(repair: Pick<TierRepair, "kind" | "order_id">): string {
  if (repair.kind === "order_flagged" && !repair.order_id) return "Date flagged"
  return KIND_LABELS[repair.kind] ?? sentenceCase(repair.kind)
}

const sentenceCase = (key: string) => {
  const words = String(key).replace(/_/g, " ").trim()
  return words ? words[0].toUpperCase() + words.slice(1) : "Repair"
}

/** A flag the merchant has not dealt with yet. */
export const isOpenFlag = (repair: Pick<TierRepair, "needs_attention" | "resolved_at">) =>
  repair.needs_attention && !repair.resolved_at

export function repairState(repair: Pick<TierRepair, "needs_attention" | "resolved_at">): { label: string; color: BadgeColor } {
  if (isOpenFlag(repair)) return { label: "Needs attention", color: "orange" }
  if (repair.needs_attention) return { label: "Resolved", color: "grey" }
  return { label: "Repaired", color: "green" }
}

/** Open flags first, each group in the order it came (the API's newest first). */
export const openFlagsFirst = <T extends Pick<TierRepair, "needs_attention" | "resolved_at">>(repairs: T[]): T[] => [
  ...repairs.filter(isOpenFlag),
  ...repairs.filter((r) => !isOpenFlag(r)),
]

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["minute", 60],
  ["hour", 60 * 60],
  ["day", 24 * 60 * 60],
  ["month", 30 * 24 * 60 * 60],
  ["year", 365 * 24 * 60 * 60],
]

/**
 * "3 minutes ago", "yesterday", "2 months ago"; under a minute (or ahead of this browser's clock,
 * which can lag the server's) "just now".
 */
export function relativeTime(iso: string, now: Date = new Date(), locale?: string): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return iso
  const seconds = Math.max(0, (now.getTime() - then) / 1000)
  if (seconds < 60) return "just now"
  let [unit, size] = UNITS[0]
  for (const [next, nextSize] of UNITS) {
    if (seconds >= nextSize) [unit, size] = [next, nextSize]
  }
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(-Math.floor(seconds / size), unit)
}

/** The full moment, for a tooltip beside the relative time. */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(time)
}

export const countOf = (n: number, singular: string, plural = `${singular}s`, locale?: string) =>
  `${formatCount(n, locale)} ${n === 1 ? singular : plural}`

/** "Last checked 3 minutes ago: 120 orders, 2 repairs" (the run covers every tenant). */
export function lastRunText(run: ReconcileRun | null, now: Date = new Date(), locale?: string): string {
  if (!run) return "Not checked yet"
  const when = relativeTime(run.finished_at ?? run.started_at, now, locale)
  if (run.error) return `Last check failed ${when}: ${run.error}`
  return `Last checked ${when}: ${countOf(run.orders_checked, "order", "orders", locale)}, ${countOf(run.repairs, "repair", "repairs", locale)}`
}

/** What "Check now" found, for its toast. */
export function runResultText(run: ReconcileResult, locale?: string): string {
  const orders = countOf(run.orders_checked, "order", "orders", locale)
  return run.repairs ? `Checked ${orders}: ${countOf(run.repairs, "repair", "repairs", locale)}` : `Checked ${orders}: nothing to repair`
}
