import fc from "fast-check"
import { upgradeQuote, UpgradeTier } from "../upgrade"

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
const prestige = tier("Prestige", { segment_id: "seg_lux", segment_rank: 2, level: 1, price: 12000 })
const cheapLux = tier("Cheap", { segment_id: "seg_lux", segment_rank: 2, level: 1, price: 4000 })
const classic = tier("Classic", { segment_id: "seg_ess", segment_rank: 0, level: 3, price: 4500 })

const quote = (from: UpgradeTier, to: UpgradeTier, incentive = 0, current = from.price) =>
  upgradeQuote({ from, to, current_price: current, incentive_percent: incentive, currency_code: "usd" })

describe("upgradeQuote", () => {
  it("quotes a higher level with the incentive and the features gained", () => {
    expect(quote(essential, select, 5)).toEqual({
      allowed: true,
      price_difference: 2125, // 7500 - 5% = 7125, minus 5000
      discount: 375,
      features_added: ["10 hours", "Second shooter"],
      currency_code: "usd",
    })
    expect(quote(essential, select).price_difference).toBe(2500)
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
  })

  it("measures the difference from the current line's price (a date-adjusted or discounted line)", () => {
    expect(quote(essential, select, 0, 4250).price_difference).toBe(3250)
  })

  it("never gives a negative discount and rounds to cents (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 50 }), fc.integer({ min: 100, max: 10_000_00 }), (incentive, cents) => {
        const q = quote(essential, { ...select, price: cents / 100 + 5000 }, incentive)
        expect(q.discount).toBeGreaterThanOrEqual(0)
        expect(Math.round(q.price_difference * 100)).toBeCloseTo(q.price_difference * 100, 6)
      })
    )
  })
})
