import fc from "fast-check"
import { asOrderRevenue, orderRevenue, RevenueLine, revenueDelta, reversal } from "../commission"

const rates: Record<string, number> = { seg_ess: 8, seg_sig: 10, seg_lux: 12 }
const rateOf = (id: string) => rates[id] ?? 0

describe("orderRevenue", () => {
  it("puts add-ons with their parent tier line and charges its segment's rate", () => {
    const lines: RevenueLine[] = [
      { kind: "tier", tier_line_key: "a", tier_id: "tier_select", segment_id: "seg_sig", total: 7500 },
      { kind: "addon", tier_line_key: "a", tier_id: "tier_select", segment_id: "seg_sig", total: 1200 },
      { kind: "tier", tier_line_key: "b", tier_id: "tier_prestige", segment_id: "seg_lux", total: 12000 },
      // An add-on whose metadata still names an earlier tier: the parent by key wins.
      { kind: "addon", tier_line_key: "b", tier_id: "tier_old", segment_id: "seg_ess", total: 500 },
    ]
    expect(orderRevenue(lines, rateOf, "usd")).toEqual({
      lines: [
        { tier_line_key: "a", tier_id: "tier_select", segment_id: "seg_sig", revenue: 7500, addon_revenue: 1200, commission: 870 },
        { tier_line_key: "b", tier_id: "tier_prestige", segment_id: "seg_lux", revenue: 12000, addon_revenue: 500, commission: 1500 },
      ],
      revenue: 19500,
      addon_revenue: 1700,
      commission: 2370,
    })
  })

  it("rounds the order's commission once, at the end", () => {
    const lines: RevenueLine[] = [
      { kind: "tier", tier_line_key: "a", tier_id: "t1", segment_id: "seg_sig", total: 0.05 },
      { kind: "tier", tier_line_key: "b", tier_id: "t2", segment_id: "seg_sig", total: 0.05 },
    ]
    // 0.005 + 0.005 = 0.01, where rounding each first would give 0.01 + 0.01.
    expect(orderRevenue(lines, rateOf, "usd").commission).toBe(0.01)
  })

  it("keeps an add-on without its tier line under its own tier", () => {
    const result = orderRevenue([{ kind: "addon", tier_line_key: "gone", tier_id: "t9", segment_id: "seg_ess", total: 100 }], rateOf, "usd")
    expect(result.lines).toEqual([{ tier_line_key: "gone", tier_id: "t9", segment_id: "seg_ess", revenue: 0, addon_revenue: 100, commission: 8 }])
  })
})

describe("reversal", () => {
  const order = orderRevenue(
    [
      { kind: "tier", tier_line_key: "a", tier_id: "t1", segment_id: "seg_sig", total: 8000 },
      { kind: "addon", tier_line_key: "a", tier_id: "t1", segment_id: "seg_sig", total: 2000 },
    ],
    rateOf,
    "usd"
  )

  it("reverses everything on a cancellation", () => {
    expect(reversal(order, "all", "usd")).toMatchObject({ revenue: -8000, addon_revenue: -2000, commission: -1000 })
  })

  it("reverses a refund's share of each line", () => {
    // 2,500 of 10,000 refunded: a quarter of each figure.
    expect(reversal(order, 2500, "usd")).toMatchObject({
      revenue: -2000,
      addon_revenue: -500,
      commission: -250,
      lines: [expect.objectContaining({ revenue: -2000, addon_revenue: -500, commission: -250 })],
    })
  })

  it("never reverses more than the order brought (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000 }), (cents) => {
        const r = reversal(order, cents / 100, "usd")
        expect(-r.revenue - r.addon_revenue).toBeLessThanOrEqual(10000.01)
        expect(r.commission).toBeLessThanOrEqual(0)
        expect(-r.commission).toBeLessThanOrEqual(1000)
      })
    )
  })
})

describe("revenueDelta", () => {
  const line = (tier: string, segment: string, revenue: number, addon = 0, commission = 0) => ({
    tier_line_key: "k",
    tier_id: tier,
    segment_id: segment,
    revenue,
    addon_revenue: addon,
    commission,
  })

  it("moves an upgraded line from the old tier to the new one", () => {
    const recorded = [line("t_ess", "seg_sig", 5000, 1000, 600)]
    const current = [line("t_sel", "seg_sig", 7500, 1000, 850)]
    expect(revenueDelta(current, recorded, "usd")).toEqual({
      lines: [line("t_ess", "seg_sig", -5000, -1000, -600), line("t_sel", "seg_sig", 7500, 1000, 850)],
      revenue: 2500,
      addon_revenue: 0,
      commission: 250,
    })
  })

  it("is empty when nothing changed, and nets earlier deltas", () => {
    const recorded = [line("t_ess", "seg_sig", 5000), line("t_ess", "seg_sig", -5000), line("t_sel", "seg_sig", 7500)]
    expect(revenueDelta([line("t_sel", "seg_sig", 7500)], recorded, "usd")).toEqual({ lines: [], revenue: 0, addon_revenue: 0, commission: 0 })
  })
})

describe("a whole order's commission stays rounded once", () => {
  // Two tier lines whose commissions are 913.333 and 793.333: rounded once, 1706.67; summed after rounding, 1706.66.
  const lines: RevenueLine[] = [
    { kind: "tier", tier_line_key: "a", tier_id: "t", segment_id: "s", total: 7500 },
    { kind: "addon", tier_line_key: "a", tier_id: "t", segment_id: "s", total: 1633.33 },
    { kind: "tier", tier_line_key: "b", tier_id: "t", segment_id: "s", total: 7500 },
    { kind: "addon", tier_line_key: "b", tier_id: "t", segment_id: "s", total: 433.33 },
  ]
  const placed = orderRevenue(lines, () => 10, "usd")

  it("when the order is placed, canceled and read back from its recorded changes", () => {
    expect(placed.commission).toBe(1706.67)
    expect(placed.lines.reduce((s, l) => s + l.commission, 0)).toBeCloseTo(1706.66, 2)
    const totals = { revenue: placed.revenue, addon_revenue: placed.addon_revenue, commission: placed.commission }
    expect(asOrderRevenue(placed.lines, "usd", totals).commission).toBe(1706.67)
    // A cancellation reverses exactly what was recorded: the order nets to zero, not to a cent.
    const canceled = reversal(asOrderRevenue(placed.lines, "usd", totals), "all", "usd")
    expect(placed.commission + canceled.commission).toBe(0)
  })
})
