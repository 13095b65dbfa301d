import fc from "fast-check"
import { composeOffer, evaluateTrigger, matchingRules, OfferRule, renderCopy, Trigger, unknownPlaceholders, UpsellContext, windowEdgesPassed } from "../upsell"

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

describe("windowEdgesPassed", () => {
  const rules = [
    { starts_at: "2027-01-01T10:00:00.000Z", ends_at: "2027-01-02T10:00:00.000Z" },
    { starts_at: null, ends_at: "2027-01-01T12:00:00.000Z" },
    { starts_at: null, ends_at: null },
  ]

  it("counts the starts and ends at or before now", () => {
    expect(windowEdgesPassed(rules, new Date("2027-01-01T09:59:59.999Z"))).toBe(0)
    expect(windowEdgesPassed(rules, new Date("2027-01-01T10:00:00.000Z"))).toBe(1)
    expect(windowEdgesPassed(rules, new Date("2027-01-01T12:00:00.000Z"))).toBe(2)
    expect(windowEdgesPassed(rules, new Date("2027-01-03T00:00:00.000Z"))).toBe(3)
  })

  it("changes whenever the set of rules in their window changes", () => {
    const ctx: UpsellContext = { addon_count: 0, cart_subtotal: 0, segment: "s" }
    const windowed = rules.map((r, i) => ({ ...r, id: `r${i}`, priority: 0, is_active: true, trigger: { segment_in: ["s"] }, action: "show_comparison" as const }))
    const start = Date.parse("2027-01-01T00:00:00Z")
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 86_400_000 }), fc.integer({ min: 0, max: 3 * 86_400_000 }), (a, b) => {
        const [x, y] = [new Date(start + a), new Date(start + b)]
        const ids = (at: Date) => matchingRules(windowed, ctx, at, 10).map((r) => r.id).join()
        return windowEdgesPassed(rules, x) !== windowEdgesPassed(rules, y) || ids(x) === ids(y)
      })
    )
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

describe("composeOffer", () => {
  const rule = (action: OfferRule["action"], extra: Partial<OfferRule> = {}): OfferRule => ({
    id: "upsr_1",
    action,
    incentive_percent: null,
    headline: "{{to_tier}} for {{price_difference}} more",
    body: "Only {{remaining_slots}} left in {{segment}}; save {{incentive_percent}}%",
    ...extra,
  })
  const base = {
    variant: null,
    from: { id: "tier_1", name: "Essential" },
    next: { id: "tier_2", name: "Select" },
    segment_name: "Signature",
    addon_count: 0,
    bundle: { min_addons: 3, percent: -10 },
    date: { status: "limited", remaining: 1 },
    default_upgrade_incentive: 5,
    // 7500 with the incentive, minus the current 5000
    difference: (p: number) => Math.round(7500 * (1 - p / 100)) - 5000,
    money: (n: number) => `$${n}`,
  }

  it("suggests the upgrade with the store's default incentive and fills the copy", () => {
    expect(composeOffer({ ...base, rule: rule("suggest_upgrade") })).toEqual({
      rule_id: "upsr_1",
      action: "suggest_upgrade",
      headline: "Select for $2125 more",
      body: "Only 1 left in Signature; save 5%",
      from_tier_id: "tier_1",
      to_tier_id: "tier_2",
      incentive_percent: 5,
      price_difference: 2125,
      remaining_slots: null,
    })
  })

  it("takes the rule's incentive, then the variant's, and the variant's copy", () => {
    expect(composeOffer({ ...base, rule: rule("suggest_upgrade", { incentive_percent: 10 }) })?.price_difference).toBe(1750)
    const offer = composeOffer({
      ...base,
      rule: rule("suggest_upgrade", { incentive_percent: 10 }),
      variant: { incentive_percent: 0, headline: "Go {{to_tier}}" },
    })
    expect(offer).toMatchObject({ incentive_percent: 0, price_difference: 2500, headline: "Go Select" })
  })

  it("compares without an incentive unless the rule gives one", () => {
    expect(composeOffer({ ...base, rule: rule("show_comparison") })).toMatchObject({ incentive_percent: null, price_difference: 2500 })
  })

  it("makes no upgrade or comparison offer without a tier above", () => {
    expect(composeOffer({ ...base, next: null, rule: rule("suggest_upgrade") })).toBeNull()
    expect(composeOffer({ ...base, from: null, rule: rule("show_comparison") })).toBeNull()
  })

  it("emphasizes scarcity only for a limited date, with the remaining slots", () => {
    expect(composeOffer({ ...base, rule: rule("emphasize_scarcity") })).toMatchObject({ remaining_slots: 1, to_tier_id: null })
    expect(composeOffer({ ...base, date: { status: "available", remaining: 3 }, rule: rule("emphasize_scarcity") })).toBeNull()
    expect(composeOffer({ ...base, date: null, rule: rule("emphasize_scarcity") })).toBeNull()
  })

  it("suggests the add-on bundle with its percent until the bundle applies", () => {
    expect(composeOffer({ ...base, addon_count: 2, rule: rule("suggest_addon_bundle") })).toMatchObject({ incentive_percent: 10 })
    expect(composeOffer({ ...base, addon_count: 3, rule: rule("suggest_addon_bundle") })).toBeNull()
  })

  it("shows nothing to a variant with upsell off", () => {
    expect(composeOffer({ ...base, variant: { upsell_off: true }, rule: rule("suggest_upgrade") })).toBeNull()
  })

  it("fills {{features_added}} with the upgrade's gains, as the upgrade quote words them", () => {
    const body = "With {{to_tier}}: {{features_added}}."
    const gains = ["Coverage: 10 h → 12 h", "Heirloom album"]
    expect(composeOffer({ ...base, features_added: gains, rule: rule("suggest_upgrade", { body }) })?.body).toBe(
      "With Select: Coverage: 10 h → 12 h, Heirloom album."
    )
    expect(composeOffer({ ...base, features_added: [], rule: rule("show_comparison", { body }) })?.body).toBe("With Select: .")
    // Only an upgrade or comparison has a tier to gain from.
    expect(composeOffer({ ...base, features_added: gains, rule: rule("emphasize_scarcity", { body: "{{features_added}}" }) })?.body).toBe("")
  })

  it("drops placeholders without a value (no price without a region)", () => {
    const offer = composeOffer({ ...base, difference: () => null, rule: rule("show_comparison") })
    expect(offer).toMatchObject({ headline: "Select for more", price_difference: null })
  })
})
