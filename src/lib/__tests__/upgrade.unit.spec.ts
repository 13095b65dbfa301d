import fc from "fast-check"
import { priceTier } from "../pricing"
import { nextTier, upgradeQuote, upgradeRefusal, UpgradeTier } from "../upgrade"
import { featureGains, ValuedFeature } from "../comparison"

const tier = (id: string, extra: Partial<UpgradeTier>): UpgradeTier => ({
  id,
  segment_id: "seg_sig",
  segment_rank: 1,
  level: 1,
  name: id,
  features: [],
  price: 5000,
  ...extra,
})
const essential = tier("Essential", { level: 1, price: 5000, features: ["8 hours", "Gallery"] })
const select = tier("Select", { level: 2, price: 7500, features: ["10 hours", "Gallery", "Second shooter"] })
const complete = tier("Complete", { level: 3, price: 10000 })
const prestige = tier("Prestige", { segment_id: "seg_lux", segment_rank: 2, level: 1, price: 12000 })
const cheapLux = tier("Cheap", { segment_id: "seg_lux", segment_rank: 2, level: 1, price: 4000 })
const classic = tier("Classic", { segment_id: "seg_ess", segment_rank: 0, level: 3, price: 4500 })

// The target's final price with an incentive, priced once as a cart line would be.
const target = (to: UpgradeTier, incentive: number) =>
  priceTier({
    base: to.price,
    currency_code: "usd",
    incentive: incentive ? { rule_id: "offer", label: "Upgrade", percent: -incentive } : null,
  }).final

const quote = (from: UpgradeTier, to: UpgradeTier, incentive = 0, current = from.price) =>
  upgradeQuote({ from, to, current_price: current, target_price: target(to, incentive), currency_code: "usd" })

describe("upgradeQuote", () => {
  it("quotes a higher level with the incentive and the features gained", () => {
    expect(quote(essential, select, 5)).toEqual({
      allowed: true,
      price_difference: 2125, // 7500 - 5% = 7125, minus 5000
      discount: 375,
      features_added: ["10 hours", "Second shooter"],
      rows_added: [
        expect.objectContaining({ key: "10 hours", label: "10 hours", from: null, to: true, text: "10 hours" }),
        expect.objectContaining({ key: "Second shooter", from: null, to: true, text: "Second shooter" }),
      ],
      currency_code: "usd",
    })
    expect(quote(essential, select).price_difference).toBe(2500)
  })

  it("speaks in rows for valued features: what grows, and what the current tier lacks", () => {
    const coverage = (value: number): ValuedFeature => ({ key: "coverage", label: "Coverage", group: "Coverage", value, unit: "h" })
    const from = tier("Select", { level: 2, features: [coverage(10), "Online gallery", { key: "album", label: "Heirloom album", value: false }] })
    const to = tier("Complete", { level: 3, price: 10000, features: [coverage(12), "Online gallery", { key: "album", label: "Heirloom album", value: true }] })
    const q = quote(from, to)
    expect(q.features_added).toEqual(["Coverage: 10 h → 12 h", "Heirloom album"])
    // The same rows as the comparison's gains.
    expect(q.rows_added).toEqual(featureGains(from.features, to.features))
    expect(q.rows_added.map((r) => [r.from_display, r.to_display])).toEqual([["10 h", "12 h"], ["—", "Included"]])
    // A refused move still says what the other tier has more of.
    expect(quote(to, from).features_added).toEqual([])
  })

  it("allows a dearer tier of a higher-ranked segment", () => {
    expect(quote(select, prestige).allowed).toBe(true)
    expect(quote(select, prestige).price_difference).toBe(4500)
  })

  it.each([
    [select, essential, "not above"],
    [essential, essential, "already booked"],
    [select, classic, "not above"],
    [select, cheapLux, "does not cost more"],
  ])("refuses %s -> %s", (from, to, reason) => {
    const q = quote(from as UpgradeTier, to as UpgradeTier)
    expect(q.allowed).toBe(false)
    expect(q.reason).toContain(reason)
    expect(q.price_difference).toBe(0)
    expect(upgradeRefusal(from as UpgradeTier, to as UpgradeTier, (from as UpgradeTier).price)).toBe(q.reason)
  })

  it("measures the difference from the current line's price (a date-adjusted or discounted line)", () => {
    expect(quote(essential, select, 0, 4250).price_difference).toBe(3250)
  })

  it("rounds the incentive once, with the target's price (half away from zero)", () => {
    const odd = { ...select, price: 7333.33 }
    // 7333.33 * 0.95 = 6966.6635 -> 6966.66
    expect(quote(essential, odd, 5)).toMatchObject({ price_difference: 1966.66, discount: 366.67 })
  })

  it("never gives a negative discount, and difference + current = the target's price (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 100, max: 10_000_00 }), (incentive, cents) => {
        const to = { ...select, price: cents / 100 + 5000 }
        const q = quote(essential, to, incentive)
        expect(q.discount).toBeGreaterThanOrEqual(0)
        expect(Math.round(q.price_difference * 100)).toBeCloseTo(q.price_difference * 100, 6)
        expect(Math.round((q.price_difference + essential.price) * 100)).toBe(Math.round(target(to, incentive) * 100))
      })
    )
  })
})

describe("nextTier", () => {
  const catalog = [classic, essential, select, complete, cheapLux, prestige]

  it("is the next level up in the same segment", () => {
    expect(nextTier(essential, catalog)?.id).toBe("Select")
    expect(nextTier(select, catalog)?.id).toBe("Complete")
  })

  it("from the top level, is the first dearer tier of a higher-ranked segment", () => {
    expect(nextTier(complete, catalog)?.id).toBe("Prestige")
    expect(nextTier(classic, catalog)?.id).toBe("Essential")
  })

  it("is null at the top of the catalog", () => {
    expect(nextTier(prestige, catalog)).toBeNull()
  })

  it("is always an allowed upgrade (property)", () => {
    const arb = fc.record({
      id: fc.uuid(),
      segment_id: fc.constantFrom("a", "b", "c"),
      segment_rank: fc.integer({ min: 0, max: 3 }),
      level: fc.integer({ min: 1, max: 3 }),
      name: fc.string(),
      features: fc.constant([] as string[]),
      price: fc.integer({ min: 1, max: 20000 }),
    })
    fc.assert(
      fc.property(arb, fc.array(arb, { maxLength: 10 }), (from, tiers) => {
        const next = nextTier(from, tiers)
        if (next) {
          expect(upgradeRefusal(from, next, from.price)).toBeNull()
        } else {
          expect(tiers.every((t) => upgradeRefusal(from, t, from.price) !== null)).toBe(true)
        }
      })
    )
  })
})
