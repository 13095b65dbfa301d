import fc from "fast-check"
import { dateProblem, priceDifference, rescheduleRuleProblem, RescheduleRules } from "../reschedule"

const rules = (extra: Partial<RescheduleRules> = {}): RescheduleRules => ({
  actor: "admin",
  from: "2027-06-12",
  to: "2027-06-19",
  today: "2027-01-01",
  allow_customer_reschedule: false,
  reschedule_notice_days: 14,
  ...extra,
})

describe("rescheduleRuleProblem", () => {
  it("lets the merchant move any booking to another day from today on, whatever the couple's setting", () => {
    expect(rescheduleRuleProblem(rules())).toBeNull()
    expect(rescheduleRuleProblem(rules({ to: "2027-01-01" }))).toBeNull()
    // Even the day before the event: the notice binds couples only.
    expect(rescheduleRuleProblem(rules({ today: "2027-06-11" }))).toBeNull()
  })

  it("refuses the same date and a past date", () => {
    expect(rescheduleRuleProblem(rules({ to: "2027-06-12" }))).toEqual({ kind: "invalid", message: expect.stringContaining("already on 2027-06-12") })
    expect(rescheduleRuleProblem(rules({ to: "2026-12-31" }))).toEqual({ kind: "invalid", message: expect.stringContaining("in the past") })
  })

  it("refuses a couple where the tenant does not allow it (403), and with less notice than asked", () => {
    expect(rescheduleRuleProblem(rules({ actor: "customer" }))?.kind).toBe("forbidden")
    const allowed = { actor: "customer" as const, allow_customer_reschedule: true }
    expect(rescheduleRuleProblem(rules({ ...allowed, today: "2027-05-29" }))).toBeNull() // 14 days away
    const late = rescheduleRuleProblem(rules({ ...allowed, today: "2027-05-30" })) // 13 days away
    expect(late).toEqual({ kind: "not_allowed", message: expect.stringContaining("at least 14 days before it; 2027-06-12 is 13 days away") })
    expect(rescheduleRuleProblem(rules({ ...allowed, reschedule_notice_days: 0, today: "2027-06-12" }))).toBeNull()
  })

  it("answers a couple's notice exactly at the boundary for any notice", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (notice, ahead) => {
        const today = new Date(Date.UTC(2027, 0, 1))
        const from = new Date(today.getTime() + ahead * 86_400_000).toISOString().slice(0, 10)
        const problem = rescheduleRuleProblem(
          rules({ actor: "customer", allow_customer_reschedule: true, reschedule_notice_days: notice, today: "2027-01-01", from, to: "2028-12-31" })
        )
        return (problem === null) === ahead >= notice
      })
    )
  })
})

describe("dateProblem", () => {
  it("takes bookable dates and says why not for the others", () => {
    expect(dateProblem({ date: "2027-06-19", status: "available", remaining: 2 })).toBeNull()
    expect(dateProblem({ date: "2027-06-19", status: "limited", remaining: 1 })).toBeNull()
    expect(dateProblem({ date: "2027-06-19", status: "sold_out", remaining: 0 })).toEqual({ kind: "conflict", message: "2027-06-19 is sold out; choose another date" })
    expect(dateProblem({ date: "2027-06-19", status: "blackout", remaining: 0, reason: "Holiday" })).toEqual({
      kind: "not_allowed",
      message: "2027-06-19 is not bookable (blackout: Holiday)",
    })
    expect(dateProblem({ date: "2027-06-19", status: "unavailable", remaining: 0 })?.message).toContain("outside the dates")
  })
})

describe("priceDifference", () => {
  it("is the new prices less the paid ones, per unit and quantity, rounded to the currency", () => {
    expect(priceDifference([{ paid_unit_price: 5000, new_unit_price: 6000, quantity: 1 }], "usd")).toBe(1000)
    expect(priceDifference([{ paid_unit_price: 5000, new_unit_price: 4500, quantity: 1 }], "usd")).toBe(-500)
    expect(priceDifference([{ paid_unit_price: 10, new_unit_price: 10.25, quantity: 1 }, { paid_unit_price: 100, new_unit_price: 99.5, quantity: 2 }], "usd")).toBe(-0.75)
    expect(priceDifference([{ paid_unit_price: 5000, new_unit_price: 5750.4, quantity: 1 }], "jpy")).toBe(750)
  })

  it("is zero for the same prices and changes sign when the prices swap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 5 }), (a, b, q) => {
        const there = priceDifference([{ paid_unit_price: a, new_unit_price: b, quantity: q }], "usd")
        const back = priceDifference([{ paid_unit_price: b, new_unit_price: a, quantity: q }], "usd")
        return there === -back && priceDifference([{ paid_unit_price: a, new_unit_price: a, quantity: q }], "usd") === 0
      })
    )
  })
})
