import fc from "fast-check"
import { paidOf } from "../paid"

describe("paidOf", () => {
  it("counts what collections hold: authorized or captured, less refunds", () => {
    expect(
      paidOf(
        [
          { status: "completed", authorized_amount: 7000, captured_amount: 7000, refunded_amount: 500 },
          { status: "authorized", authorized_amount: "2000", captured_amount: 0, refunded_amount: 0 },
          { status: "not_paid", authorized_amount: 0, captured_amount: 0, refunded_amount: 0 },
        ],
        "usd"
      )
    ).toBe(8500)
  })

  it("counts nothing from a canceled or failed collection, whatever its authorized amount still says", () => {
    expect(
      paidOf(
        [
          { status: "canceled", authorized_amount: 3000, captured_amount: 0, refunded_amount: 0 },
          { status: "failed", authorized_amount: 1000, captured_amount: null, refunded_amount: null },
          { status: "partially_authorized", authorized_amount: 1500, captured_amount: null, refunded_amount: null },
        ],
        "usd"
      )
    ).toBe(1500)
  })

  it("reads missing, null and unreadable amounts as 0 and rounds to the currency", () => {
    expect(paidOf([{ status: "authorized", authorized_amount: "x" }, { authorized_amount: 10.005 }], "usd")).toBe(10.01)
    expect(paidOf([{ authorized_amount: 10.4 }], "jpy")).toBe(10)
    expect(paidOf([], "usd")).toBe(0)
  })

  it("is never negative and never more than the collections' largest amounts", () => {
    const collection = fc.record({
      status: fc.constantFrom("authorized", "completed", "canceled", "failed", "not_paid"),
      authorized_amount: fc.integer({ min: 0, max: 100000 }),
      captured_amount: fc.integer({ min: 0, max: 100000 }),
      refunded_amount: fc.integer({ min: 0, max: 100000 }),
    })
    fc.assert(
      fc.property(fc.array(collection, { maxLength: 5 }), (cs) => {
        const paid = paidOf(cs, "usd")
        expect(paid).toBeGreaterThanOrEqual(0)
        expect(paid).toBeLessThanOrEqual(cs.reduce((s, c) => s + Math.max(c.authorized_amount, c.captured_amount), 0))
      })
    )
  })
})
