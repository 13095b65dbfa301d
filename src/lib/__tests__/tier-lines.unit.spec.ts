import { lineMetadata } from "../cart-lines"
import { addonUnitsByParent, CatalogFacts, cartLineProblems, CheckoutItem, metadataMatches, TierLineRecord } from "../tier-lines"

const breakdown = { base: 7500, adjustments: [], final: 7500, currency_code: "usd" }
const record = (over: Partial<TierLineRecord>): TierLineRecord => ({
  id: "rec_tier",
  kind: "tier",
  line_key: "k",
  parent_id: null,
  sales_channel_id: "sc_a",
  cart_id: "cart_1",
  cart_line_item_id: "li_tier",
  order_id: null,
  order_line_item_id: null,
  tier_id: "tier_select",
  segment_id: "seg",
  product_id: "prod_select",
  variant_id: "var_select",
  event_date: "2027-07-17",
  days: 1,
  guest_count: 60,
  quantity: 1,
  unit_price: 7500,
  currency_code: "usd",
  price_breakdown: breakdown,
  upgraded_from_tier_id: null,
  upsell_offer_id: null,
  upgrade_incentive_percent: 0,
  status: "active",
  ...over,
})
const tierRecord = record({})
const albumRecord = record({ id: "rec_album", kind: "addon", parent_id: "rec_tier", cart_line_item_id: "li_album", product_id: "prod_album", variant_id: "var_album", guest_count: null, quantity: 2, unit_price: 1200 })
const item = (r: TierLineRecord, over: Partial<CheckoutItem> = {}): CheckoutItem => ({
  id: r.cart_line_item_id!,
  title: r.product_id,
  variant_id: r.variant_id,
  product_id: r.product_id,
  quantity: r.quantity,
  unit_price: r.unit_price,
  metadata: lineMetadata(r) as unknown as Record<string, unknown>,
  ...over,
})
const facts: CatalogFacts = {
  sales_channel_id: "sc_a",
  isPackage: (p) => p === "prod_select" || p === "prod_luxury_of_b",
  isAddon: (p) => p === "prod_album",
  sells: (p) => ["prod_select", "prod_album", "prod_print"].includes(p),
  maxGuests: (t) => (t === "tier_select" ? 100 : undefined),
  addonLimit: (t, p) => (t === "tier_select" && p === "prod_album" ? 2 : undefined),
}
const plain = (over: Partial<CheckoutItem>): CheckoutItem => ({ id: "li_plain", title: "Print", variant_id: "var_print", product_id: "prod_print", quantity: 1, unit_price: 90, metadata: null, ...over })

describe("cartLineProblems", () => {
  it("accepts lines that match their records and a plain product the store sells", () => {
    expect(cartLineProblems([item(tierRecord), item(albumRecord), plain({})], [tierRecord, albumRecord], facts)).toEqual([])
  })

  it("refuses a tier or add-on line whose quantity, price, variant or record id was changed", () => {
    const records = [tierRecord, albumRecord]
    const problems = (items: CheckoutItem[]) => cartLineProblems(items, records, facts)
    expect(problems([item(tierRecord, { quantity: 2 }), item(albumRecord)])[0]).toContain("books one date per line")
    expect(problems([item(tierRecord), item(albumRecord, { quantity: 3 })])[0]).toContain("its quantity cannot be changed to 3")
    expect(problems([item(tierRecord, { unit_price: 1 }), item(albumRecord)])[0]).toContain("is at 1 but was priced 7500")
    expect(problems([item(tierRecord, { variant_id: "var_other" }), item(albumRecord)])[0]).toContain("was changed outside tier-items")
    expect(problems([item(tierRecord, { metadata: { tier_line_id: "rec_album" } }), item(albumRecord)])[0]).toContain("was changed outside tier-items")
  })

  it("refuses an add-on whose package left the cart, or over its limit, or that the package cannot take", () => {
    expect(cartLineProblems([item(albumRecord)], [tierRecord, albumRecord], facts)[0]).toContain("no longer in the cart")
    const second = record({ ...albumRecord, id: "rec_album2", cart_line_item_id: "li_album2", quantity: 1 })
    expect(cartLineProblems([item(tierRecord), item(albumRecord), item(second)], [tierRecord, albumRecord, second], facts)[0]).toContain("at most 2 times")
    expect(cartLineProblems([item(tierRecord), item(albumRecord)], [tierRecord, albumRecord], { ...facts, addonLimit: () => undefined })[0]).toContain(
      "not an add-on this package can take"
    )
  })

  it("refuses more guests than the tier takes, and a tier no longer sold", () => {
    const crowd = record({ guest_count: 99999 })
    expect(cartLineProblems([item(crowd)], [crowd], facts)[0]).toContain("takes at most 100 guests; this booking has 99999")
    expect(cartLineProblems([item(tierRecord)], [tierRecord], { ...facts, maxGuests: () => undefined })[0]).toContain("is no longer sold")
  })

  it("refuses packages, add-ons, other stores' products and forged package details on plain lines", () => {
    const one = (line: CheckoutItem) => cartLineProblems([line], [], facts)
    expect(one(plain({ product_id: "prod_select", title: "Select" }))[0]).toContain("Select is a package sold for a date")
    expect(one(plain({ product_id: "prod_luxury_of_b", title: "Luxury" }))[0]).toContain("is a package sold for a date")
    expect(one(plain({ product_id: "prod_album", title: "Album" }))[0]).toContain("is an add-on")
    expect(one(plain({ product_id: "prod_other", title: "Other" }))[0]).toContain("is not sold by this store")
    expect(one(plain({ metadata: { tiered_kind: "tier", event_date: "2027-07-17" } }))[0]).toContain("carries package details")
  })

  it("refuses a record written for another store", () => {
    const moved = record({ sales_channel_id: "sc_b" })
    expect(cartLineProblems([item(moved)], [moved], facts)[0]).toContain("was added for another store")
  })
})

describe("metadataMatches", () => {
  it("holds for the record's own copy whatever the key order, and fails for any forged field", () => {
    const copy = lineMetadata(tierRecord) as unknown as Record<string, unknown>
    const reordered = Object.fromEntries(Object.entries(copy).reverse())
    expect(metadataMatches(tierRecord, { ...reordered, note: "a storefront's own key" })).toBe(true)
    for (const forged of [{ event_date: "2027-08-01" }, { guest_count: 99999 }, { segment_id: "seg_unknown" }, { tier_id: "tier_other" }, { upgrade_incentive_percent: 50 }]) {
      expect(metadataMatches(tierRecord, { ...copy, ...forged })).toBe(false)
    }
    const { event_date: _gone, ...withoutDate } = copy
    expect(metadataMatches(tierRecord, withoutDate)).toBe(false)
  })
})

describe("addonUnitsByParent", () => {
  it("sums add-on units per tier line record", () => {
    const other = record({ ...albumRecord, id: "x", parent_id: "rec_other", quantity: 5 })
    expect([...addonUnitsByParent([tierRecord, albumRecord, other])]).toEqual([
      ["rec_tier", 2],
      ["rec_other", 5],
    ])
  })
})
