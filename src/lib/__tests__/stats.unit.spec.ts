import fc from "fast-check"
import { normalCdf, rate, twoProportionTest } from "../stats"

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
