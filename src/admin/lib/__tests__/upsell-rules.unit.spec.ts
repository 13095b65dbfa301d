import type { Trigger, UpsellRule } from "../../../contract/admin"
import {
  PLACEHOLDER_HINT,
  conditionProblem,
  daysFromWindow,
  emptyCondition,
  formTrigger,
  ruleFormValues,
  rulePayload,
  triggerForm,
  triggerSummary,
  upsellRulesQuery,
  windowFromDays,
  windowText,
} from "../upsell-rules"

const names: Record<string, string> = { signature: "Signature", essential: "Essential" }
const name = (handle: string) => names[handle] ?? handle

const rule = (overrides: Partial<UpsellRule> = {}): UpsellRule => ({
  id: "upsr_1",
  name: "Compare tier 2",
  trigger: { all: [{ viewing_tier: { segment: "signature", level: 1 } }, { addon_count_at_least: 2 }] },
  action: "show_comparison",
  incentive_percent: 5,
  headline: "Upgrade to {{to_tier}}",
  body: null,
  priority: 10,
  starts_at: null,
  ends_at: null,
  is_active: true,
  sales_channel_ids: [],
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
  ...overrides,
})

describe("triggerSummary", () => {
  it("reads each condition in words", () => {
    expect(triggerSummary({ viewing_tier: { segment: "signature", level: 1 } }, name)).toBe("viewing Signature level 1")
    expect(triggerSummary({ viewing_tier: { segment: "signature" } }, name)).toBe("viewing a Signature tier")
    expect(triggerSummary({ viewing_tier: { level: 2 } }, name)).toBe("viewing a level 2 tier")
    expect(triggerSummary({ viewing_tier: {} }, name)).toBe("viewing any tier")
    expect(triggerSummary({ addon_count_at_least: 2 })).toBe("add-ons ≥ 2")
    expect(triggerSummary({ high_demand_date: true })).toBe("high-demand date")
    expect(triggerSummary({ cart_subtotal_at_least: 7500 })).toBe("cart subtotal ≥ 7,500")
    expect(triggerSummary({ segment_in: ["signature"] }, name)).toBe("segment is Signature")
    expect(triggerSummary({ segment_in: ["essential", "luxury"] }, name)).toBe("segment is one of Essential, luxury")
  })

  it("joins a group with AND or OR and puts nested groups in parentheses", () => {
    expect(triggerSummary(rule().trigger, name)).toBe("viewing Signature level 1 AND add-ons ≥ 2")
    const nested: Trigger = {
      all: [{ viewing_tier: { level: 1 } }, { any: [{ segment_in: ["signature"] }, { addon_count_at_least: 2 }] }],
    }
    expect(triggerSummary(nested, name)).toBe("viewing a level 1 tier AND (segment is Signature OR add-ons ≥ 2)")
  })

  it("reads empty groups and one-child groups plainly", () => {
    expect(triggerSummary({ all: [] })).toBe("always")
    expect(triggerSummary({ any: [] })).toBe("never")
    expect(triggerSummary({ any: [{ high_demand_date: true }] })).toBe("high-demand date")
    expect(triggerSummary({ all: [{ any: [{ high_demand_date: true }, { addon_count_at_least: 3 }] }] })).toBe(
      "high-demand date OR add-ons ≥ 3"
    )
  })
})

describe("trigger <-> form", () => {
  const flat: Trigger[] = [
    { viewing_tier: { segment: "signature", level: 1 } },
    { viewing_tier: {} },
    { addon_count_at_least: 0 },
    { high_demand_date: true },
    { cart_subtotal_at_least: 1234.5 },
    { segment_in: ["essential", "signature"] },
    { all: [{ viewing_tier: { level: 1 } }, { addon_count_at_least: 2 }] },
    { any: [{ high_demand_date: true }, { segment_in: ["signature"] }, { cart_subtotal_at_least: 0 }] },
  ]

  it.each(flat.map((t) => [JSON.stringify(t), t]))("%s survives a round trip through the builder", (_, trigger) => {
    const form = triggerForm(trigger)
    expect(form.mode).toBe("builder")
    expect(formTrigger(form)).toEqual(trigger)
  })

  it("sends a one-condition group as the condition alone", () => {
    expect(formTrigger(triggerForm({ any: [{ addon_count_at_least: 2 }] }))).toEqual({ addon_count_at_least: 2 })
  })

  it("keeps a nested trigger untouched", () => {
    const nested: Trigger = { any: [{ all: [{ high_demand_date: true }, { addon_count_at_least: 1 }] }, { segment_in: ["x"] }] }
    const form = triggerForm(nested)
    expect(form).toEqual({ mode: "kept", trigger: nested })
    expect(formTrigger(form)).toBe(nested)
  })

  it("starts a new rule with one empty condition", () => {
    expect(triggerForm()).toEqual({ mode: "builder", join: "all", rows: [emptyCondition()] })
  })

  it("builds from typed rows, leaving out an empty segment and level", () => {
    const form = triggerForm()
    if (form.mode !== "builder") throw new Error("builder expected")
    const rows = [
      { ...emptyCondition("viewing_tier"), level: "2" },
      { ...emptyCondition("addon_count"), count: "3", level: "9" },
    ]
    expect(formTrigger({ ...form, join: "any", rows })).toEqual({ any: [{ viewing_tier: { level: 2 } }, { addon_count_at_least: 3 }] })
  })
})

describe("conditionProblem", () => {
  it("asks for what each kind needs", () => {
    expect(conditionProblem(emptyCondition("viewing_tier"))).toBeNull()
    expect(conditionProblem({ ...emptyCondition("viewing_tier"), level: "0" })).toMatch(/level/)
    expect(conditionProblem({ ...emptyCondition("viewing_tier"), level: "1.5" })).toMatch(/level/)
    expect(conditionProblem(emptyCondition("addon_count"))).toMatch(/add-ons/)
    expect(conditionProblem({ ...emptyCondition("addon_count"), count: "2" })).toBeNull()
    expect(conditionProblem(emptyCondition("cart_subtotal"))).toMatch(/subtotal/)
    expect(conditionProblem({ ...emptyCondition("cart_subtotal"), amount: "-1" })).toMatch(/subtotal/)
    expect(conditionProblem({ ...emptyCondition("cart_subtotal"), amount: "0" })).toBeNull()
    expect(conditionProblem(emptyCondition("segment_in"))).toMatch(/segment/)
    expect(conditionProblem({ ...emptyCondition("segment_in"), segments: ["signature"] })).toBeNull()
    expect(conditionProblem(emptyCondition("high_demand_date"))).toBeNull()
  })
})

describe("window", () => {
  it("turns inclusive UTC days into starts_at and an exclusive ends_at", () => {
    expect(windowFromDays("2027-01-01", "2027-01-31")).toEqual({
      starts_at: "2027-01-01T00:00:00.000Z",
      ends_at: "2027-02-01T00:00:00.000Z",
    })
    expect(windowFromDays("", "")).toEqual({ starts_at: null, ends_at: null })
    expect(windowFromDays("2027-12-31", "2027-12-31").ends_at).toBe("2028-01-01T00:00:00.000Z")
  })

  it("reads a stored window back as the same days", () => {
    expect(daysFromWindow("2027-01-01T00:00:00.000Z", "2027-02-01T00:00:00.000Z")).toEqual({ first: "2027-01-01", last: "2027-01-31" })
    // An end set through the API mid-day still runs through that day.
    expect(daysFromWindow(null, "2027-02-01T12:00:00.000Z")).toEqual({ first: "", last: "2027-02-01" })
  })

  it("says when a rule runs", () => {
    expect(windowText(null, null)).toBe("Always")
    expect(windowText("2027-01-01T00:00:00.000Z", null)).toBe("From 2027-01-01")
    expect(windowText(null, "2027-02-01T00:00:00.000Z")).toBe("Until 2027-01-31")
    expect(windowText("2027-01-01T00:00:00.000Z", "2027-02-01T00:00:00.000Z")).toBe("2027-01-01 – 2027-01-31")
    expect(windowText("2027-01-01T00:00:00.000Z", "2027-01-02T00:00:00.000Z")).toBe("2027-01-01 only")
  })
})

describe("rule form", () => {
  it("sends back exactly the stored rule when nothing changed", () => {
    const stored = rule({ starts_at: "2027-01-01T00:00:00.000Z", ends_at: "2027-07-01T00:00:00.000Z", body: "Only {{remaining_slots}} left" })
    const { id, created_at, updated_at, ...fields } = stored
    expect(rulePayload(ruleFormValues(stored))).toEqual(fields)
  })

  it("sends empty optional fields as null and a blank priority as 0", () => {
    const values = { ...ruleFormValues(), name: "  Scarcity ", headline: "Only {{remaining_slots}} left", priority: "", body: "  " }
    expect(rulePayload(values)).toEqual(
      expect.objectContaining({ name: "Scarcity", incentive_percent: null, body: null, priority: 0, starts_at: null, ends_at: null })
    )
  })

  it("keeps a nested trigger when other fields change", () => {
    const nested: Trigger = { all: [{ any: [{ high_demand_date: true }, { addon_count_at_least: 3 }] }, { viewing_tier: { level: 1 } }] }
    const values = ruleFormValues(rule({ trigger: nested }))
    expect(rulePayload({ ...values, priority: "50" }).trigger).toBe(nested)
  })
})

describe("the upsell rules list", () => {
  it("asks for one page, with is_active only when the filter picks a side", () => {
    expect(upsellRulesQuery("all", 20, 0)).toEqual({ limit: 20, offset: 0 })
    expect(upsellRulesQuery("active", 20, 20)).toEqual({ limit: 20, offset: 20, is_active: true })
    expect(upsellRulesQuery("inactive", 20, 0)).toEqual({ limit: 20, offset: 0, is_active: false })
  })

  it("names every placeholder in the copy hint", () => {
    expect(PLACEHOLDER_HINT).toContain("{{from_tier}}, {{to_tier}}, {{price_difference}}")
  })
})
