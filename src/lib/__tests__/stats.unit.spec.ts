import fc from "fast-check"
import { chiSquareSurvival, logGamma, normalCdf, rate, regularizedGammaQ, twoProportionTest } from "../stats"

describe("normalCdf", () => {
  it("matches the standard normal table", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7)
    expect(normalCdf(1.96)).toBeCloseTo(0.975002, 5)
    expect(normalCdf(-1.96)).toBeCloseTo(0.024998, 5)
    expect(normalCdf(1)).toBeCloseTo(0.841345, 5)
    expect(normalCdf(2.5758)).toBeCloseTo(0.995, 4)
  })

  it("is symmetric and increasing (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 0.001, max: 2, noNaN: true }), (z, step) => {
        expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 6)
        expect(normalCdf(z + step)).toBeGreaterThanOrEqual(normalCdf(z))
      })
    )
  })
})

describe("twoProportionTest", () => {
  it("agrees with a worked example: 200/1000 vs 250/1000", () => {
    // pooled p = 0.225, se = sqrt(0.225 * 0.775 * 0.002) = 0.018675; z = 0.05 / 0.018675 = 2.6774
    const test = twoProportionTest({ conversions: 200, visitors: 1000 }, { conversions: 250, visitors: 1000 })!
    expect(test.difference).toBeCloseTo(0.05, 10)
    expect(test.z).toBeCloseTo(2.6774, 3)
    expect(test.p_value).toBeCloseTo(0.00742, 4)
    expect(test.significant).toBe(true)
  })

  it("finds no significance in a small difference: 20/200 vs 24/200", () => {
    const test = twoProportionTest({ conversions: 20, visitors: 200 }, { conversions: 24, visitors: 200 })!
    // pooled 0.11, se = sqrt(0.11 * 0.89 * 0.01) = 0.031289; z = 0.02 / 0.031289 = 0.6392
    expect(test.z).toBeCloseTo(0.6392, 3)
    expect(test.p_value).toBeCloseTo(0.5227, 3)
    expect(test.significant).toBe(false)
  })

  it("is null without visitors and flat without any variance", () => {
    expect(twoProportionTest({ conversions: 0, visitors: 0 }, { conversions: 1, visitors: 5 })).toBeNull()
    expect(twoProportionTest({ conversions: 0, visitors: 10 }, { conversions: 0, visitors: 10 })).toEqual({ difference: 0, z: 0, p_value: 1, significant: false })
  })

  it("swapping the groups flips z and keeps p (property)", () => {
    const group = fc.integer({ min: 1, max: 5000 }).chain((visitors) => fc.record({ visitors: fc.constant(visitors), conversions: fc.integer({ min: 0, max: visitors }) }))
    fc.assert(
      fc.property(group, group, (a, b) => {
        const ab = twoProportionTest(a, b)!
        const ba = twoProportionTest(b, a)!
        expect(ab.z).toBeCloseTo(-ba.z, 9)
        expect(ab.p_value).toBeCloseTo(ba.p_value, 9)
        expect(ab.p_value).toBeGreaterThanOrEqual(0)
        expect(ab.p_value).toBeLessThanOrEqual(1)
      })
    )
  })
})

describe("rate", () => {
  it("divides, or is null over nothing", () => {
    expect(rate(1, 4)).toBe(0.25)
    expect(rate(3, 0)).toBeNull()
  })
})

describe("chiSquareSurvival", () => {
  it("matches the chi-square table's critical values", () => {
    // [x, degrees of freedom, P(X > x)] from the standard table.
    const table: [number, number, number][] = [
      [3.841459, 1, 0.05],
      [6.634897, 1, 0.01],
      [10.827566, 1, 0.001],
      [5.991465, 2, 0.05],
      [13.815511, 2, 0.001],
      [7.814728, 3, 0.05],
      [16.266236, 3, 0.001],
      [18.307038, 10, 0.05],
      [29.588298, 10, 0.001],
      [67.504807, 50, 0.05],
    ]
    for (const [x, df, p] of table) expect(chiSquareSurvival(x, df)).toBeCloseTo(p, 6)
  })

  it("matches known values off the critical points", () => {
    expect(chiSquareSurvival(1, 1)).toBeCloseTo(0.3173105, 7)
    expect(chiSquareSurvival(0.5, 5)).toBeCloseTo(0.9921233, 7)
    expect(chiSquareSurvival(100, 50)).toBeCloseTo(3.4549e-5, 8)
    expect(chiSquareSurvival(0, 3)).toBe(1)
    expect(chiSquareSurvival(Infinity, 3)).toBe(0)
  })

  it("is exp(-x/2) for 2 degrees of freedom and 2(1 - Phi(sqrt x)) for 1 (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 60, noNaN: true }), (x) => {
        expect(chiSquareSurvival(x, 2)).toBeCloseTo(Math.exp(-x / 2), 12)
        // normalCdf is good to 1.5e-7.
        expect(Math.abs(chiSquareSurvival(x, 1) - 2 * (1 - normalCdf(Math.sqrt(x))))).toBeLessThan(5e-7)
      })
    )
  })

  it("falls as x grows and rises with the degrees of freedom, within [0, 1] (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0.01, max: 20, noNaN: true }), fc.integer({ min: 1, max: 60 }), (x, step, df) => {
        const p = chiSquareSurvival(x, df)
        expect(p).toBeGreaterThanOrEqual(0)
        expect(p).toBeLessThanOrEqual(1)
        expect(chiSquareSurvival(x + step, df)).toBeLessThanOrEqual(p + 1e-12)
        expect(chiSquareSurvival(x, df + 1)).toBeGreaterThanOrEqual(p - 1e-12)
      })
    )
  })

  it("Q(a, x) + P(a, x) = 1 through the recurrence Q(a + 1, x) = Q(a, x) + x^a e^-x / Gamma(a + 1) (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 30, noNaN: true }), fc.double({ min: 0.01, max: 60, noNaN: true }), (a, x) => {
        const term = Math.exp(a * Math.log(x) - x - logGamma(a + 1))
        expect(regularizedGammaQ(a + 1, x)).toBeCloseTo(regularizedGammaQ(a, x) + term, 10)
      })
    )
  })

  it("logGamma matches factorials and Gamma(1/2) = sqrt(pi)", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12)
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12)
    expect(logGamma(21)).toBeCloseTo(Math.log(2432902008176640000), 9)
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12)
  })
})
