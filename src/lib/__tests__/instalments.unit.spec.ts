import fc from "fast-check"
import { addDays, daysBetween } from "../dates"
import { instalmentLabel, instalmentSchedule, instalmentStates, MIN_INSTALMENT_GAP_DAYS, movedPlanDates, nextPayment, planInstalments } from "../instalments"
import { noticeInstalment } from "../notices"
import { balanceActions, balanceTargets } from "../balances"
import { roundToMinor } from "../money"

const three = (over: Partial<Parameters<typeof instalmentSchedule>[0]> = {}) =>
  instalmentSchedule({ balance: 7000, booking_day: "2026-12-07", due_date: "2027-06-17", count: 3, currency_code: "usd", ...over })

describe("instalmentSchedule", () => {
  it("splits the balance into equal payments, the last on the due date taking the remainder", () => {
    expect(three()).toEqual([
      { number: 1, amount: 2333.33, due_date: "2027-02-09" },
      { number: 2, amount: 2333.33, due_date: "2027-04-14" },
      { number: 3, amount: 2333.34, due_date: "2027-06-17" },
    ])
    expect(three({ count: 1 })).toEqual([{ number: 1, amount: 7000, due_date: "2027-06-17" }])
    expect(three({ balance: 100, currency_code: "jpy" }).map((s) => s.amount)).toEqual([33, 33, 34])
  })

  it("makes fewer payments when the span has no room for them a week apart, never on the booking day", () => {
    expect(three({ due_date: "2026-12-21" }).map((s) => s.due_date)).toEqual(["2026-12-14", "2026-12-21"])
    expect(three({ due_date: "2026-12-10" })).toEqual([{ number: 1, amount: 7000, due_date: "2026-12-10" }])
    expect(three({ balance: 0.02 }).map((s) => s.amount)).toEqual([0.01, 0.01])
    expect(three({ balance: 0 })).toEqual([])
  })

  it("always adds up to the balance, dates increasing a week apart after the booking day, the last on the due date, no more than asked", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom("usd", "jpy", "kwd"),
        (minor, span, count, currency) => {
          const balance = roundToMinor(minor / (currency === "jpy" ? 1 : currency === "kwd" ? 1000 : 100), currency)
          const booking = "2026-12-07"
          const due = addDays(booking, span)
          const plan = instalmentSchedule({ balance, booking_day: booking, due_date: due, count, currency_code: currency })
          expect(plan.length).toBeGreaterThanOrEqual(1)
          expect(plan.length).toBeLessThanOrEqual(count)
          expect(roundToMinor(plan.reduce((s, p) => s + p.amount, 0), currency)).toBe(balance)
          expect(plan.at(-1)!.due_date).toBe(due)
          expect(plan[0].due_date > booking).toBe(true)
          plan.forEach((p, i) => {
            expect(p.number).toBe(i + 1)
            expect(p.amount).toBeGreaterThan(0)
            expect(roundToMinor(p.amount, currency)).toBe(p.amount)
            if (i > 0) {
              expect(daysBetween(plan[i - 1].due_date, p.due_date)).toBeGreaterThanOrEqual(plan.length > 1 ? MIN_INSTALMENT_GAP_DAYS : 0)
            }
          })
          if (plan.length > 1) {
            expect(daysBetween(booking, plan[0].due_date)).toBeGreaterThanOrEqual(MIN_INSTALMENT_GAP_DAYS)
          }
        }
      )
    )
  })
})

describe("instalmentStates and nextPayment", () => {
  const plan = three()
  const states = (covered: number, today: string, balance = 7000 - covered) => instalmentStates(plan, covered, balance, today, "usd")

  it("covers instalments in order with what was paid beyond the deposit", () => {
    expect(states(0, "2027-01-01").map((s) => s.status)).toEqual(["due", "due", "due"])
    expect(states(2333.33, "2027-01-01").map((s) => s.status)).toEqual(["paid", "due", "due"])
    expect(states(5000, "2027-04-15").map((s) => s.status)).toEqual(["paid", "paid", "due"])
    expect(states(100, "2027-04-15").map((s) => s.status)).toEqual(["overdue", "overdue", "due"])
    expect(states(7000, "2027-07-01").map((s) => s.status)).toEqual(["paid", "paid", "paid"])
  })

  it("asks for the next instalment, or everything come due, less what is covered; the whole balance through the last", () => {
    expect(nextPayment(states(0, "2027-01-01"), 0, 7000, "2027-01-01", "usd")).toEqual({ number: 1, amount: 2333.33, due_date: "2027-02-09" })
    expect(nextPayment(states(2333.33, "2027-01-01"), 2333.33, 4666.67, "2027-01-01", "usd")).toEqual({ number: 2, amount: 2333.33, due_date: "2027-04-14" })
    expect(nextPayment(states(1000, "2027-01-01"), 1000, 6000, "2027-01-01", "usd")).toMatchObject({ number: 1, amount: 1333.33 })
    // Both passed dates owed at once; on an instalment's own date it is owed with the ones before it.
    expect(nextPayment(states(0, "2027-04-15"), 0, 7000, "2027-04-15", "usd")).toMatchObject({ number: 2, amount: 4666.66 })
    expect(nextPayment(states(0, "2027-04-14"), 0, 7000, "2027-04-14", "usd")).toMatchObject({ number: 2, amount: 4666.66 })
    // An upgrade since checkout raised the balance: the last instalment takes it.
    expect(nextPayment(states(4666.66, "2027-05-01", 3000), 4666.66, 3000, "2027-05-01", "usd")).toEqual({ number: 3, amount: 3000, due_date: "2027-06-17" })
    expect(nextPayment(states(7000, "2027-05-01"), 7000, 0, "2027-05-01", "usd")).toBeNull()
  })

  it("reads a plan's standing from what was paid beyond its deposit; a single balance has none", () => {
    expect(planInstalments(plan, 3000, 5333.33, 4666.67, "2027-04-15", "usd")).toEqual({
      instalments: states(2333.33, "2027-04-15"),
      next_payment: { number: 2, amount: 2333.33, due_date: "2027-04-14" },
      overdue: true,
    })
    expect(planInstalments(plan.slice(2), 3000, 3000, 7000, "2027-04-15", "usd")).toBeNull()
    expect(planInstalments(null, 3000, 3000, 7000, "2027-04-15", "usd")).toBeNull()
  })

  it("names the payment of a plan of several", () => {
    expect(instalmentLabel({ number: 2, count: 3 })).toBe("payment 2 of 3")
    expect(instalmentLabel({ number: 1, count: 1 })).toBe("")
    expect(instalmentLabel(null)).toBe("")
    expect(noticeInstalment({ number: 2, count: 3, amount: 2333.33, due_date: "2027-04-14" })).toEqual({
      instalment: { number: 2, count: 3, amount: 2333.33, due_date: "2027-04-14", label: "payment 2 of 3" },
    })
    expect(noticeInstalment(undefined)).toEqual({})
  })
})

describe("balanceTargets per instalment", () => {
  const plan = three()
  const fresh = { provider_id: "pp_system_default", attempts: 0, flagged: false, reminded_on: null, overdue_on: null }
  const at = (covered: number, today: string) => ({ balance: 7000 - covered, balance_due_date: "2027-06-17", instalments: instalmentStates(plan, covered, 7000 - covered, today, "usd") })

  it("reminds once before each instalment, charges on each date, marks each passed one overdue once", () => {
    expect(balanceTargets(at(0, "2027-02-02"), fresh, "2027-02-02").remind?.number).toBe(1)
    expect(balanceActions(at(0, "2027-02-02"), { ...fresh, reminded_for: "2027-02-09" }, "2027-02-03").remind).toBe(false)
    expect(balanceTargets(at(0, "2027-02-09"), fresh, "2027-02-09").charge?.number).toBe(1)
    // Instalment 1 paid: the next reminder is for instalment 2, its own week.
    expect(balanceActions(at(2333.33, "2027-04-06"), { ...fresh, reminded_for: "2027-02-09" }, "2027-04-06").remind).toBe(false)
    expect(balanceTargets(at(2333.33, "2027-04-07"), { ...fresh, reminded_for: "2027-02-09" }, "2027-04-07").remind?.number).toBe(2)
    expect(balanceTargets(at(2333.33, "2027-04-14"), { ...fresh, attempts: 2, attempts_for: "2027-02-09", flagged: true }, "2027-04-14")).toMatchObject({ charge: { number: 2 }, attempts: 0 })
    expect(balanceTargets(at(2333.33, "2027-04-15"), { ...fresh, overdue_for: "2027-02-10" }, "2027-04-15").overdue?.number).toBe(2)
    expect(balanceActions(at(2333.33, "2027-04-16"), { ...fresh, overdue_for: "2027-04-14" }, "2027-04-16").overdue).toBe(false)
    // Retries of one instalment: 1, 3, 7 days after its date, then none.
    const failing = { ...fresh, attempts_for: "2027-04-14" }
    expect(balanceActions(at(2333.33, "2027-04-15"), { ...failing, attempts: 1 }, "2027-04-15").charge).toBe(true)
    expect(balanceActions(at(2333.33, "2027-04-16"), { ...failing, attempts: 2 }, "2027-04-16").charge).toBe(false)
    expect(balanceActions(at(2333.33, "2027-04-21"), { ...failing, attempts: 4, flagged: true }, "2027-04-21").charge).toBe(false)
  })
})

describe("movedPlanDates", () => {
  const plan = {
    event_date: "2027-10-30",
    balance_due_date: "2027-09-30",
    first_due_date: "2027-03-01",
    instalments: [
      { number: 1, amount: 100, due_date: "2027-03-01" },
      { number: 2, amount: 100, due_date: "2027-09-30" },
    ],
  }

  it("moves the balance and each payment as far as the event moved", () => {
    expect(movedPlanDates(plan, "2027-11-09", "2026-12-07")).toEqual({
      event_date: "2027-11-09",
      balance_due_date: "2027-10-10",
      first_due_date: "2027-03-11",
      instalments: [
        { number: 1, amount: 100, due_date: "2027-03-11" },
        { number: 2, amount: 100, due_date: "2027-10-10" },
      ],
    })
  })

  it("never moves a date before today: a payment moved into the past is due today", () => {
    const moved = movedPlanDates(plan, "2027-05-01", "2027-01-15")
    expect(moved.instalments!.map((i) => i.due_date)).toEqual(["2027-01-15", "2027-04-01"])
    expect(moved.first_due_date).toBe("2027-01-15")
  })

  it("answers the same plan when the event did not move or nothing is due later", () => {
    expect(movedPlanDates(plan, "2027-10-30", "2026-12-07")).toBe(plan)
    const paidInFull = { event_date: "2027-10-30", balance_due_date: null }
    expect(movedPlanDates(paidInFull, "2027-11-30", "2026-12-07")).toBe(paidInFull)
  })
})
