import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { fillRange, rangeLength, todayIn } from "../lib/dates"
import { experimentResults } from "../lib/experiment-results"
import { FUNNEL_STEPS, FunnelCounts, funnelRow } from "../lib/funnel"
import { collectedBy } from "../lib/balances"
import { rate } from "../lib/stats"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../modules/tier-analytics"
import type { ReportFilter } from "../modules/tier-analytics/service"
import { UPSELL_MODULE, UpsellModuleService } from "../modules/upsell"
import { collectedRatios } from "./balances"
import { tenantTimeZones } from "./time-zones"
import type { ExperimentVariant } from "../modules/upsell/models/experiment"

/** A report's range as asked: missing ends are filled from the tenant's today. */
export type ReportRange = { from?: string; to?: string; sales_channel_id?: string }

/** Without a range, a report covers the 30 days up to today; at most two years. */
export const REPORT_DEFAULT_DAYS = 30
export const MAX_REPORT_DAYS = 731

/**
 * The report's days in the tenant's time zone (each midnight to midnight there), or in UTC for a
 * report over every tenant, whose zones differ; missing ends filled from that zone's today.
 */
export async function reportFilter(scope: MedusaContainer, range: ReportRange): Promise<ReportFilter> {
  const time_zone = range.sales_channel_id
    ? (await tenantTimeZones(scope, [range.sales_channel_id])).get(range.sales_channel_id)!
    : "UTC"
  const { from, to } = fillRange(range, todayIn(time_zone), REPORT_DEFAULT_DAYS, "back")
  if (from > to || rangeLength(from, to) > MAX_REPORT_DAYS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `from must not be after to, and a report covers at most ${MAX_REPORT_DAYS} days (${from} to ${to})`
    )
  }
  return { from, to, time_zone, ...(range.sales_channel_id ? { sales_channel_id: range.sales_channel_id } : {}) }
}

const analyticsOf = (scope: MedusaContainer): TierAnalyticsModuleService => scope.resolve(TIER_ANALYTICS_MODULE)

/** Names of segments and tiers, archived and deleted ones included (old orders still name them). */
async function catalogNames(scope: MedusaContainer) {
  const service: SegmentsModuleService = scope.resolve(SEGMENTS_MODULE)
  const [segments, tiers] = await Promise.all([
    service.listSegments({}, { select: ["id", "handle", "name", "rank"], withDeleted: true }),
    service.listTiers({}, { select: ["id", "name", "level", "segment_id"], withDeleted: true }),
  ])
  return {
    segment: new Map(segments.map((s) => [s.id, s])),
    tier: new Map(tiers.map((t) => [t.id, t])),
  }
}

/** Distinct visitors per step and net orders, per segment and over all (orders of every currency). */
export async function funnelReport(scope: MedusaContainer, range: ReportRange) {
  const filter = await reportFilter(scope, range)
  const analytics = analyticsOf(scope)
  const [visitors, orders, totals, names] = await Promise.all([
    analytics.funnelVisitors(filter),
    analytics.revenueBy(filter, "segment"),
    analytics.revenueBy(filter, "total"),
    catalogNames(scope),
  ])
  const counts = new Map<string, Partial<FunnelCounts>>()
  const total: Partial<FunnelCounts> = {}
  const add = (into: Partial<FunnelCounts>, step: keyof FunnelCounts, n: number) => (into[step] = (into[step] ?? 0) + n)
  for (const row of visitors) {
    if (row.all_segments) {
      add(total, row.name as keyof FunnelCounts, row.visitors)
    } else if (row.segment_id) {
      counts.set(row.segment_id, counts.get(row.segment_id) ?? {})
      add(counts.get(row.segment_id)!, row.name as keyof FunnelCounts, row.visitors)
    }
  }
  for (const row of orders) {
    counts.set(row.segment_id!, counts.get(row.segment_id!) ?? {})
    add(counts.get(row.segment_id!)!, "order", row.orders)
  }
  for (const row of totals) {
    add(total, "order", row.orders)
  }
  const segments = [...counts.entries()]
    .map(([segment_id, c]) => {
      const segment = names.segment.get(segment_id)
      return { segment_id, segment_handle: segment?.handle ?? null, segment_name: segment?.name ?? segment_id, rank: segment?.rank ?? 0, ...funnelRow(c) }
    })
    .sort((a, b) => a.rank - b.rank || a.segment_name.localeCompare(b.segment_name))
    .map(({ rank: _rank, ...row }) => row)
  return { from: filter.from, to: filter.to, time_zone: filter.time_zone, segments, total: funnelRow(total) }
}

/** Per tier: visitors who viewed it, net orders, revenue, add-on revenue and commission. */
export async function tierReport(scope: MedusaContainer, range: ReportRange) {
  const filter = await reportFilter(scope, range)
  const analytics = analyticsOf(scope)
  const [viewers, money, names] = await Promise.all([analytics.tierViewers(filter), analytics.revenueBy(filter, "tier"), catalogNames(scope)])
  const views = new Map(viewers.map((v) => [v.tier_id, v.visitors]))
  const rows = money.map((m) => ({ tier_id: m.tier_id!, currency_code: m.currency_code, orders: m.orders, revenue: m.revenue, addon_revenue: m.addon_revenue, commission: m.commission }))
  for (const [tier_id] of views) {
    if (!rows.some((r) => r.tier_id === tier_id)) {
      rows.push({ tier_id, currency_code: null as unknown as string, orders: 0, revenue: 0, addon_revenue: 0, commission: 0 })
    }
  }
  const tiers = rows.map((r) => {
    const tier = names.tier.get(r.tier_id)
    const segment = tier ? names.segment.get(tier.segment_id) : undefined
    return {
      tier_id: r.tier_id,
      tier_name: tier?.name ?? r.tier_id,
      level: tier?.level ?? null,
      segment_id: tier?.segment_id ?? null,
      segment_name: segment?.name ?? null,
      views: views.get(r.tier_id) ?? 0,
      orders: r.orders,
      revenue: r.revenue,
      addon_revenue: r.addon_revenue,
      commission: r.commission,
      currency_code: r.currency_code,
    }
  })
  return { from: filter.from, to: filter.to, time_zone: filter.time_zone, tiers: tiers.sort((a, b) => b.orders - a.orders || b.views - a.views || a.tier_name.localeCompare(b.tier_name)) }
}

/** Per upsell rule: offers shown, accepted and declined, the acceptance rate, and the orders and revenue that took one. */
export async function upsellReport(scope: MedusaContainer, range: ReportRange) {
  const filter = await reportFilter(scope, range)
  const upsell: UpsellModuleService = scope.resolve(UPSELL_MODULE)
  const [counts, revenue] = await Promise.all([upsell.offerCounts(filter), analyticsOf(scope).revenueByRule(filter)])
  const ids = [...new Set([...counts.map((c) => c.rule_id), ...revenue.map((r) => r.rule_id)])]
  const rules = ids.length ? await upsell.listUpsellRules({ id: ids }, { select: ["id", "name", "action"], withDeleted: true }) : []
  const rows = ids.map((id) => {
    const c = counts.find((x) => x.rule_id === id) ?? { shown: 0, accepted: 0, declined: 0 }
    const r = revenue.find((x) => x.rule_id === id)
    const rule = rules.find((x) => x.id === id)
    return {
      rule_id: id,
      rule_name: rule?.name ?? id,
      action: rule?.action ?? null,
      shown: c.shown,
      accepted: c.accepted,
      declined: c.declined,
      acceptance_rate: rate(c.accepted, c.shown),
      orders: r?.orders ?? 0,
      revenue: r?.revenue ?? 0,
      currency_code: r?.currency_code ?? null,
    }
  })
  return { from: filter.from, to: filter.to, time_zone: filter.time_zone, rules: rows.sort((a, b) => b.shown - a.shown || a.rule_name.localeCompare(b.rule_name)) }
}

/** Revenue and commission by segment, by tier, and per period and segment. */
export async function revenueReport(scope: MedusaContainer, range: ReportRange, interval: "day" | "week" | "month") {
  const filter = await reportFilter(scope, range)
  const analytics = analyticsOf(scope)
  const [bySegment, byTier, series, names, segmentOrders, tierOrders] = await Promise.all([
    analytics.revenueBy(filter, "segment"),
    analytics.revenueBy(filter, "tier"),
    analytics.revenueSeries(filter, interval),
    catalogNames(scope),
    analytics.revenueByOrder(filter, "segment"),
    analytics.revenueByOrder(filter, "tier"),
  ])
  const ratios = await collectedRatios(scope, segmentOrders.map((r) => r.order_id))
  const collectedSegments = collectedBy(segmentOrders.map((r) => ({ ...r, key: r.segment_id })), ratios)
  const collectedTiers = collectedBy(tierOrders.map((r) => ({ ...r, key: r.tier_id! })), ratios)
  const collected = (list: typeof collectedSegments, key: string, currency: string) => {
    const c = list.find((x) => x.key === key && x.currency_code === currency)
    return { collected: c?.collected ?? 0, commission_collected: c?.commission_collected ?? 0 }
  }
  const segmentName = (id?: string | null) => (id ? names.segment.get(id)?.name ?? id : null)
  return {
    from: filter.from,
    to: filter.to,
    time_zone: filter.time_zone,
    interval,
    // Booked (the conversions' revenue) against collected (what the orders' payments hold), per currency.
    totals: collectedBy(segmentOrders.map((r) => ({ ...r, key: "all" })), ratios).map(({ key: _key, ...t }) => t),
    by_segment: bySegment.map((r) => ({
      segment_id: r.segment_id!,
      segment_name: segmentName(r.segment_id),
      orders: r.orders,
      revenue: r.revenue,
      addon_revenue: r.addon_revenue,
      commission: r.commission,
      ...collected(collectedSegments, r.segment_id!, r.currency_code),
      currency_code: r.currency_code,
    })),
    by_tier: byTier.map((r) => ({
      tier_id: r.tier_id!,
      tier_name: names.tier.get(r.tier_id!)?.name ?? r.tier_id!,
      segment_id: r.segment_id!,
      segment_name: segmentName(r.segment_id),
      orders: r.orders,
      revenue: r.revenue,
      addon_revenue: r.addon_revenue,
      commission: r.commission,
      ...collected(collectedTiers, r.tier_id!, r.currency_code),
      currency_code: r.currency_code,
    })),
    series: series.map((r) => ({ period: r.period, segment_id: r.segment_id, segment_name: segmentName(r.segment_id), revenue: r.revenue, commission: r.commission, currency_code: r.currency_code })),
  }
}

/**
 * Per experiment: the sample-ratio check of its split, a verdict in words, and per variant the
 * visitors, conversions, rates and the comparisons with the first variant (src/lib/experiment-results.ts).
 */
export async function experimentReport(scope: MedusaContainer, filter: { sales_channel_id?: string }) {
  const upsell: UpsellModuleService = scope.resolve(UPSELL_MODULE)
  const experiments = await upsell.listExperiments({ status: ["running", "stopped"] }, { order: { started_at: "DESC" } })
  const ids = experiments.map((e) => e.id)
  const [exposures, conversions] = await Promise.all([
    upsell.exposureCounts(ids, filter.sales_channel_id),
    analyticsOf(scope).experimentConversions(ids, filter.sales_channel_id),
  ])
  return {
    experiments: experiments.map((e) => ({
      experiment_id: e.id,
      key: e.key,
      name: e.name,
      status: e.status,
      started_at: e.started_at,
      stopped_at: e.stopped_at,
      // Revenue per visitor is in the currency of the experiment's orders.
      currency_code: conversions.find((x) => x.experiment_id === e.id)?.currency_code ?? null,
      ...experimentResults(
        (e.variants as ExperimentVariant[]).map((v) => {
          const c = conversions.find((x) => x.experiment_id === e.id && x.variant === v.key)
          return {
            key: v.key,
            weight: v.weight,
            visitors: exposures.find((x) => x.experiment_id === e.id && x.variant === v.key)?.visitors ?? 0,
            conversions: Math.max(0, c?.orders ?? 0),
            converted_visitors: c?.converted_visitors ?? 0,
            revenue: c?.revenue ?? 0,
            revenue_sum_of_squares: c?.revenue_sum_of_squares ?? 0,
          }
        })
      ),
    })),
  }
}

export { FUNNEL_STEPS }
