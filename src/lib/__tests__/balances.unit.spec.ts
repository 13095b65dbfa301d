import fc from "fast-check"
import { balanceActions, balancePaymentProblem, balancePaymentUrl, collectedBy, collectedRatio, nextChargeDate, offlinePaymentProblem, refundsByPolicy } from "../balances"

describe("offlinePaymentProblem", () => {
  it("takes any positive amount up to the balance, in the currency's minor unit", () => {
    expect(offlinePaymentProblem(7000, 7000, "usd")).toBeNull()
    expect(offlinePaymentProblem(0.01, 7000, "usd")).toBeNull()
    expect(offlinePaymentProblem(7000.01, 7000, "usd")).toBe("7000.01 USD is more than the balance of 7000 USD")
    expect(offlinePaymentProblem(10.005, 7000, "usd")).toContain("more decimals than USD has")
    expect(offlinePaymentProblem(10.5, 7000, "jpy")).toContain("more decimals")
    expect(offlinePaymentProblem(0, 7000, "usd")).toContain("positive")
    expect(offlinePaymentProblem(-5, 7000, "usd")).toContain("positive")
    expect(offlinePaymentProblem(Number.NaN, 7000, "usd")).toContain("positive")
    expect(offlinePaymentProblem(10, 0, "usd")).toContain("paid in full")
  })

  it("never accepts more than the balance", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (cents, balanceCents) => {
        const ok = offlinePaymentProblem(cents / 100, balanceCents / 100, "usd") === null
        expect(ok).toBe(cents <= balanceCents && balanceCents > 0)
      })
    )
  })
})

describe("balancePaymentProblem and balancePaymentUrl", () => {
  it("refuses an order paid in full or canceled", () => {
    expect(balancePaymentProblem({ balance: 7000, currency_code: "usd" }, false)).toBeNull()
    expect(balancePaymentProblem({ balance: 0, currency_code: "usd" }, false)).toContain("paid in full")
    expect(balancePaymentProblem({ balance: 0.001, currency_code: "usd" }, false)).toContain("paid in full")
    expect(balancePaymentProblem({ balance: 7000, currency_code: "usd" }, true)).toContain("canceled")
  })

  it("points at the storefront's pay page", () => {
    expect(balancePaymentUrl("https://shop.example/", "order_1")).toBe("https://shop.example/?pay=order_1")
    expect(balancePaymentUrl("http://localhost:5173", "order 1&x")).toBe("http://localhost:5173/?pay=order%201%26x")
  })
})

describe("refundsByPolicy", () => {
  const payments = [
    { payment_id: "pay_dep", kind: "deposit" as const, amount: 3000 },
    { payment_id: "pay_bal", kind: "balance" as const, amount: 7000 },
  ]
  const policy = { deposit_refundable: false, balance_refundable_days: 30 }

  it("keeps a non-refundable deposit and refunds the balance until the window closes", () => {
    const inside = refundsByPolicy(payments, policy, "2027-07-17", "2027-06-17", "usd")
    expect(inside.map((r) => [r.payment_id, r.refund, r.reason])).toEqual([
      ["pay_dep", 0, "deposit_kept"],
      ["pay_bal", 7000, "balance_in_window"],
    ])
    const after = refundsByPolicy(payments, policy, "2027-07-17", "2027-06-18", "usd")
    expect(after.map((r) => [r.refund, r.reason])).toEqual([
      [0, "deposit_kept"],
      [0, "balance_after_window"],
    ])
  })

  it("refunds a refundable deposit, and everything without a policy or an event date", () => {
    expect(refundsByPolicy(payments, { ...policy, deposit_refundable: true }, "2027-07-17", "2027-07-16", "usd").map((r) => r.refund)).toEqual([3000, 0])
    expect(refundsByPolicy(payments, null, "2027-07-17", "2027-07-16", "usd").map((r) => r.refund)).toEqual([3000, 7000])
    expect(refundsByPolicy(payments, policy, null, "2027-07-16", "usd").map((r) => r.refund)).toEqual([0, 7000])
  })

  it("never refunds more than a payment holds, nor a negative amount", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ amount: fc.integer({ min: -100, max: 100000 }), deposit: fc.boolean() })), fc.boolean(), (rows, refundable) => {
        const list = rows.map((r, i) => ({ payment_id: `p${i}`, kind: r.deposit ? ("deposit" as const) : ("balance" as const), amount: r.amount }))
        for (const r of refundsByPolicy(list, { deposit_refundable: refundable, balance_refundable_days: 10 }, "2030-01-01", "2029-01-01", "usd")) {
          expect(r.refund).toBeGreaterThanOrEqual(0)
          expect(r.refund).toBeLessThanOrEqual(Math.max(0, r.amount))
        }
      })
    )
  })
})

describe("nextChargeDate", () => {
  it("charges on the due date, then retries 1, 3 and 7 days after it, then stops", () => {
    expect([0, 1, 2, 3, 4].map((n) => nextChargeDate("2027-06-17", n))).toEqual(["2027-06-17", "2027-06-18", "2027-06-20", "2027-06-24", null])
  })
})

describe("collectedBy", () => {
  it("counts each order's revenue and commission collected in the share its payments hold", () => {
    const rows = [
      { order_id: "o1", key: "seg", currency_code: "usd", revenue: 9000, addon_revenue: 1000, commission: 1000 },
      { order_id: "o2", key: "seg", currency_code: "usd", revenue: 5000, addon_revenue: 0, commission: 400 },
      { order_id: "o3", key: "seg", currency_code: "eur", revenue: 100, addon_revenue: 0, commission: 10 },
    ]
    const ratios = new Map([
      ["o1", collectedRatio(3000, 10000)],
      ["o2", collectedRatio(6000, 5000)],
    ])
    expect(collectedBy(rows, ratios)).toEqual([
      { key: "seg", currency_code: "usd", booked: 15000, collected: 8000, commission: 1400, commission_collected: 700 },
      { key: "seg", currency_code: "eur", booked: 100, collected: 0, commission: 10, commission_collected: 0 },
    ])
    expect(collectedRatio(5, 0)).toBe(0)
    expect(collectedRatio(-5, 10)).toBe(0)
  })
})

describe("balanceActions", () => {
  const plan = { balance: 7000, balance_due_date: "2027-06-17" }
  const fresh = { provider_id: "pp_system_default", attempts: 0, flagged: false, reminded_on: null, overdue_on: null }

  it("reminds once in the week before the due date, charges on it, marks overdue after it", () => {
    expect(balanceActions(plan, fresh, "2027-06-09")).toEqual({ remind: false, charge: false, overdue: false })
    expect(balanceActions(plan, fresh, "2027-06-10")).toEqual({ remind: true, charge: false, overdue: false })
    expect(balanceActions(plan, { ...fresh, reminded_on: "2027-06-10" }, "2027-06-16").remind).toBe(false)
    expect(balanceActions(plan, fresh, "2027-06-17")).toEqual({ remind: false, charge: true, overdue: false })
    expect(balanceActions(plan, { ...fresh, attempts: 1 }, "2027-06-17").charge).toBe(false)
    expect(balanceActions(plan, { ...fresh, attempts: 1 }, "2027-06-18")).toEqual({ remind: false, charge: true, overdue: true })
    expect(balanceActions(plan, { ...fresh, attempts: 2, overdue_on: "2027-06-18" }, "2027-06-19")).toEqual({ remind: false, charge: false, overdue: false })
  })

  it("charges nothing without a saved method, once flagged, or when nothing is owed", () => {
    expect(balanceActions(plan, { ...fresh, provider_id: null }, "2027-06-17").charge).toBe(false)
    expect(balanceActions(plan, { ...fresh, attempts: 4 }, "2027-07-17").charge).toBe(false)
    expect(balanceActions(plan, { ...fresh, flagged: true }, "2027-06-17").charge).toBe(false)
    expect(balanceActions({ ...plan, balance: 0 }, fresh, "2027-06-18")).toEqual({ remind: false, charge: false, overdue: false })
  })
})
