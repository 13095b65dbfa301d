import fc from "fast-check"
import { DepositError, DepositRule, feeShare, paymentDue, PaymentDueInput, planStatus, sessionAmountProblem } from "../deposits"

const thirty: DepositRule = { kind: "percent", value: 30, currency_code: null, balance_due_days: 30 }
const pkg = (total: number, event_date = "2028-02-17", segment_id = "seg_sig") => ({ segment_id, event_date, total })
const input = (over: Partial<PaymentDueInput> = {}): PaymentDueInput => ({
  total: 10000,
  subtotal: 10000,
  currency_code: "usd",
  packages: [pkg(10000)],
  policies: { tenant: thirty, segments: {} },
  today: "2026-12-17",
  ...over,
})

describe("paymentDue", () => {
  it("takes 30% today and the balance 30 days before the event", () => {
    expect(paymentDue(input())).toEqual({
      total: 10000,
      due_now: 3000,
      balance: 7000,
      balance_due_date: "2028-01-18",
      event_date: "2028-02-17",
      pay_in_full: false,
      reason: "deposit",
    })
  })

  it("keeps Medusa's whole total for a cart without packages or a tenant without a policy", () => {
    expect(paymentDue(input({ packages: [] }))).toMatchObject({ due_now: 10000, pay_in_full: true, reason: "no_packages" })
    expect(paymentDue(input({ policies: { tenant: null, segments: {} } }))).toMatchObject({ due_now: 10000, balance: 0, reason: "no_policy" })
  })

  it("pays in full when the balance would be due today or earlier", () => {
    expect(paymentDue(input({ packages: [pkg(10000, "2027-01-16")] }))).toMatchObject({ pay_in_full: true, reason: "balance_due_passed", balance_due_date: null })
    expect(paymentDue(input({ packages: [pkg(10000, "2027-01-17")] }))).toMatchObject({ pay_in_full: false, balance_due_date: "2026-12-18" })
  })

  it("pays in full when the deposit would be the whole total", () => {
    const all = { ...thirty, value: 100 }
    expect(paymentDue(input({ policies: { tenant: all, segments: {} } }))).toMatchObject({ due_now: 10000, reason: "deposit_covers_total" })
    const fixed: DepositRule = { kind: "fixed", value: 12000, currency_code: "usd", balance_due_days: 30 }
    expect(paymentDue(input({ policies: { tenant: fixed, segments: {} } }))).toMatchObject({ due_now: 10000, reason: "deposit_covers_total" })
  })

  it("takes a fixed amount per package in its own currency only", () => {
    const fixed: DepositRule = { kind: "fixed", value: 1500, currency_code: "USD", balance_due_days: 60 }
    expect(paymentDue(input({ policies: { tenant: fixed, segments: {} } }))).toMatchObject({ due_now: 1500, balance: 8500, balance_due_date: "2027-12-19" })
    expect(paymentDue(input({ currency_code: "eur", policies: { tenant: fixed, segments: {} } }))).toMatchObject({ due_now: 10000, pay_in_full: true })
  })

  it("lets a segment's override win over the tenant's default", () => {
    const lux: DepositRule = { kind: "percent", value: 50, currency_code: null, balance_due_days: 90 }
    const due = paymentDue(input({ packages: [pkg(10000, "2028-02-17", "seg_lux")], policies: { tenant: thirty, segments: { seg_lux: lux } } }))
    expect(due).toMatchObject({ due_now: 5000, balance_due_date: "2027-11-19" })
  })

  it("adds each package's deposit in a cart of two segments, the balance due by the earliest date", () => {
    const lux: DepositRule = { kind: "percent", value: 50, currency_code: null, balance_due_days: 90 }
    const due = paymentDue(
      input({
        total: 15000,
        subtotal: 15000,
        packages: [pkg(10000, "2028-02-17"), pkg(5000, "2028-06-01", "seg_lux")],
        policies: { tenant: thirty, segments: { seg_lux: lux } },
      })
    )
    expect(due).toMatchObject({ due_now: 3000 + 2500, balance: 9500, balance_due_date: "2028-01-18", event_date: "2028-02-17" })
  })

  it("charges lines that are no package, and packages without a rule, in full", () => {
    const due = paymentDue(input({ total: 10500, subtotal: 10500, packages: [pkg(10000)] }))
    expect(due).toMatchObject({ due_now: 3500, balance: 7000 })
    const onlyLux = paymentDue(
      input({ packages: [pkg(5000), pkg(5000, "2028-02-17", "seg_lux")], policies: { tenant: null, segments: { seg_lux: thirty } } })
    )
    expect(onlyLux).toMatchObject({ due_now: 5000 + 1500, balance: 3500 })
  })

  it("spreads taxes and discounts over the packages by their line totals", () => {
    expect(paymentDue(input({ total: 11000 }))).toMatchObject({ due_now: 3300, balance: 7700 })
  })

  it("rounds to the currency's minor unit", () => {
    expect(paymentDue(input({ total: 1000.01, subtotal: 1000.01, packages: [pkg(1000.01)] }))).toMatchObject({ due_now: 300, balance: 700.01 })
    expect(paymentDue(input({ total: 1001, subtotal: 1001, currency_code: "jpy", packages: [pkg(1001)] }))).toMatchObject({ due_now: 300, balance: 701 })
  })

  it("refuses rather than charges the total when it cannot name the deposit", () => {
    expect(() => paymentDue(input({ packages: [pkg(10000, "someday")] }))).toThrow(DepositError)
    expect(() => paymentDue(input({ packages: [pkg(NaN)] }))).toThrow(DepositError)
    expect(() => paymentDue(input({ packages: [{ segment_id: "", event_date: "2028-02-17", total: 1 }] }))).toThrow(DepositError)
    expect(() => paymentDue(input({ packages: [pkg(20000)] }))).toThrow(/more than its lines/)
    expect(() => paymentDue(input({ total: -1 }))).toThrow(DepositError)
    expect(() => paymentDue(input({ policies: { tenant: { ...thirty, value: 0 }, segments: {} } }))).toThrow(/between 1 and 100/)
    expect(() => paymentDue(input({ policies: { tenant: { ...thirty, kind: "fixed", currency_code: null }, segments: {} } }))).toThrow(/currency/)
  })

  it("always splits the total into what is due now and the balance", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ total: fc.integer({ min: 0, max: 5_000_000 }), days: fc.integer({ min: 0, max: 900 }), segment: fc.constantFrom("a", "b", "c") }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 400 }),
        (lines, plain, percent, fixed, dueDays) => {
          const packages = lines.map((l) => ({ segment_id: l.segment, total: l.total / 100, event_date: addDaysTo("2026-12-17", l.days) }))
          const subtotal = packages.reduce((s, p) => s + p.total, 0) + plain / 100
          const due = paymentDue({
            total: subtotal,
            subtotal,
            currency_code: "usd",
            packages,
            policies: {
              tenant: { kind: "percent", value: percent, currency_code: null, balance_due_days: dueDays },
              segments: { b: { kind: "fixed", value: fixed / 100, currency_code: "usd", balance_due_days: dueDays } },
            },
            today: "2026-12-17",
          })
          expect(Math.round((due.due_now + due.balance) * 100)).toBe(Math.round(due.total * 100))
          expect(due.due_now).toBeGreaterThanOrEqual(0)
          expect(due.balance).toBeGreaterThanOrEqual(0)
          expect(Math.abs(Math.round(due.due_now * 100) - due.due_now * 100)).toBeLessThan(1e-6)
          if (due.pay_in_full) {
            expect(due.balance).toBe(0)
            expect(due.balance_due_date).toBeNull()
          } else {
            expect(due.balance).toBeGreaterThan(0)
            expect(due.balance_due_date! > "2026-12-17").toBe(true)
            expect(due.balance_due_date! <= packages.map((p) => p.event_date).sort().pop()!).toBe(true)
          }
        }
      )
    )
  })
})

function addDaysTo(date: string, days: number) {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

describe("feeShare", () => {
  it("is the commission's share of the amount, never more than the amount", () => {
    expect(feeShare(1000, 3000, 10000, "usd")).toBe(300)
    expect(feeShare(1000, 10000, 10000, "usd")).toBe(1000)
    expect(feeShare(1000.03, 3333.33, 10000, "usd")).toBe(333.34)
    expect(feeShare(500, 100, 100, "usd")).toBe(100)
    expect(feeShare(500, 0, 100, "usd")).toBe(0)
  })
})

describe("planStatus", () => {
  it("reads paid, due or overdue", () => {
    const plan = { total: 10000, balance_due_date: "2028-01-18" }
    expect(planStatus(plan, 10000, "2028-03-01", "usd")).toBe("paid")
    expect(planStatus(plan, 3000, "2028-01-18", "usd")).toBe("due")
    expect(planStatus(plan, 3000, "2028-01-19", "usd")).toBe("overdue")
  })
})

describe("sessionAmountProblem", () => {
  it("refuses any processable session that is not for what is due now", () => {
    expect(sessionAmountProblem([{ amount: 3000, status: "pending" }], 3000, "usd")).toBeNull()
    expect(sessionAmountProblem([{ amount: 10000, status: "pending" }], 3000, "usd")).toMatch(/start the payment session again/)
    expect(sessionAmountProblem([{ amount: 10000, status: "canceled" }, { amount: 3000, status: "authorized" }], 3000, "usd")).toBeNull()
    expect(sessionAmountProblem([{ amount: "2999.99", status: "authorized" }], 3000, "usd")).not.toBeNull()
  })
})
