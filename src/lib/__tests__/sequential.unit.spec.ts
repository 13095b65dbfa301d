import fc from "fast-check"
import { alwaysValid, conversionDifference, meanDifference, meanEstimate } from "../sequential"

describe("conversionDifference (mSPRT, tau2 = 0.01)", () => {
  it("agrees with a hand computation: 200/1000 against 250/1000", () => {
    // V = 0.2 * 0.8 / 1000 + 0.25 * 0.75 / 1000 = 3.475e-4; n = 500, n tau2 = 5, z^2 = 0.0025 / V = 7.1942
    // ln L = -ln(6) / 2 + (5/6) * 7.1942 / 2 = 2.10172, p = 1 / L = 0.12225
    // half width = sqrt(V * 6/5 * (2 ln 20 + ln 6)) = 0.056970
    const test = conversionDifference({ visitors: 1000, conversions: 200 }, { visitors: 1000, conversions: 250 })!
    expect(test.difference).toBeCloseTo(0.05, 12)
    expect(test.p_value).toBeCloseTo(0.1222457, 6)
    expect(test.lower).toBeCloseTo(0.05 - 0.0569702, 6)
    expect(test.upper).toBeCloseTo(0.05 + 0.0569702, 6)
  })

  it("widens with a smaller alpha: 0.025 gives sqrt(V * 6/5 * (2 ln 40 + ln 6)) = 0.061836", () => {
    const test = conversionDifference({ visitors: 1000, conversions: 200 }, { visitors: 1000, conversions: 250 }, { alpha: 0.025 })!
    expect(test.upper - test.difference).toBeCloseTo(0.061836, 5)
  })

  it("is null without spread (no conversions anywhere) or without two visitors a side", () => {
    expect(conversionDifference({ visitors: 500, conversions: 0 }, { visitors: 500, conversions: 0 })).toBeNull()
    expect(conversionDifference({ visitors: 1, conversions: 1 }, { visitors: 500, conversions: 10 })).toBeNull()
  })

  const group = fc.integer({ min: 2, max: 20_000 }).chain((visitors) => fc.record({ visitors: fc.constant(visitors), conversions: fc.integer({ min: 0, max: visitors }) }))

  it("rejects no difference exactly when 0 is outside its interval, and swapping the groups mirrors it (property)", () => {
    fc.assert(
      fc.property(group, group, (a, b) => {
        const ab = conversionDifference(a, b)
        const ba = conversionDifference(b, a)
        if (!ab || !ba) return
        expect(ab.p_value).toBeGreaterThanOrEqual(0)
        expect(ab.p_value).toBeLessThanOrEqual(1)
        expect(ab.lower).toBeLessThanOrEqual(ab.difference)
        expect(ab.upper).toBeGreaterThanOrEqual(ab.difference)
        if (Math.abs(ab.p_value - 0.05) > 1e-9) expect(ab.p_value < 0.05).toBe(ab.lower > 0 || ab.upper < 0)
        expect(ba.difference).toBeCloseTo(-ab.difference, 12)
        expect(ba.lower).toBeCloseTo(-ab.upper, 12)
        expect(ba.p_value).toBeCloseTo(ab.p_value, 12)
      })
    )
  })
})

describe("alwaysValid", () => {
  it("is wider than the fixed-horizon 95% interval (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), (d, v, n) => {
        const test = alwaysValid(d, v, n)!
        expect(test.upper - d).toBeGreaterThan(1.959964 * Math.sqrt(v))
      })
    )
  })

  it("needs a positive variance and sample", () => {
    expect(alwaysValid(0.1, 0, 100)).toBeNull()
    expect(alwaysValid(0.1, 0.01, 0)).toBeNull()
    expect(alwaysValid(Number.NaN, 0.01, 100)).toBeNull()
  })
})

describe("revenue per visitor", () => {
  it("meanEstimate: mean and variance of the mean from the per-visitor sum and sum of squares", () => {
    // Visitors bringing 0, 0, 100 and 300: mean 100, sample variance (100000 - 4 * 100^2) / 3 = 20000, of the mean 5000.
    expect(meanEstimate({ visitors: 4, sum: 400, sum_of_squares: 100_000 })).toEqual({ mean: 100, variance_of_mean: 5000 })
    expect(meanEstimate({ visitors: 1, sum: 400, sum_of_squares: 160_000 })).toBeNull()
  })

  it("meanDifference agrees with a hand computation: means 100 and 130, SD 300, 400 visitors each", () => {
    // Sample variance 90000 each: sum of squares = 399 * 90000 + 400 * mean^2.
    // V = 90000/400 * 2 = 450 (the delta method for a difference of means); n = 200, n tau2 = 2, z^2 = 900 / 450 = 2
    // ln L = -ln(3)/2 + (2/3) * 2 / 2 = 0.117361, p = 0.889265; half width = sqrt(450 * 3/2 * (2 ln 20 + ln 3)) = 69.17949
    const control = { visitors: 400, sum: 40_000, sum_of_squares: 399 * 90_000 + 400 * 100 ** 2 }
    const variant = { visitors: 400, sum: 52_000, sum_of_squares: 399 * 90_000 + 400 * 130 ** 2 }
    const test = meanDifference(control, variant)!
    expect(test.difference).toBeCloseTo(30, 9)
    expect(test.p_value).toBeCloseTo(0.8892645, 6)
    expect(test.lower).toBeCloseTo(30 - 69.17949, 4)
    expect(test.upper).toBeCloseTo(30 + 69.17949, 4)
  })

  it("never has a negative variance from rounding (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10_000 }), fc.double({ min: 0, max: 1e6, noNaN: true }), (n, value) => {
        // Every visitor bringing the same amount: no spread at all.
        const estimate = meanEstimate({ visitors: n, sum: n * value, sum_of_squares: n * value * value })!
        expect(estimate.variance_of_mean).toBeGreaterThanOrEqual(0)
        expect(estimate.mean).toBeCloseTo(value, 6)
      })
    )
  })
})
