import { rate } from "./stats"

/** The funnel events a storefront sends (`POST /store/tier-events`). */
export const FUNNEL_EVENTS = [
  "segment_selected",
  "tier_viewed",
  "tier_compared",
  "upsell_shown",
  "upsell_accepted",
  "upsell_declined",
  "checkout_started",
  "page_load",
] as const
export type FunnelEvent = (typeof FUNNEL_EVENTS)[number]

export const FUNNEL_STEPS = ["segment_selected", "tier_viewed", "tier_compared", "checkout_started", "order"] as const
export type FunnelStep = (typeof FUNNEL_STEPS)[number]

/** The GA4 ecommerce name tracked alongside ours, where GA4 has one. */
export const GA4_EVENT_NAMES: Record<string, string | undefined> = {
  segment_selected: "view_item_list",
  tier_viewed: "select_item",
  upsell_shown: "view_promotion",
  upsell_accepted: "select_promotion",
  checkout_started: "begin_checkout",
  order: "purchase",
}

export type FunnelCounts = Record<FunnelStep, number>
export type FunnelRates = Record<Exclude<FunnelStep, "segment_selected">, number | null>

export type FunnelRow = { steps: FunnelCounts; rates: FunnelRates }

/** Each step's count and its rate from the step before (null when that one is 0). */
export function funnelRow(counts: Partial<FunnelCounts>): FunnelRow {
  const steps = Object.fromEntries(FUNNEL_STEPS.map((s) => [s, counts[s] ?? 0])) as FunnelCounts
  const rates = Object.fromEntries(
    FUNNEL_STEPS.slice(1).map((step, i) => [step, rate(steps[step], steps[FUNNEL_STEPS[i]])])
  ) as FunnelRates
  return { steps, rates }
}

/** Bounds of a reported Largest Contentful Paint (`page_load`'s `lcp_ms`): a minute covers any real page. */
export const MAX_LCP_MS = 60_000

export const MIN_VISITORS = 100
export const MIN_CONVERSIONS = 10
