import { experimentResults, VariantCounts } from "../experiment-results"

/** Counts where every converted visitor placed one order of `order` (revenue sums follow). */
const arm = (key: string, visitors: number, conversions: number, order = 1000, weight = 1): VariantCounts => ({
  key,
  weight,
  visitors,
  conversions,
  converted_visitors: conversions,
  revenue: conversions * order,
  revenue_sum_of_squares: conversions * order * order,
})

describe("experimentResults", () => {
  it("compares each variant with the control once both have enough data: fixed-horizon and always valid", () => {
    const { variants, srm, verdict } = experimentResults([arm("control", 1000, 200, 5000), arm("bold", 1000, 250, 5600)])
    const [control, bold] = variants
    expect(control).toEqual({
      key: "control",
      weight: 1,
      visitors: 1000,
      conversions: 200,
      converted_visitors: 200,
      conversion_rate: 0.2,
      revenue: 1_000_000,
      revenue_per_visitor: 1000,
      // Sample variance (200 * 5000^2 - 1000 * 1000^2) / 999 = 4,004,004; over 1000 visitors.
      revenue_per_visitor_variance: expect.closeTo(4004.004, 3),
      enough_data: true,
      comparison: null,
      sequential: null,
      revenue_difference: null,
    })
    expect(bold.revenue_per_visitor).toBe(1400)
    // Read once, the z-test calls it; the always-valid test, which may be read every day, waits.
    expect(bold.comparison!.p_value).toBeCloseTo(0.00742, 4)
    expect(bold.comparison!.significant).toBe(true)
    expect(bold.sequential).toEqual({ decision: "keep_running", alpha: 0.05, difference: expect.closeTo(0.05, 12), p_value: expect.closeTo(0.12225, 5), lower: expect.closeTo(-0.00697, 5), upper: expect.closeTo(0.10697, 5) })
    expect(bold.revenue_difference!.difference).toBeCloseTo(400, 9)
    expect(srm).toMatchObject({ p_value: 1, flagged: false })
    expect(verdict).toBe("No clear difference yet; keep it running: results stay valid however often you look.")
  })

  it("names a winner and says it can stop once the interval leaves 0", () => {
    const { variants, verdict } = experimentResults([arm("a", 5000, 500), arm("b", 5000, 650)])
    expect(variants[1].sequential!.decision).toBe("winner")
    expect(verdict).toMatch(/^Variant b converts better than the control \(\+3\.0 points, 95% always-valid interval \+\d\.\d to \+\d\.\d\); you can stop\.$/)
    const s = variants[1].sequential!
    expect(verdict).toContain(`+${(s.lower! * 100).toFixed(1)} to +${(s.upper! * 100).toFixed(1)}`)
  })

  it("names a loser, and shares alpha among the variants (three arms: 0.025 each)", () => {
    const { variants, verdict } = experimentResults([arm("a", 5000, 650), arm("b", 5000, 500), arm("c", 5000, 655)])
    expect(variants.map((v) => v.sequential?.alpha)).toEqual([undefined, 0.025, 0.025])
    expect(variants.map((v) => v.sequential?.decision)).toEqual([undefined, "loser", "keep_running"])
    expect(verdict).toMatch(/^Variant b converts worse than the control \(-3\.0 points, 95% always-valid interval -\d\.\d to -\d\.\d\); the others show no clear difference yet: keep it running/)
  })

  it("withholds every comparison while the split is a sample-ratio mismatch, and still shows the counts", () => {
    // 50/50 configured, 5,260/4,740 observed: p = 2e-7.
    const { variants, srm, verdict } = experimentResults([arm("a", 5260, 500), arm("b", 4740, 650)])
    expect(srm.flagged).toBe(true)
    expect(variants[1]).toMatchObject({
      visitors: 4740,
      conversions: 650,
      comparison: null,
      revenue_difference: null,
      sequential: { decision: "withheld", p_value: null, lower: null, upper: null },
    })
    expect(verdict).toBe("Visitors are not split as configured (sample-ratio mismatch, p < 0.001): results are withheld; check the assignment.")
  })

  it("judges the split against the weights: 2:1 counts under 2:1 weights are fine", () => {
    expect(experimentResults([arm("a", 2000, 200, 1000, 2), arm("b", 1000, 100)]).srm).toMatchObject({ flagged: false, expected_shares: { a: 2 / 3, b: 1 / 3 } })
  })

  it("says not enough data below 100 visitors or 10 conversions, for the variant or the control", () => {
    const { variants, verdict } = experimentResults([arm("control", 99, 20, 1000, 1), arm("b", 500, 9, 1000, 5), arm("c", 500, 50, 1000, 5)])
    expect(variants.map((r) => [r.enough_data, r.comparison, r.sequential?.decision ?? null, r.sequential?.p_value ?? null])).toEqual([
      [false, null, null, null],
      [false, null, "keep_running", null],
      [true, null, "keep_running", null],
    ])
    expect(verdict).toBe("Not enough data yet: each variant needs 100 visitors and 10 orders; keep it running: results stay valid however often you look.")
    const empty = experimentResults([arm("a", 0, 0), arm("b", 0, 0)])
    expect(empty.variants[0]).toMatchObject({ conversion_rate: null, revenue_per_visitor: null, revenue_per_visitor_variance: null })
    expect(empty.verdict).toBe("No visitors yet.")
    expect(experimentResults([arm("a", 500, 50)]).verdict).toBe("One variant only: there is nothing to compare it with.")
  })

  it("counts a visitor with two orders once in the conversion test", () => {
    const counts = { ...arm("b", 1000, 300), converted_visitors: 200 }
    const { variants } = experimentResults([arm("a", 1000, 200), counts])
    expect(variants[1].conversion_rate).toBe(0.3)
    expect(variants[1].sequential!.difference).toBe(0)
  })
})
