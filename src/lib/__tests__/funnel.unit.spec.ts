import { experimentResults } from "../experiment-results"
import { funnelRow } from "../funnel"

describe("funnelRow", () => {
  it("counts each step and divides by the step before", () => {
    expect(funnelRow({ segment_selected: 10, tier_viewed: 8, tier_compared: 4, checkout_started: 2, order: 1 })).toEqual({
      steps: { segment_selected: 10, tier_viewed: 8, tier_compared: 4, checkout_started: 2, order: 1 },
      rates: { tier_viewed: 0.8, tier_compared: 0.5, checkout_started: 0.5, order: 0.5 },
    })
  })

  it("gives null rates after an empty step and 0 for missing steps", () => {
    expect(funnelRow({ segment_selected: 3 })).toEqual({
      steps: { segment_selected: 3, tier_viewed: 0, tier_compared: 0, checkout_started: 0, order: 0 },
      rates: { tier_viewed: 0, tier_compared: null, checkout_started: null, order: null },
    })
  })
})

describe("experimentResults", () => {
  it("compares each variant with the control once both have enough data", () => {
    const [control, bold] = experimentResults([
      { key: "control", visitors: 1000, conversions: 200, revenue: 1_000_000 },
      { key: "bold", visitors: 1000, conversions: 250, revenue: 1_400_000 },
    ])
    expect(control).toEqual({
      key: "control",
      visitors: 1000,
      conversions: 200,
      conversion_rate: 0.2,
      revenue: 1_000_000,
      revenue_per_visitor: 1000,
      enough_data: true,
      comparison: null,
    })
    expect(bold.revenue_per_visitor).toBe(1400)
    expect(bold.comparison!.p_value).toBeCloseTo(0.00742, 4)
    expect(bold.comparison!.significant).toBe(true)
  })

  it("says not enough data below 100 visitors or 10 conversions, for the variant or the control", () => {
    const results = experimentResults([
      { key: "control", visitors: 99, conversions: 20, revenue: 0 },
      { key: "b", visitors: 500, conversions: 9, revenue: 0 },
      { key: "c", visitors: 500, conversions: 50, revenue: 0 },
    ])
    expect(results.map((r) => [r.enough_data, r.comparison])).toEqual([
      [false, null],
      [false, null],
      [true, null],
    ])
    expect(experimentResults([{ key: "a", visitors: 0, conversions: 0, revenue: 0 }])[0]).toMatchObject({ conversion_rate: null, revenue_per_visitor: null })
  })
})
