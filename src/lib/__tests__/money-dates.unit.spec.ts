import fc from "fast-check"
import { isCalendarDate } from "../dates"
import { minorDigits, roundToMinor } from "../money"
import { priceTier } from "../pricing"

describe("roundToMinor", () => {
  it.each([
    [1.005, "usd", 1.01],
    [1.004, "usd", 1],
    [-1.005, "usd", -1.01],
    [2.5, "jpy", 3],
    [-2.5, "jpy", -3],
    [1.0005, "kwd", 1.001],
    [7500, "usd", 7500],
    [0.125, "EUR", 0.13],
  ])("rounds %p %s to %p", (amount, currency, expected) => {
    expect(roundToMinor(amount, currency)).toBe(expected)
  })

  it("is idempotent and within half a minor unit (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.constantFrom("usd", "jpy", "kwd"), (amount, currency) => {
        const once = roundToMinor(amount, currency)
        expect(roundToMinor(once, currency)).toBe(once)
        expect(Math.abs(once - amount)).toBeLessThanOrEqual(0.5 / 10 ** minorDigits(currency) + 1e-9)
      })
    )
  })
})

describe("priceTier", () => {
  it("has no adjustments yet and a final equal to the rounded base", () => {
    expect(priceTier({ base: 7500, currency_code: "usd" })).toEqual({
      base: 7500,
      adjustments: [],
      final: 7500,
      currency_code: "usd",
    })
    expect(priceTier({ base: 99.999, currency_code: "usd" }).final).toBe(100)
  })
})

describe("isCalendarDate", () => {
  it.each(["2027-07-17", "2028-02-29", "2027-12-31", "2027-01-01"])("accepts %s", (d) => {
    expect(isCalendarDate(d)).toBe(true)
  })
  it.each(["2027-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "17/07/2027", "2027-7-17", "2027-07-17T00:00:00Z", ""])(
    "refuses %s",
    (d) => {
      expect(isCalendarDate(d)).toBe(false)
    }
  )
})
