import fc from "fast-check"
import { bandFor, DEFAULT_PRICE_BANDS, nextFreeLevels, validateBands } from "../bands"

describe("bandFor with the default bands", () => {
  it.each([
    [0, "essential"],
    [2000, "essential"],
    [4999.99, "essential"],
    [5000, "signature"],
    [7500, "signature"],
    [9999.99, "signature"],
    [10000, "luxury"],
    [250000, "luxury"],
  ])("puts %p in %s", (price, handle) => {
    expect(bandFor(price, DEFAULT_PRICE_BANDS)).toBe(handle)
  })

  it("never moves a product down a band when its price rises (property)", () => {
    const order = DEFAULT_PRICE_BANDS.map((b) => b.segment_handle)
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        expect(order.indexOf(bandFor(low, DEFAULT_PRICE_BANDS))).toBeLessThanOrEqual(
          order.indexOf(bandFor(high, DEFAULT_PRICE_BANDS))
        )
      })
    )
  })
})

describe("validateBands", () => {
  it("accepts the defaults and a single open band", () => {
    expect(validateBands(DEFAULT_PRICE_BANDS)).toEqual([])
    expect(validateBands([{ segment_handle: "all", below: null }])).toEqual([])
  })

  it("refuses empty, bounded-last, open-middle and non-increasing bands", () => {
    expect(validateBands([])).toEqual(["At least one price band is required"])
    expect(validateBands([{ segment_handle: "a", below: 10 }])[0]).toContain("last band (a) must have no upper bound")
    expect(
      validateBands([
        { segment_handle: "a", below: null },
        { segment_handle: "b", below: null },
      ])[0]
    ).toContain("Only the last band may have no upper bound")
    expect(
      validateBands([
        { segment_handle: "a", below: 10 },
        { segment_handle: "b", below: 10 },
        { segment_handle: "c", below: null },
      ])[0]
    ).toContain("must increase")
  })
})

describe("nextFreeLevels", () => {
  it("fills gaps first, then continues upward", () => {
    expect(nextFreeLevels([], 3)).toEqual([1, 2, 3])
    expect(nextFreeLevels([1, 3], 3)).toEqual([2, 4, 5])
    expect(nextFreeLevels([2], 0)).toEqual([])
  })

  it("never returns a taken level or a repeat (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 20 })), fc.integer({ min: 0, max: 10 }), (taken, count) => {
        const levels = nextFreeLevels(taken, count)
        expect(levels).toHaveLength(count)
        expect(new Set(levels).size).toBe(count)
        expect(levels.some((l) => taken.includes(l))).toBe(false)
        expect([...levels].sort((a, b) => a - b)).toEqual(levels)
      })
    )
  })
})
