import { addonPrice, lineMetadata, recordIncentive, reservedMetadataKeys, tierCartLines } from "../cart-lines"

const price = { base: 7500, adjustments: [], final: 7500, currency_code: "usd" }
const ids = () => {
  let n = 0
  return () => `tlrec_${++n}`
}
const tier = { id: "tier_1", segment_id: "seg_1", variant_id: "var_tier", product_id: "prod_tier" }

describe("tierCartLines", () => {
  it("prices the tier line at its final price and add-ons at their base below three units, each with its record", () => {
    const lines = tierCartLines({
      key: "k1",
      newId: ids(),
      sales_channel_id: "sc_1",
      tier,
      price,
      event_date: "2027-07-17",
      guest_count: 80,
      addons: [
        { variant_id: "var_album", product_id: "prod_album", quantity: 1, base: 1200 },
        { variant_id: "var_hour", product_id: "prod_hour", quantity: 1, base: 400 },
      ],
    })
    expect(lines.map(({ item }) => [item.variant_id, item.quantity, item.unit_price, item.metadata.tiered_kind])).toEqual([
      ["var_tier", 1, 7500, "tier"],
      ["var_album", 1, 1200, "addon"],
      ["var_hour", 1, 400, "addon"],
    ])
    expect(lines[0].item.metadata).toEqual({
      tiered_kind: "tier",
      tier_line_key: "k1",
      tier_line_id: "tlrec_1",
      tier_id: "tier_1",
      segment_id: "seg_1",
      event_date: "2027-07-17",
      guest_count: 80,
      price_breakdown: price,
    })
    expect(lines[0].record).toEqual(
      expect.objectContaining({ id: "tlrec_1", kind: "tier", line_key: "k1", parent_id: null, sales_channel_id: "sc_1", product_id: "prod_tier", quantity: 1, unit_price: 7500, guest_count: 80 })
    )
    // Each add-on's record hangs on the tier line's record and says what its line says.
    expect(lines.slice(1).map(({ record }) => [record.id, record.kind, record.parent_id, record.product_id, record.quantity, record.unit_price])).toEqual([
      ["tlrec_2", "addon", "tlrec_1", "prod_album", 1, 1200],
      ["tlrec_3", "addon", "tlrec_1", "prod_hour", 1, 400],
    ])
    expect(lines.every(({ item, record }) => item.metadata.tier_line_id === record.id && item.unit_price === record.unit_price && item.quantity === record.quantity)).toBe(true)
    expect(lines.every(({ item }) => item.metadata.tier_line_key === "k1" && item.requires_shipping === false)).toBe(true)
  })

  it("takes 10% off each add-on line from three add-on units on", () => {
    const lines = tierCartLines({
      key: "k2",
      newId: ids(),
      sales_channel_id: "sc_1",
      tier,
      price,
      event_date: "2027-07-17",
      guest_count: null,
      addons: [
        { variant_id: "var_album", product_id: "prod_album", quantity: 1, base: 1200 },
        { variant_id: "var_hour", product_id: "prod_hour", quantity: 2, base: 433.33 },
      ],
    })
    expect(lines.slice(1).map(({ item }) => item.unit_price)).toEqual([1080, 390])
    expect(lines[2].item.metadata.price_breakdown).toEqual({
      base: 433.33,
      adjustments: [{ rule_id: "bundle", kind: "incentive", label: "Bundle: 3 or more add-ons", percent: -10, amount: -43.33 }],
      final: 390,
      currency_code: "usd",
    })
  })
})

describe("lineMetadata", () => {
  it("copies an upgraded line's offer and incentive, and reads the incentive back for pricing", () => {
    const [{ record }] = tierCartLines({ key: "k", newId: ids(), sales_channel_id: "sc", tier, price, event_date: "2027-07-17", guest_count: null, addons: [] })
    const upgraded = { ...record, upgraded_from_tier_id: "tier_0", upsell_offer_id: "upso_1", upgrade_incentive_percent: 5 }
    expect(lineMetadata(upgraded)).toEqual(expect.objectContaining({ upgraded_from_tier_id: "tier_0", upsell_offer_id: "upso_1", upgrade_incentive_percent: 5 }))
    expect(recordIncentive(upgraded)).toEqual({ rule_id: "upso_1", label: "Upgrade offer", percent: -5 })
    expect(recordIncentive(record)).toBeNull()
  })
})

describe("reservedMetadataKeys", () => {
  it("finds the plugin's keys in a line's metadata and nothing in other values", () => {
    expect(reservedMetadataKeys({ tiered_kind: "tier", note: "x", tier_line_id: "t" })).toEqual(["tiered_kind", "tier_line_id"])
    expect(reservedMetadataKeys({ note: "x" })).toEqual([])
    expect(reservedMetadataKeys(null)).toEqual([])
    expect(reservedMetadataKeys(["tiered_kind"])).toEqual([])
  })
})

describe("addonPrice", () => {
  it("rounds to the currency's minor unit", () => {
    expect(addonPrice(999.99, "usd", 3).final).toBe(899.99)
    expect(addonPrice(155, "jpy", 3).final).toBe(140)
  })
})
