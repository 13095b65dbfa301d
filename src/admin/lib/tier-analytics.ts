import type {
  AlwaysValid,
  ExperimentReport,
  ExperimentVariantResult,
  FunnelRates,
  FunnelReport,
  FunnelStep,
  FunnelCounts,
  ReportInterval,
  ReportQuery,
  RevenueReport,
  SampleRatio,
  SequentialResult,
  TierReport,
  TierReportRow,
  UpsellReport,
  UpsellReportRow,
} from "../../contract/admin"

/** The analytics page's numbers in words, and the reports reshaped for its charts. */

export const FUNNEL_STEPS: FunnelStep[] = ["segment_selected", "tier_viewed", "tier_compared", "checkout_started", "order"]

export const STEP_LABELS: Record<FunnelStep, string> = {
  segment_selected: "Segment selected",
  tier_viewed: "Tier viewed",
  tier_compared: "Tier compared",
  checkout_started: "Checkout started",
  order: "Order",
}

// ---- the filter: UTC calendar dates, as the API reads them ----

const DAY_MS = 86_400_000
const DATE = /^\d{4}-\d{2}-\d{2}$/

export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10)

export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)

/** The API's default: the 30 days up to today, today included. */
export const defaultRange = (today = todayUtc()) => ({ from: addDays(today, -29), to: today })

const isDate = (value: string) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))

/** Why a range cannot be asked for, or null; the API judges the rest (its maximum length). */
export function rangeProblem(from: string, to: string): string | null {
  if (!isDate(from) || !isDate(to)) return "Choose a From and a To date."
  if (from > to) return "From must be on or before To."
  return null
}

export const ALL_TENANTS = "all"

export const reportQuery = (range: { from: string; to: string }, tenant: string): ReportQuery =>
  tenant === ALL_TENANTS ? { from: range.from, to: range.to } : { from: range.from, to: range.to, sales_channel_id: tenant }

export const INTERVALS: { value: ReportInterval; label: string }[] = [
  { value: "day", label: "Per day" },
  { value: "week", label: "Per week" },
  { value: "month", label: "Per month" },
]

/** "per week", as the revenue chart's title says it. */
export const perInterval = (interval: ReportInterval) => INTERVALS.find((i) => i.value === interval)?.label.toLowerCase() ?? ""

/** What each report says when the range holds nothing to show, or null when it does. */
export const EMPTY_REPORT = {
  funnel: (r: FunnelReport) =>
    r.segments.length === 0 && Object.values(r.total.steps).every((n) => n === 0) ? "No funnel events or orders in this range." : null,
  revenue: (r: RevenueReport) => (r.by_segment.length === 0 && r.by_tier.length === 0 ? "No orders in this range." : null),
  tiers: (r: TierReport) => (r.tiers.length === 0 ? "No tier was viewed or ordered in this range." : null),
  upsell: (r: UpsellReport) => (r.rules.length === 0 ? "No upsell offer was shown in this range." : null),
  experiments: (r: ExperimentReport) => (r.experiments.length === 0 ? "No experiment has run yet." : null),
}

// ---- numbers ----

export const formatCount = (n: number, locale?: string) => new Intl.NumberFormat(locale).format(n)

/** Money in the currency's main unit; a row without a currency shows the plain number. */
export function formatMoney(amount: number, currency: string | null, locale?: string): string {
  if (!currency) return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount)
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amount)
  } catch {
    return `${new Intl.NumberFormat(locale).format(amount)} ${currency.toUpperCase()}`
  }
}

/** Short money for chart axes: $12K. */
export function formatMoneyShort(amount: number, currency: string | null, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      notation: "compact",
      maximumFractionDigits: 1,
      ...(currency ? { style: "currency", currency: currency.toUpperCase() } : {}),
    }).format(amount)
  } catch {
    return formatMoney(amount, currency, locale)
  }
}

/** A rate of 0..1 as a percent; a rate the API could not compute (nothing before it) as a dash. */
export const formatRate = (rate: number | null, locale?: string) =>
  rate === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(rate)

export const rateOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null)

/** From the first step to the order. */
export const overallConversion = (steps: FunnelCounts) => rateOf(steps.order, steps.segment_selected)

// ---- charts ----

// The dashboard's tag colours: each has a light and a dark value, so charts follow the theme.
export const PALETTE = [
  "var(--tag-blue-icon)",
  "var(--tag-purple-icon)",
  "var(--tag-orange-icon)",
  "var(--tag-green-icon)",
  "var(--tag-red-icon)",
  "var(--tag-neutral-icon)",
]

export type ChartSeries = { key: string; name: string; color: string }
export type ChartRow = { label: string; [key: string]: string | number }

/** One colour per segment, the same in every chart of the page, in the order first seen. */
export function segmentColors(segmentIds: string[]): Map<string, string> {
  const colors = new Map<string, string>()
  for (const id of segmentIds) {
    if (!colors.has(id)) colors.set(id, PALETTE[colors.size % PALETTE.length])
  }
  return colors
}

const colorFrom = (colors: Map<string, string>, id: string, index: number) => colors.get(id) ?? PALETTE[index % PALETTE.length]

/** Grouped bars: one group per step, one bar per segment. */
export function funnelChart(report: FunnelReport, colors = new Map<string, string>()) {
  const series: ChartSeries[] = report.segments.map((s, i) => ({ key: s.segment_id, name: s.segment_name, color: colorFrom(colors, s.segment_id, i) }))
  const data: ChartRow[] = FUNNEL_STEPS.map((step) => ({
    label: STEP_LABELS[step],
    ...Object.fromEntries(report.segments.map((s) => [s.segment_id, s.steps[step]])),
  }))
  return { data, series }
}

/** A funnel table row: a segment's has its chart colour, the All segments total has none. */
export type FunnelRow = { key: string; testId: string; name: string; color?: string; steps: FunnelCounts; rates: FunnelRates }

export const funnelRows = (report: FunnelReport, colors = new Map<string, string>()): FunnelRow[] => [
  ...report.segments.map((s) => ({
    key: s.segment_id,
    testId: `funnel-row-${s.segment_handle ?? s.segment_id}`,
    name: s.segment_name,
    color: colors.get(s.segment_id) ?? PALETTE[0],
    steps: s.steps,
    rates: s.rates,
  })),
  { key: "all", testId: "funnel-row-all", name: "All segments", steps: report.total.steps, rates: report.total.rates },
]

const monday = (day: string) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((weekday + 6) % 7))
}

/** Every period the range touches, as the API names them (ISO weeks start on Monday). */
export function reportPeriods(from: string, to: string, interval: ReportInterval): string[] {
  if (rangeProblem(from, to)) return []
  const periods: string[] = []
  if (interval === "month") {
    for (let month = `${from.slice(0, 7)}-01`; month <= to; ) {
      periods.push(month)
      const d = new Date(`${month}T00:00:00Z`)
      month = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10)
    }
    return periods
  }
  const step = interval === "week" ? 7 : 1
  for (let day = interval === "week" ? monday(from) : from; day <= to; day = addDays(day, step)) periods.push(day)
  return periods
}

export function periodLabel(period: string, interval: ReportInterval, locale?: string): string {
  const date = new Date(`${period}T00:00:00Z`)
  if (interval === "month") return date.toLocaleDateString(locale, { month: "short", year: "numeric", timeZone: "UTC" })
  const day = date.toLocaleDateString(locale, { month: "short", day: "numeric", timeZone: "UTC" })
  return interval === "week" ? `Week of ${day}` : day
}

/**
 * Revenue per period and segment, one chart per currency (amounts of two currencies never
 * share an axis); periods without orders are 0 so the line does not skip them.
 */
export function revenueCharts(report: RevenueReport, colors = new Map<string, string>(), locale?: string) {
  const periods = reportPeriods(report.from, report.to, report.interval)
  const currencies = [...new Set([...report.by_segment.map((r) => r.currency_code), ...report.series.map((r) => r.currency_code)])]
  return currencies.map((currency) => {
    const rows = report.series.filter((r) => r.currency_code === currency)
    const ids = [...new Set([...report.by_segment.filter((r) => r.currency_code === currency).map((r) => r.segment_id), ...rows.map((r) => r.segment_id)])]
    const name = (id: string) =>
      report.by_segment.find((r) => r.segment_id === id)?.segment_name ?? rows.find((r) => r.segment_id === id)?.segment_name ?? id
    const series: ChartSeries[] = ids.map((id, i) => ({ key: id, name: name(id), color: colorFrom(colors, id, i) }))
    const extra = rows.map((r) => r.period).filter((p) => !periods.includes(p))
    const data: ChartRow[] = [...periods, ...new Set(extra)].sort().map((period) => ({
      label: periodLabel(period, report.interval, locale),
      ...Object.fromEntries(ids.map((id) => [id, rows.filter((r) => r.period === period && r.segment_id === id).reduce((sum, r) => sum + r.revenue, 0)])),
    }))
    return { currency, data, series }
  })
}

export type RevenueTableRow = {
  kind: "segment" | "tier"
  key: string
  id: string
  name: string
  orders: number
  revenue: number
  addon_revenue: number
  total: number
  commission: number
  /** Of the total and the commission, what the orders' payments hold (README "Balances"). */
  collected: number
  commission_collected: number
  currency_code: string
}

/** Each segment's totals followed by its tiers, by revenue; one row per currency. */
export function revenueTable(report: RevenueReport): RevenueTableRow[] {
  const row = (kind: RevenueTableRow["kind"], id: string, name: string, r: RevenueReport["by_segment"][number]): RevenueTableRow => ({
    kind,
    key: `${kind}-${id}-${r.currency_code}`,
    id,
    name,
    orders: r.orders,
    revenue: r.revenue,
    addon_revenue: r.addon_revenue,
    total: r.revenue + r.addon_revenue,
    commission: r.commission,
    collected: r.collected,
    commission_collected: r.commission_collected,
    currency_code: r.currency_code,
  })
  const byRevenue = (a: RevenueReport["by_tier"][number], b: RevenueReport["by_tier"][number]) =>
    b.revenue + b.addon_revenue - (a.revenue + a.addon_revenue) || a.tier_name.localeCompare(b.tier_name)
  const tierRows = (tiers: RevenueReport["by_tier"]) => [...tiers].sort(byRevenue).map((t) => row("tier", t.tier_id, t.tier_name, t))
  const inSegment = (t: RevenueReport["by_tier"][number], s: RevenueReport["by_segment"][number]) =>
    t.segment_id === s.segment_id && t.currency_code === s.currency_code
  const rows = report.by_segment.flatMap((s) => [
    row("segment", s.segment_id, s.segment_name ?? s.segment_id, s),
    ...tierRows(report.by_tier.filter((t) => inSegment(t, s))),
  ])
  const orphans = tierRows(report.by_tier.filter((t) => !report.by_segment.some((s) => inSegment(t, s))))
  return [...rows, ...orphans]
}

/** A tier's label where tiers of several segments sit side by side. */
export const tierLabel = (t: Pick<TierReportRow, "tier_name" | "segment_name">) => (t.segment_name ? `${t.segment_name} · ${t.tier_name}` : t.tier_name)

export const tierChart = (tiers: TierReportRow[]): ChartRow[] => tiers.map((t) => ({ label: tierLabel(t), orders: t.orders, views: t.views }))

export const upsellChart = (rules: UpsellReportRow[]): ChartRow[] => rules.map((r) => ({ label: r.rule_name, shown: r.shown, accepted: r.accepted }))

/** Conversion rate per variant, as percent, for a small bar chart. */
export const experimentChart = (variants: ExperimentVariantResult[]): ChartRow[] =>
  variants.map((v) => ({ label: v.key, conversion_rate: v.conversion_rate === null ? 0 : Math.round(v.conversion_rate * 10_000) / 100 }))

// ---- experiments ----

export type Verdict = { label: string; color: "green" | "red" | "grey" | "orange" }

const pValue = (p: number) => (p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`)

const signed = (n: number, locale?: string) =>
  `${n > 0 ? "+" : ""}${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n)}`

const points = (difference: number, locale?: string) => `${signed(difference * 100, locale)} pts`

/** A variant against the control (the first variant): the API's always-valid decision, or why there is none. */
export function experimentVerdict(variant: ExperimentVariantResult, index: number, locale?: string): Verdict {
  const s = variant.sequential
  if (index === 0 || !s) return { label: "Control", color: "grey" }
  if (s.decision === "withheld") return { label: "Withheld", color: "orange" }
  if (s.difference === null || s.p_value === null) return { label: "Not enough data", color: "orange" }
  const detail = `${points(s.difference, locale)}, always-valid ${pValue(s.p_value)}`
  if (s.decision === "winner") return { label: `Better (${detail})`, color: "green" }
  if (s.decision === "loser") return { label: `Worse (${detail})`, color: "red" }
  return { label: `Keep running (${detail})`, color: "grey" }
}

/** The always-valid interval of the conversion difference, in points; a dash without one. */
export function conversionInterval(s: SequentialResult | null, locale?: string): string {
  if (!s || s.lower === null || s.upper === null) return "—"
  return `${signed(s.lower * 100, locale)} to ${points(s.upper, locale)}`
}

/** Revenue per visitor minus the control's, with its always-valid interval; a dash without one. */
export function revenueDifference(d: AlwaysValid | null, currency: string | null, locale?: string): string {
  if (!d) return "—"
  const money = (n: number) => `${n > 0 ? "+" : ""}${formatMoney(n, currency, locale)}`
  return `${money(d.difference)} (${money(d.lower)} to ${money(d.upper)})`
}

/** A variant's share of the visitors and, in brackets, the share its weight asks for. */
export function variantShare(srm: SampleRatio, key: string, locale?: string): string {
  return `${formatRate(srm.observed_shares[key] ?? null, locale)} (${formatRate(srm.expected_shares[key] ?? null, locale)})`
}

/** The split check in a badge. */
export function splitCheck(srm: SampleRatio): Verdict {
  if (srm.flagged) return { label: "Sample-ratio mismatch (p < 0.001)", color: "red" }
  if (srm.p_value === null) return { label: "Too few visitors to check the split", color: "grey" }
  return { label: `Split as configured (${pValue(srm.p_value)})`, color: "green" }
}

// ---- CSV ----

/** The file name the API gives in Content-Disposition, or the fallback. */
export function csvFileName(disposition: string | null, fallback: string): string {
  if (disposition) {
    const encoded = /filename\*\s*=\s*[^']*''([^;]+)/i.exec(disposition)
    if (encoded) {
      try {
        return decodeURIComponent(encoded[1].trim())
      } catch {
        // A malformed encoding falls through to the plain name.
      }
    }
    const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition)
    const name = (plain?.[2] ?? plain?.[1])?.trim()
    if (name) return name
  }
  return fallback
}
