import { addonPrice, tierCartLines } from "../cart-lines"

const price = { base: 7500, adjustments: [], final: 7500, currency_code: "usd" }

describe("tierCartLines", () => {
  it("prices the tier line at its final price and add-ons at their base below three units", () => {
    const lines = tierCartLines({
      key: "k1",
      tier: { id: "tier_1", segment_id: "seg_1", variant_id: "var_tier" },
      price,
      event_date: "2027-07-17",
      guest_count: 80,
      addons: [
        { variant_id: "var_album", quantity: 1, base: 1200 },
        { variant_id: "var_hour", quantity: 1, base: 400 },
      ],
    })
    expect(lines.map((l) => [l.variant_id, l.quantity, l.unit_price, l.metadata.tiered_kind])).toEqual([
      ["var_tier", 1, 7500, "tier"],
      ["var_album", 1, 1200, "addon"],
      ["var_hour", 1, 400, "addon"],
    ])
    expect(lines[0].metadata).toEqual({
      tiered_kind: "tier",
      tier_line_key: "k1",
      tier_id: "tier_1",
      segment_id: "seg_1",
      event_date: "2027-07-17",
      guest_count: 80,
      price_breakdown: price,
    })
    expect(lines.every((l) => l.metadata.tier_line_key === "k1" && l.requires_shipping === false)).toBe(true)
  })

  it("takes 10% off each add-on line from three add-on units on", () => {
    const lines = tierCartLines({
      key: "k2",
      tier: { id: "tier_1", segment_id: "seg_1", variant_id: "var_tier" },
      price,
      event_date: "2027-07-17",
      guest_count: null,
      addons: [
        { variant_id: "var_album", quantity: 1, base: 1200 },
        { variant_id: "var_hour", quantity: 2, base: 433.33 },
      ],
    })
    expect(lines.slice(1).map((l) => l.unit_price)).toEqual([1080, 390])
    expect(lines[2].metadata.price_breakdown).toEqual({
      base: 433.33,
      adjustments: [{ rule_id: "bundle", kind: "incentive", label: "Bundle: 3 or more add-ons", percent: -10, amount: -43.33 }],
      final: 390,
      currency_code: "usd",
    })
  })
})

describe("addonPrice", () => {
  it("rounds to the currency's minor unit", () => {
    expect(addonPrice(999.99, "usd", 3).final).toBe(899.99)
    expect(addonPrice(155, "jpy", 3).final).toBe(140)
  })
})
