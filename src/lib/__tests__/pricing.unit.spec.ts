import fc from "fast-check"
import { daysBetween } from "../dates"
import { priceTier, PricingRule, pricingRuleProblems, ruleMatches } from "../pricing"

const peak: PricingRule = {
  id: "rule_peak",
  label: "Peak season",
  kind: "season",
  percent: 20,
  priority: 1,
  stackable: true,
  months: [6, 7, 8, 9],
}
const lastMinute: PricingRule = {
  id: "rule_last",
  label: "Last minute",
  kind: "last_minute",
  percent: -15,
  priority: 2,
  stackable: true,
  days: 30,
}

describe("priceTier without date rules", () => {
  it("answers the base price with no adjustments", () => {
    expect(priceTier({ base: 7500, currency_code: "usd" })).toEqual({
      base: 7500,
      adjustments: [],
      final: 7500,
      currency_code: "usd",
    })
    expect(priceTier({ base: 7500, currency_code: "usd", event_date: "2027-07-17" }).adjustments).toEqual([])
  })
})

describe("priceTier with the demo rules", () => {
  const rules = [peak, lastMinute]

  it("adds 20% in peak season", () => {
    const price = priceTier({ base: 7500, currency_code: "usd", event_date: "2027-07-17", today: "2026-11-21", rules })
    expect(price.final).toBe(9000)
    expect(price.adjustments).toEqual([
      { rule_id: "rule_peak", kind: "season", label: "Peak season", percent: 20, amount: 1500 },
    ])
  })

  it("multiplies peak and last-minute in priority order", () => {
    const price = priceTier({ base: 7500, currency_code: "usd", event_date: "2027-07-17", today: "2027-07-01", rules })
    // 7500 * 1.2 = 9000; 9000 * 0.85 = 7650
    expect(price.final).toBe(7650)
    expect(price.adjustments.map((a) => [a.rule_id, a.amount])).toEqual([
      ["rule_peak", 1500],
      ["rule_last", -1350],
    ])
  })

  it("treats exactly 30 days out as not last-minute, 29 as last-minute", () => {
    const at = (today: string) =>
      priceTier({ base: 5000, currency_code: "usd", event_date: "2027-03-31", today, rules }).final
    expect(daysBetween("2027-03-01", "2027-03-31")).toBe(30)
    expect(at("2027-03-01")).toBe(5000)
    expect(at("2027-03-02")).toBe(4250)
    expect(at("2027-03-31")).toBe(4250)
  })

  it("never applies last-minute to a past date", () => {
    expect(ruleMatches(lastMinute, "2027-03-01", "2027-03-02")).toBe(false)
  })
})

describe("rule kinds", () => {
  it("season by months includes the first and last day of each month", () => {
    expect(ruleMatches(peak, "2027-06-01", "2026-01-01")).toBe(true)
    expect(ruleMatches(peak, "2027-09-30", "2026-01-01")).toBe(true)
    expect(ruleMatches(peak, "2027-05-31", "2026-01-01")).toBe(false)
    expect(ruleMatches(peak, "2027-10-01", "2026-01-01")).toBe(false)
  })

  it("season by a one-off date range is inclusive and year-bound", () => {
    const rule: PricingRule = { ...peak, months: null, start_date: "2027-12-20", end_date: "2028-01-05" }
    expect(ruleMatches(rule, "2027-12-20", "2026-01-01")).toBe(true)
    expect(ruleMatches(rule, "2028-01-05", "2026-01-01")).toBe(true)
    expect(ruleMatches(rule, "2028-01-06", "2026-01-01")).toBe(false)
    expect(ruleMatches(rule, "2028-12-25", "2026-01-01")).toBe(false)
  })

  it("a yearly range wraps over the new year", () => {
    const rule: PricingRule = { ...peak, months: null, start_date: "2000-12-20", end_date: "2001-01-05", repeats_yearly: true }
    for (const d of ["2027-12-20", "2027-12-31", "2028-01-01", "2031-01-05"]) {
      expect([d, ruleMatches(rule, d, "2026-01-01")]).toEqual([d, true])
    }
    for (const d of ["2027-12-19", "2028-01-06", "2028-07-01"]) {
      expect([d, ruleMatches(rule, d, "2026-01-01")]).toEqual([d, false])
    }
  })

  it("a yearly range holding 29 February matches it in leap years", () => {
    const rule: PricingRule = { ...peak, months: null, start_date: "2024-02-29", end_date: "2024-02-29", repeats_yearly: true }
    expect(ruleMatches(rule, "2028-02-29", "2026-01-01")).toBe(true)
    expect(ruleMatches(rule, "2027-02-28", "2026-01-01")).toBe(false)
    expect(ruleMatches(rule, "2027-03-01", "2026-01-01")).toBe(false)
  })

  it("early bird fires strictly beyond N days", () => {
    const rule: PricingRule = { id: "eb", label: "Early bird", kind: "early_bird", percent: -5, priority: 0, stackable: true, days: 365 }
    expect(ruleMatches(rule, "2028-01-01", "2027-01-01")).toBe(false) // 365 days
    expect(ruleMatches(rule, "2028-01-02", "2027-01-01")).toBe(true)
  })

  it("weekday uses the event date's day in UTC", () => {
    const rule: PricingRule = { id: "sat", label: "Saturday", kind: "weekday", percent: 10, priority: 0, stackable: true, weekdays: [6] }
    expect(ruleMatches(rule, "2027-07-17", "2026-01-01")).toBe(true) // a Saturday
    expect(ruleMatches(rule, "2027-07-18", "2026-01-01")).toBe(false)
  })

  it("respects scope and the active flag", () => {
    const scoped: PricingRule = { ...peak, segment_ids: ["seg_lux"] }
    expect(ruleMatches(scoped, "2027-07-17", "2026-01-01", "seg_lux")).toBe(true)
    expect(ruleMatches(scoped, "2027-07-17", "2026-01-01", "seg_sig")).toBe(false)
    expect(ruleMatches(scoped, "2027-07-17", "2026-01-01")).toBe(false)
    expect(ruleMatches({ ...peak, segment_ids: [] }, "2027-07-17", "2026-01-01", "seg_sig")).toBe(true)
    expect(ruleMatches({ ...peak, is_active: false }, "2027-07-17", "2026-01-01")).toBe(false)
  })
})

describe("priority and stacking", () => {
  it("stops after a matching non-stackable rule, and only a matching one", () => {
    const stop: PricingRule = { ...peak, id: "stop", stackable: false, priority: 0 }
    const price = priceTier({ base: 1000, currency_code: "usd", event_date: "2027-07-17", today: "2027-07-10", rules: [lastMinute, stop] })
    expect(price.adjustments.map((a) => a.rule_id)).toEqual(["stop"])
    expect(price.final).toBe(1200)
    const notMatching: PricingRule = { ...stop, months: [1] }
    const other = priceTier({ base: 1000, currency_code: "usd", event_date: "2027-07-17", today: "2027-07-10", rules: [notMatching, lastMinute] })
    expect(other.adjustments.map((a) => a.rule_id)).toEqual(["rule_last"])
  })

  it("breaks priority ties by rule id, whatever the input order", () => {
    const a: PricingRule = { ...peak, id: "a", percent: 10, priority: 5 }
    const b: PricingRule = { ...peak, id: "b", percent: -10, priority: 5, stackable: false }
    const one = priceTier({ base: 100, currency_code: "usd", event_date: "2027-07-17", today: "2027-01-01", rules: [b, a] })
    const two = priceTier({ base: 100, currency_code: "usd", event_date: "2027-07-17", today: "2027-01-01", rules: [a, b] })
    expect(one).toEqual(two)
    expect(one.adjustments.map((x) => x.rule_id)).toEqual(["a", "b"])
  })
})

describe("rounding", () => {
  it("rounds the final price once, half away from zero", () => {
    const rule: PricingRule = { ...peak, percent: 0.1 }
    // 1234.55 * 1.001 = 1235.78455 -> 1235.78
    expect(priceTier({ base: 1234.55, currency_code: "usd", event_date: "2027-07-17", today: "2027-01-01", rules: [rule] }).final).toBe(1235.78)
    const half: PricingRule = { ...peak, percent: 50 }
    // 0.01 * 1.5 = 0.015 -> 0.02
    expect(priceTier({ base: 0.01, currency_code: "usd", event_date: "2027-07-17", today: "2027-01-01", rules: [half] }).final).toBe(0.02)
    expect(priceTier({ base: 333, currency_code: "jpy", event_date: "2027-07-17", today: "2027-01-01", rules: [half] }).final).toBe(500)
  })

  it("equals the product of the factors, rounded (property)", () => {
    const ruleArb = fc.record({
      percent: fc.integer({ min: -90, max: 200 }),
      priority: fc.integer({ min: 0, max: 5 }),
    })
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }).map((c) => c / 100), fc.array(ruleArb, { maxLength: 4 }), (base, specs) => {
        const rules = specs.map((s, i) => ({ ...peak, id: `r${i}`, ...s }))
        const price = priceTier({ base, currency_code: "usd", event_date: "2027-07-17", today: "2027-01-01", rules })
        const ordered = [...rules].sort((x, y) => x.priority - y.priority || x.id.localeCompare(y.id))
        const expected = ordered.reduce((p, r) => p * (1 + r.percent / 100), base)
        expect(Math.abs(price.final - expected)).toBeLessThanOrEqual(0.005 + 1e-6)
        expect(Math.round(price.final * 100)).toBeCloseTo(price.final * 100, 6)
        expect(price.adjustments).toHaveLength(rules.length)
      })
    )
  })
})

describe("pricingRuleProblems", () => {
  const base = { label: "x", priority: 0, stackable: true }
  it("accepts the demo rules and each kind well formed", () => {
    expect(pricingRuleProblems(peak)).toEqual([])
    expect(pricingRuleProblems(lastMinute)).toEqual([])
    expect(pricingRuleProblems({ ...base, kind: "season", percent: 5, start_date: "2027-12-20", end_date: "2027-01-05", repeats_yearly: true })).toEqual([])
    expect(pricingRuleProblems({ ...base, kind: "early_bird", percent: -5, days: 0 })).toEqual([])
    expect(pricingRuleProblems({ ...base, kind: "weekday", percent: 10, weekdays: [0, 6] })).toEqual([])
  })

  it.each([
    [{ kind: "season", percent: 20 }, "either months or"],
    [{ kind: "season", percent: 20, months: [6], start_date: "2027-01-01", end_date: "2027-02-01" }, "either months or"],
    [{ kind: "season", percent: 20, months: [13] }, "1 to 12"],
    [{ kind: "season", percent: 20, start_date: "2027-02-30", end_date: "2027-03-01" }, "calendar dates"],
    [{ kind: "season", percent: 20, start_date: "2027-03-01", end_date: "2027-02-01" }, "not be after"],
    [{ kind: "last_minute", percent: -15 }, "needs days"],
    [{ kind: "last_minute", percent: -15, days: 0 }, "at least 1"],
    [{ kind: "early_bird", percent: -5, days: 1.5 }, "needs days"],
    [{ kind: "weekday", percent: 10, weekdays: [7] }, "0 (Sunday) to 6"],
    [{ kind: "weekday", percent: 10, weekdays: [1], days: 3 }, "days applies to"],
    [{ kind: "last_minute", percent: -100, days: 30 }, "above -100"],
    [{ kind: "last_minute", percent: 0, days: 30 }, "must not be 0"],
  ])("refuses %j", (rule, message) => {
    const problems = pricingRuleProblems({ ...base, ...(rule as Partial<PricingRule>) } as PricingRule)
    expect(problems.join(" | ")).toContain(message)
  })
})

describe("priceTier with an incentive", () => {
  it("applies the incentive after the date rules and rounds once", () => {
    const peak = { id: "peak", label: "Peak", kind: "season" as const, percent: 20, priority: 1, stackable: true, months: [7] }
    const price = priceTier({
      base: 7333.33,
      currency_code: "usd",
      event_date: "2027-07-17",
      today: "2026-11-22",
      rules: [peak],
      incentive: { rule_id: "upso_1", label: "Upgrade offer", percent: -5 },
    })
    // 7333.33 x 1.2 = 8799.996; x 0.95 = 8359.9962 -> 8360.00
    expect(price.final).toBe(8360)
    expect(price.adjustments.map((a) => [a.rule_id, a.kind, a.amount])).toEqual([
      ["peak", "season", 1466.67],
      ["upso_1", "incentive", -440],
    ])
  })

  it("leaves the price alone without an incentive or with 0%", () => {
    const plain = priceTier({ base: 5000, currency_code: "usd" })
    expect(priceTier({ base: 5000, currency_code: "usd", incentive: { rule_id: "x", label: "x", percent: 0 } })).toEqual(plain)
  })
})
