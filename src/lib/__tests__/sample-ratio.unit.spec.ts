import fc from "fast-check"
import { sampleRatioCheck } from "../sample-ratio"

describe("sampleRatioCheck", () => {
  it("agrees with a hand computation: 520/230/250 against weights 2:1:1", () => {
    // Expected 500/250/250: chi-square = 400/500 + 400/250 + 0 = 2.4 on 2 degrees of freedom, p = exp(-1.2) = 0.301194
    const check = sampleRatioCheck([
      { key: "a", weight: 2, visitors: 520 },
      { key: "b", weight: 1, visitors: 230 },
      { key: "c", weight: 1, visitors: 250 },
    ])
    expect(check.p_value).toBeCloseTo(0.3011942, 6)
    expect(check.flagged).toBe(false)
    expect(check.expected_shares).toEqual({ a: 0.5, b: 0.25, c: 0.25 })
    expect(check.observed_shares).toEqual({ a: 0.52, b: 0.23, c: 0.25 })
  })

  it("flags a split under p < 0.001: 5,260/4,740 against 50/50", () => {
    // chi-square = 2 * 260^2 / 5000 = 27.04, p = 1.98e-7
    const check = sampleRatioCheck([
      { key: "a", weight: 1, visitors: 5260 },
      { key: "b", weight: 1, visitors: 4740 },
    ])
    expect(check.p_value).toBeCloseTo(1.98e-7, 8)
    expect(check.flagged).toBe(true)
  })

  it("does not check with fewer than 5 expected visitors in a variant, nor without visitors", () => {
    const few = sampleRatioCheck([
      { key: "a", weight: 99, visitors: 0 },
      { key: "b", weight: 1, visitors: 3 },
    ])
    expect(few).toMatchObject({ p_value: null, flagged: false, observed_shares: { a: 0, b: 1 } })
    expect(sampleRatioCheck([{ key: "a", weight: 1, visitors: 0 }, { key: "b", weight: 1, visitors: 0 }])).toMatchObject({
      p_value: null,
      flagged: false,
      observed_shares: { a: null, b: null },
    })
  })

  it("flags visitors in a variant weighted 0, and leaves an unused one out of the degrees of freedom", () => {
    expect(sampleRatioCheck([{ key: "a", weight: 1, visitors: 500 }, { key: "b", weight: 0, visitors: 1 }])).toMatchObject({ p_value: 0, flagged: true })
    const unused = sampleRatioCheck([{ key: "a", weight: 1, visitors: 500 }, { key: "b", weight: 1, visitors: 500 }, { key: "off", weight: 0, visitors: 0 }])
    expect(unused.p_value).toBeCloseTo(1, 12)
    expect(unused.expected_shares.off).toBe(0)
  })

  it("never flags counts exactly in proportion to the weights (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 5 }), fc.integer({ min: 10, max: 1000 }), (weights, scale) => {
        const check = sampleRatioCheck(weights.map((w, i) => ({ key: `v${i}`, weight: w, visitors: w * scale })))
        expect(check.flagged).toBe(false)
        expect(check.p_value).toBeCloseTo(1, 9)
      })
    )
  })
})
