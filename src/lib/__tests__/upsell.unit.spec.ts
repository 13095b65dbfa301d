import { evaluateTrigger, matchingRules, renderCopy, Trigger, unknownPlaceholders, UpsellContext } from "../upsell"

const ctx = (extra: Partial<UpsellContext> = {}): UpsellContext => ({ addon_count: 0, cart_subtotal: 0, ...extra })

describe("evaluateTrigger", () => {
  it("matches each condition on its own", () => {
    const viewing = ctx({ viewing_tier: { segment: "signature", level: 1 }, segment: "signature" })
    expect(evaluateTrigger({ viewing_tier: { level: 1 } }, viewing)).toBe(true)
    expect(evaluateTrigger({ viewing_tier: { segment: "signature", level: 2 } }, viewing)).toBe(false)
    expect(evaluateTrigger({ viewing_tier: {} }, ctx())).toBe(false)
    expect(evaluateTrigger({ addon_count_at_least: 2 }, ctx({ addon_count: 2 }))).toBe(true)
    expect(evaluateTrigger({ addon_count_at_least: 2 }, ctx({ addon_count: 1 }))).toBe(false)
    expect(evaluateTrigger({ high_demand_date: true }, ctx({ date_status: "limited" }))).toBe(true)
    expect(evaluateTrigger({ high_demand_date: true }, ctx({ date_status: "available" }))).toBe(false)
    expect(evaluateTrigger({ cart_subtotal_at_least: 5000 }, ctx({ cart_subtotal: 5000 }))).toBe(true)
    expect(evaluateTrigger({ segment_in: ["luxury", "signature"] }, viewing)).toBe(true)
    expect(evaluateTrigger({ segment_in: ["luxury"] }, viewing)).toBe(false)
  })

  it("combines with all and any, nested", () => {
    const t: Trigger = { all: [{ segment_in: ["signature"] }, { any: [{ addon_count_at_least: 2 }, { high_demand_date: true }] }] }
    expect(evaluateTrigger(t, ctx({ segment: "signature", addon_count: 2 }))).toBe(true)
    expect(evaluateTrigger(t, ctx({ segment: "signature", date_status: "limited" }))).toBe(true)
    expect(evaluateTrigger(t, ctx({ segment: "signature" }))).toBe(false)
    expect(evaluateTrigger(t, ctx({ segment: "luxury", addon_count: 3 }))).toBe(false)
    expect(evaluateTrigger({ all: [] }, ctx())).toBe(true)
    expect(evaluateTrigger({ any: [] }, ctx())).toBe(false)
  })
})

describe("matchingRules", () => {
  const base = { is_active: true, action: "suggest_upgrade" as const, trigger: { addon_count_at_least: 0 } as Trigger }
  const now = new Date("2027-03-01T12:00:00Z")
  it("keeps active rules in their window, highest priority first, up to the maximum", () => {
    const rules = [
      { ...base, id: "low", priority: 1 },
      { ...base, id: "high", priority: 10 },
      { ...base, id: "off", priority: 50, is_active: false },
      { ...base, id: "later", priority: 40, starts_at: "2027-04-01T00:00:00Z" },
      { ...base, id: "over", priority: 40, ends_at: "2027-03-01T12:00:00Z" },
      { ...base, id: "tie", priority: 10 },
      { ...base, id: "never", priority: 99, trigger: { addon_count_at_least: 5 } as Trigger },
    ]
    expect(matchingRules(rules, ctx(), now, 5).map((r) => r.id)).toEqual(["high", "tie", "low"])
    expect(matchingRules(rules, ctx(), now, 2).map((r) => r.id)).toEqual(["high", "tie"])
    expect(matchingRules(rules, ctx(), now, 0)).toEqual([])
  })
})

describe("copy", () => {
  it("fills placeholders and closes the gap of a missing one", () => {
    expect(renderCopy("Upgrade to {{to_tier}} for {{ price_difference }} more", { to_tier: "Select", price_difference: "$2,125.00" })).toBe(
      "Upgrade to Select for $2,125.00 more"
    )
    expect(renderCopy("Only {{remaining_slots}} left {{segment}}", { remaining_slots: 1 })).toBe("Only 1 left")
  })
  it("names unknown placeholders", () => {
    expect(unknownPlaceholders("{{to_tier}} {{price}} {{ foo }}")).toEqual(["price", "foo"])
    expect(unknownPlaceholders("no placeholders")).toEqual([])
  })
})
