import {
  kindLabel,
  money,
  monthsText,
  percentText,
  previewTiers,
  ruleFormValues,
  rulePayload,
  weekdayShort,
  whenText,
  type PricingRule,
} from "../pricing-rules"
import type { Segment, Tier } from "../../../contract/admin"

const rule = (overrides: Partial<PricingRule> = {}): PricingRule => ({
  id: "prule_1",
  label: "Summer",
  kind: "season",
  percent: 20,
  priority: 0,
  stackable: true,
  is_active: true,
  segment_ids: [],
  months: [6, 7, 8],
  start_date: null,
  end_date: null,
  repeats_yearly: false,
  days: null,
  weekdays: null,
  metadata: null,
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
  ...overrides,
})

describe("pricing rules in words", () => {
  it("reads three or more months in a row as a span, others as a list", () => {
    expect(monthsText([9, 6, 8, 7])).toBe("June – September")
    expect(monthsText([6, 7])).toBe("Jun, Jul")
    expect(monthsText([12, 1, 2])).toBe("Jan, Feb, Dec")
  })

  it("says when each kind fires", () => {
    expect(whenText(rule())).toBe("June – August")
    expect(whenText(rule({ months: null, start_date: "2026-12-20", end_date: "2027-01-02", repeats_yearly: true }))).toBe(
      "2026-12-20 – 2027-01-02, every year"
    )
    expect(whenText(rule({ kind: "last_minute", months: null, days: 14 }))).toBe("Fewer than 14 days before the event")
    expect(whenText(rule({ kind: "early_bird", months: null, days: 180 }))).toBe("More than 180 days before the event")
    expect(whenText(rule({ kind: "weekday", months: null, weekdays: [5, 6] }))).toBe("Fri, Sat")
  })

  it("labels kinds, signs percents, names weekdays", () => {
    expect(kindLabel("last_minute")).toBe("Last minute")
    expect(percentText(20)).toBe("+20%")
    expect(percentText(-15)).toBe("-15%")
    expect(percentText(0)).toBe("0%")
    expect(weekdayShort("2026-06-01")).toBe("Mon")
  })

  it("shows money in its currency, and an unknown code after the number", () => {
    expect(money(7500, "usd")).toBe(new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" }).format(7500))
    expect(money(7500, "zz")).toBe(`${(7500).toLocaleString()} ZZ`)
  })
})

describe("the pricing rule form", () => {
  it("starts a new rule as an active, stackable season by months", () => {
    const values = ruleFormValues()
    expect(values).toMatchObject({ kind: "season", season_mode: "months", priority: "0", stackable: true, is_active: true })
  })

  it("gives back the stored rule unchanged", () => {
    const stored = rule({ segment_ids: ["seg_1"], months: [6, 7, 8] })
    const { id: _id, metadata: _metadata, created_at: _created, updated_at: _updated, ...payload } = stored
    expect(rulePayload(ruleFormValues(stored))).toEqual(payload)
  })

  it("opens a dated season in range mode", () => {
    expect(ruleFormValues(rule({ months: null, start_date: "2026-12-20", end_date: "2027-01-02" })).season_mode).toBe("range")
  })

  it("sends only the chosen kind's fields, sorted, and clears the others", () => {
    const values = { ...ruleFormValues(rule()), kind: "weekday" as const, weekdays: [6, 0], days: "7", label: "  Weekend " }
    expect(rulePayload(values)).toMatchObject({
      label: "Weekend",
      months: null,
      start_date: null,
      end_date: null,
      repeats_yearly: false,
      days: null,
      weekdays: [0, 6],
    })
    expect(rulePayload({ ...values, kind: "last_minute" })).toMatchObject({ days: 7, weekdays: null, months: null })
  })

  it("sends an empty percent as NaN for the API to refuse, and an empty priority as 0", () => {
    const payload = rulePayload({ ...ruleFormValues(), percent: "", priority: "" })
    expect(payload.percent).toBeNaN()
    expect(payload.priority).toBe(0)
  })

  it("sends a range season's empty dates as null", () => {
    const values = { ...ruleFormValues(), season_mode: "range" as const, start_date: "2026-06-01", end_date: "", repeats_yearly: true }
    expect(rulePayload(values)).toMatchObject({ months: null, start_date: "2026-06-01", end_date: null, repeats_yearly: true })
  })
})

describe("the preview's tiers", () => {
  const tier = (id: string, overrides: Partial<Tier> = {}) =>
    ({ id, name: id, archived_at: null, product: { id: `prod_${id}` }, ...overrides }) as Tier
  const segment = (name: string, tiers: Tier[]) => ({ id: `seg_${name}`, name, tiers }) as Segment

  it("lists the tiers with a product, archived ones left out, each with its segment", () => {
    const signature = segment("Signature", [tier("a"), tier("b", { product: null }), tier("c", { archived_at: "2026-01-01" })])
    const luxe = segment("Luxe", [tier("d")])
    expect(previewTiers([signature, luxe]).map(({ tier, segment }) => `${segment.name}/${tier.id}`)).toEqual(["Signature/a", "Luxe/d"])
  })
})
