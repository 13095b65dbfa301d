import {
  ALL_TENANTS,
  EMPTY_REPORT,
  PALETTE,
  addDays,
  csvFileName,
  defaultRange,
  experimentChart,
  conversionInterval,
  experimentVerdict,
  formatCount,
  formatMoney,
  formatMoneyShort,
  formatRate,
  funnelChart,
  funnelRows,
  overallConversion,
  perInterval,
  periodLabel,
  rangeProblem,
  reportPeriods,
  reportQuery,
  revenueCharts,
  revenueDifference,
  revenueTable,
  segmentColors,
  splitCheck,
  tierChart,
  tierLabel,
  todayUtc,
  upsellChart,
  variantShare,
} from "../tier-analytics"
import type { ExperimentVariantResult, FunnelReport, RevenueReport, SequentialResult, TierReportRow } from "../../../contract/admin"

const EN = "en-US"

const steps = (segment_selected: number, tier_viewed: number, tier_compared: number, checkout_started: number, order: number) => ({
  segment_selected,
  tier_viewed,
  tier_compared,
  checkout_started,
  order,
})
const noRates = { tier_viewed: null, tier_compared: null, checkout_started: null, order: null }

const funnel: FunnelReport = {
  time_zone: "UTC",
  from: "2026-06-01",
  to: "2026-06-30",
  segments: [
    { segment_id: "seg_sig", segment_handle: "signature", segment_name: "Signature", steps: steps(4, 3, 2, 1, 1), rates: noRates },
    { segment_id: "seg_lux", segment_handle: "luxury", segment_name: "Luxury", steps: steps(1, 0, 0, 0, 0), rates: noRates },
  ],
  total: { steps: steps(5, 3, 2, 1, 1), rates: noRates },
}

const money = (orders: number, revenue: number, addon_revenue: number, commission: number, currency_code = "usd") => ({
  orders,
  revenue,
  addon_revenue,
  commission,
  collected: revenue + addon_revenue,
  commission_collected: commission,
  currency_code,
})

const revenue: RevenueReport = {
  time_zone: "UTC",
  from: "2026-06-01",
  to: "2026-06-03",
  interval: "day",
  totals: [{ currency_code: "usd", booked: 13600, collected: 13600, commission: 1360, commission_collected: 1360 }],
  by_segment: [
    { segment_id: "seg_sig", segment_name: "Signature", ...money(2, 12500, 1000, 1350) },
    { segment_id: "seg_lux", segment_name: "Luxury", ...money(0, 0, 0, 0) },
  ],
  by_tier: [
    { tier_id: "tier_ess", tier_name: "Essential", segment_id: "seg_sig", segment_name: "Signature", ...money(1, 5000, 1000, 600) },
    { tier_id: "tier_sel", tier_name: "Select", segment_id: "seg_sig", segment_name: "Signature", ...money(1, 7500, 0, 750) },
    { tier_id: "tier_old", tier_name: "Retired", segment_id: "seg_gone", segment_name: null, ...money(1, 100, 0, 10) },
  ],
  series: [
    { period: "2026-06-01", segment_id: "seg_sig", segment_name: "Signature", revenue: 5000, commission: 500, currency_code: "usd" },
    { period: "2026-06-03", segment_id: "seg_sig", segment_name: "Signature", revenue: 7500, commission: 750, currency_code: "usd" },
    { period: "2026-06-02", segment_id: "seg_sig", segment_name: "Signature", revenue: 900, commission: 90, currency_code: "eur" },
  ],
}

const sequential = (overrides: Partial<SequentialResult> = {}): SequentialResult => ({
  decision: "winner",
  alpha: 0.05,
  difference: 0.05,
  p_value: 0.0031,
  lower: 0.004,
  upper: 0.0961,
  ...overrides,
})

const variant = (overrides: Partial<ExperimentVariantResult> = {}): ExperimentVariantResult => ({
  key: "b",
  weight: 1,
  visitors: 200,
  conversions: 30,
  converted_visitors: 30,
  conversion_rate: 0.15,
  revenue: 3000,
  revenue_per_visitor: 15,
  revenue_per_visitor_variance: 1.2,
  enough_data: true,
  comparison: { difference: 0.05, z: 2.1, p_value: 0.0357, significant: true },
  sequential: sequential(),
  revenue_difference: null,
  ...overrides,
})

describe("the date range", () => {
  it("defaults to the 30 days up to today, UTC, both included", () => {
    expect(defaultRange("2026-03-01")).toEqual({ from: "2026-01-31", to: "2026-03-01" })
    expect(defaultRange("2024-03-29")).toEqual({ from: "2024-02-29", to: "2024-03-29" })
    expect(todayUtc(new Date("2026-07-01T23:30:00-05:00"))).toBe("2026-07-02")
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01")
  })

  it("refuses a missing, malformed or backwards range before asking the API", () => {
    expect(rangeProblem("2026-06-01", "2026-06-01")).toBeNull()
    expect(rangeProblem("", "2026-06-01")).toBe("Choose a From and a To date.")
    expect(rangeProblem("2026-13-01", "2026-06-01")).toBe("Choose a From and a To date.")
    expect(rangeProblem("2026-06-02", "2026-06-01")).toBe("From must be on or before To.")
  })

  it("asks for one tenant, or every tenant without sales_channel_id", () => {
    const range = { from: "2026-06-01", to: "2026-06-30" }
    expect(reportQuery(range, ALL_TENANTS)).toEqual(range)
    expect(reportQuery(range, "sc_1")).toEqual({ ...range, sales_channel_id: "sc_1" })
  })
})

describe("numbers in words", () => {
  it("formats money in the row's currency, main unit", () => {
    expect(formatMoney(5000, "usd", EN)).toBe("$5,000.00")
    expect(formatMoney(1234.5, "eur", EN)).toBe("€1,234.50")
    expect(formatMoney(0, null, EN)).toBe("0")
    expect(formatMoney(12.345, null, EN)).toBe("12.35")
    expect(formatMoney(10, "not-a-currency", EN)).toBe("10 NOT-A-CURRENCY")
    expect(formatMoneyShort(12500, "usd", EN)).toBe("$12.5K")
    expect(formatCount(12345, EN)).toBe("12,345")
  })

  it("shows rates as percents and a rate with nothing before it as a dash", () => {
    expect(formatRate(0.75, EN)).toBe("75%")
    expect(formatRate(2 / 3, EN)).toBe("66.7%")
    expect(formatRate(0, EN)).toBe("0%")
    expect(formatRate(null, EN)).toBe("—")
    expect(overallConversion(steps(4, 3, 2, 1, 1))).toBe(0.25)
    expect(overallConversion(steps(0, 0, 0, 0, 1))).toBeNull()
  })
})

describe("chart data", () => {
  it("gives each segment one colour for the whole page, in the order first seen", () => {
    const colors = segmentColors(["seg_sig", "seg_lux", "seg_sig", "seg_ess"])
    expect([...colors.entries()]).toEqual([
      ["seg_sig", PALETTE[0]],
      ["seg_lux", PALETTE[1]],
      ["seg_ess", PALETTE[2]],
    ])
  })

  it("groups the funnel by step with one bar per segment", () => {
    const colors = segmentColors(["seg_lux", "seg_sig"])
    const { data, series } = funnelChart(funnel, colors)
    expect(series).toEqual([
      { key: "seg_sig", name: "Signature", color: PALETTE[1] },
      { key: "seg_lux", name: "Luxury", color: PALETTE[0] },
    ])
    expect(data).toEqual([
      { label: "Segment selected", seg_sig: 4, seg_lux: 1 },
      { label: "Tier viewed", seg_sig: 3, seg_lux: 0 },
      { label: "Tier compared", seg_sig: 2, seg_lux: 0 },
      { label: "Checkout started", seg_sig: 1, seg_lux: 0 },
      { label: "Order", seg_sig: 1, seg_lux: 0 },
    ])
  })

  it("names every period of the range as the API does (weeks from Monday)", () => {
    expect(reportPeriods("2026-06-29", "2026-07-02", "day")).toEqual(["2026-06-29", "2026-06-30", "2026-07-01", "2026-07-02"])
    // 2026-06-03 is a Wednesday.
    expect(reportPeriods("2026-06-03", "2026-06-15", "week")).toEqual(["2026-06-01", "2026-06-08", "2026-06-15"])
    expect(reportPeriods("2026-11-15", "2027-02-01", "month")).toEqual(["2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01"])
    expect(reportPeriods("2026-06-02", "2026-06-01", "day")).toEqual([])
    expect(periodLabel("2026-06-01", "day", EN)).toBe("Jun 1")
    expect(periodLabel("2026-06-01", "week", EN)).toBe("Week of Jun 1")
    expect(periodLabel("2026-06-01", "month", EN)).toBe("Jun 2026")
  })

  it("draws revenue per currency, with 0 for periods without orders", () => {
    const charts = revenueCharts(revenue, new Map(), EN)
    expect(charts.map((c) => c.currency)).toEqual(["usd", "eur"])
    expect(charts[0].series).toEqual([
      { key: "seg_sig", name: "Signature", color: PALETTE[0] },
      { key: "seg_lux", name: "Luxury", color: PALETTE[1] },
    ])
    expect(charts[0].data).toEqual([
      { label: "Jun 1", seg_sig: 5000, seg_lux: 0 },
      { label: "Jun 2", seg_sig: 0, seg_lux: 0 },
      { label: "Jun 3", seg_sig: 7500, seg_lux: 0 },
    ])
    expect(charts[1].series.map((s) => s.key)).toEqual(["seg_sig"])
    expect(charts[1].data.map((d) => d.seg_sig)).toEqual([0, 900, 0])
  })

  it("lists each segment's totals followed by its tiers by revenue, then tiers of no listed segment", () => {
    const rows = revenueTable(revenue)
    expect(rows.map((r) => [r.kind, r.name, r.orders, r.total, r.commission])).toEqual([
      ["segment", "Signature", 2, 13500, 1350],
      ["tier", "Select", 1, 7500, 750],
      ["tier", "Essential", 1, 6000, 600],
      ["segment", "Luxury", 0, 0, 0],
      ["tier", "Retired", 1, 100, 10],
    ])
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length)
    expect(rows.map((r) => [r.collected, r.commission_collected])[0]).toEqual([13500, 1350])
  })

  it("labels tiers with their segment, and shapes tiers, upsell rules and variants for bars", () => {
    const tier: TierReportRow = {
      tier_id: "tier_ess",
      tier_name: "Essential",
      level: 1,
      segment_id: "seg_sig",
      segment_name: "Signature",
      views: 3,
      orders: 1,
      revenue: 5000,
      addon_revenue: 1000,
      commission: 600,
      currency_code: "usd",
    }
    expect(tierLabel(tier)).toBe("Signature · Essential")
    expect(tierLabel({ tier_name: "Lost", segment_name: null })).toBe("Lost")
    expect(tierChart([tier])).toEqual([{ label: "Signature · Essential", orders: 1, views: 3 }])
    expect(
      upsellChart([
        { rule_id: "r", rule_name: "Bundle", action: "suggest_addon_bundle", shown: 2, accepted: 1, declined: 0, acceptance_rate: 0.5, orders: 1, revenue: 6000, currency_code: "usd" },
      ])
    ).toEqual([{ label: "Bundle", shown: 2, accepted: 1 }])
    expect(experimentChart([variant({ key: "a", conversion_rate: 1 / 3 }), variant({ key: "b", conversion_rate: null })])).toEqual([
      { label: "a", conversion_rate: 33.33 },
      { label: "b", conversion_rate: 0 },
    ])
  })
})

describe("the funnel table", () => {
  it("has a row per segment in its chart colour, with the segment's handle in its test id, then the uncoloured total", () => {
    const colors = new Map([["seg_sig", PALETTE[2]]])
    const rows = funnelRows({ ...funnel, segments: [...funnel.segments, { ...funnel.segments[1], segment_id: "seg_x", segment_handle: null }] }, colors)
    expect(rows.map((r) => [r.key, r.testId, r.color])).toEqual([
      ["seg_sig", "funnel-row-signature", PALETTE[2]],
      ["seg_lux", "funnel-row-luxury", PALETTE[0]],
      ["seg_x", "funnel-row-seg_x", PALETTE[0]],
      ["all", "funnel-row-all", undefined],
    ])
    expect(rows[3]).toMatchObject({ name: "All segments", steps: funnel.total.steps })
  })
})

describe("empty reports", () => {
  it("calls a funnel empty only when no segment and no step has a count", () => {
    expect(EMPTY_REPORT.funnel(funnel)).toBeNull()
    expect(EMPTY_REPORT.funnel({ ...funnel, segments: [] })).toBeNull()
    expect(EMPTY_REPORT.funnel({ ...funnel, segments: [], total: { steps: steps(0, 0, 0, 0, 0), rates: noRates } })).toBe(
      "No funnel events or orders in this range."
    )
  })

  it("calls the other reports empty when they have no rows", () => {
    expect(EMPTY_REPORT.revenue(revenue)).toBeNull()
    expect(EMPTY_REPORT.revenue({ ...revenue, by_segment: [], by_tier: [] })).toBe("No orders in this range.")
    expect(EMPTY_REPORT.tiers({ from: "2026-06-01", to: "2026-06-30", time_zone: "UTC", tiers: [] })).toBe("No tier was viewed or ordered in this range.")
    expect(EMPTY_REPORT.upsell({ from: "2026-06-01", to: "2026-06-30", time_zone: "UTC", rules: [] })).toBe("No upsell offer was shown in this range.")
    expect(EMPTY_REPORT.experiments({ experiments: [] })).toBe("No experiment has run yet.")
  })

  it("names the revenue period in words", () => {
    expect(perInterval("week")).toBe("per week")
  })
})

describe("experiment verdicts", () => {
  it("marks the control, and says when there is not enough data or the results are withheld", () => {
    expect(experimentVerdict(variant({ sequential: null }), 0)).toEqual({ label: "Control", color: "grey" })
    const empty = { difference: null, p_value: null, lower: null, upper: null }
    expect(experimentVerdict(variant({ enough_data: false, sequential: sequential({ decision: "keep_running", ...empty }) }), 1)).toEqual({
      label: "Not enough data",
      color: "orange",
    })
    expect(experimentVerdict(variant({ sequential: sequential({ decision: "withheld", ...empty }) }), 1)).toEqual({ label: "Withheld", color: "orange" })
  })

  it("reads the API's always-valid decision: the difference in points and the p-value", () => {
    expect(experimentVerdict(variant(), 1, EN)).toEqual({ label: "Better (+5 pts, always-valid p = 0.003)", color: "green" })
    expect(experimentVerdict(variant({ sequential: sequential({ decision: "loser", difference: -0.123, p_value: 0.00001 }) }), 2, EN)).toEqual({
      label: "Worse (-12.3 pts, always-valid p < 0.001)",
      color: "red",
    })
    expect(experimentVerdict(variant({ sequential: sequential({ decision: "keep_running", difference: 0.01, p_value: 0.61 }) }), 1, EN)).toEqual({
      label: "Keep running (+1 pts, always-valid p = 0.610)",
      color: "grey",
    })
  })

  it("writes the intervals: conversion in points, revenue per visitor in the currency", () => {
    expect(conversionInterval(sequential(), EN)).toBe("+0.4 to +9.6 pts")
    expect(conversionInterval(sequential({ lower: -0.031, upper: -0.004 }), EN)).toBe("-3.1 to -0.4 pts")
    expect(conversionInterval(null)).toBe("—")
    expect(revenueDifference({ difference: 105, p_value: 0.01, lower: -12.5, upper: 222 }, "usd", EN)).toBe("+$105.00 (-$12.50 to +$222.00)")
    expect(revenueDifference(null, "usd")).toBe("—")
  })

  it("says how the visitors are split against the weights", () => {
    const srm = { p_value: 0.42, flagged: false, expected_shares: { a: 0.5, b: 0.5 }, observed_shares: { a: 0.52, b: 0.48 } }
    expect(variantShare(srm, "a", EN)).toBe("52% (50%)")
    expect(splitCheck(srm)).toEqual({ label: "Split as configured (p = 0.420)", color: "green" })
    expect(splitCheck({ ...srm, p_value: 1e-7, flagged: true })).toEqual({ label: "Sample-ratio mismatch (p < 0.001)", color: "red" })
    expect(splitCheck({ ...srm, p_value: null, observed_shares: { a: null, b: null } })).toEqual({ label: "Too few visitors to check the split", color: "grey" })
    expect(variantShare({ ...srm, observed_shares: { a: null, b: null } }, "a", EN)).toBe("— (50%)")
  })
})

describe("CSV file names", () => {
  it("takes the API's name from Content-Disposition, or falls back", () => {
    expect(csvFileName('attachment; filename="tiers-2026-06-01-2026-06-30.csv"', "tiers.csv")).toBe("tiers-2026-06-01-2026-06-30.csv")
    expect(csvFileName("attachment; filename=funnel.csv", "x.csv")).toBe("funnel.csv")
    expect(csvFileName("attachment; filename*=UTF-8''upsell%20rules.csv", "x.csv")).toBe("upsell rules.csv")
    expect(csvFileName("attachment", "experiments.csv")).toBe("experiments.csv")
    expect(csvFileName(null, "experiments.csv")).toBe("experiments.csv")
  })
})
