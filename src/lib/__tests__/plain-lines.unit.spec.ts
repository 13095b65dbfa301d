import { RESERVED_LINE_METADATA_KEYS } from "../cart-lines"
import { firstPlainLineRefusal, plainLineRefusal, TierItemProducts, VariantSale } from "../plain-lines"

const route = "POST /store/carts/cart_1/tier-items"
const sale = (over: Partial<VariantSale> = {}): VariantSale => ({
  variant_id: "variant_print",
  product_id: "prod_print",
  title: "Fine art print",
  status: "published",
  sales_channel_ids: ["sc_a"],
  ...over,
})
const products: TierItemProducts = { packages: new Map([["prod_luxury", "Luxury Complete"]]), addons: new Set(["prod_album"]) }

describe("plainLineRefusal", () => {
  it("lets a published product of the cart's channel in, with metadata of the storefront's own", () => {
    expect(plainLineRefusal({ variant_id: "variant_print", metadata: { gift_note: "For Ana" } }, sale(), "sc_a", products, route)).toBeNull()
    expect(plainLineRefusal({ variant_id: "variant_print" }, sale({ sales_channel_ids: ["sc_b", "sc_a"] }), "sc_a", products, route)).toBeNull()
  })

  it("refuses a variant the cart's channel does not sell, naming only the variant", () => {
    for (const s of [undefined, sale({ sales_channel_ids: ["sc_b"] }), sale({ sales_channel_ids: [] }), sale({ status: "draft" }), sale({ status: "proposed" })]) {
      const refusal = plainLineRefusal({ variant_id: "variant_print" }, s, "sc_a", products, route)
      expect(refusal).toBe("Variant variant_print is not sold in this cart's sales channel")
    }
  })

  it("names no package or add-on of another tenant: the channel is checked first", () => {
    const theirs = sale({ product_id: "prod_luxury", title: "Secret package", sales_channel_ids: ["sc_b"] })
    expect(plainLineRefusal({ variant_id: "variant_print" }, theirs, "sc_a", products, route)).not.toMatch(/Luxury|Secret/)
  })

  it("sends a tier's package and an add-on to tier-items", () => {
    expect(plainLineRefusal({ variant_id: "v" }, sale({ product_id: "prod_luxury" }), "sc_a", products, route)).toBe(
      "Luxury Complete is a package sold for a date: add it with POST /store/carts/cart_1/tier-items"
    )
    expect(plainLineRefusal({ variant_id: "v" }, sale({ product_id: "prod_album", title: "Album" }), "sc_a", products, route)).toBe(
      "Album is an add-on sold with a package: add it with POST /store/carts/cart_1/tier-items in addon_variant_ids"
    )
  })

  it("refuses every reserved metadata key, naming the line and the keys", () => {
    for (const key of RESERVED_LINE_METADATA_KEYS) {
      expect(plainLineRefusal({ variant_id: "v", metadata: { note: 1, [key]: "x" } }, sale(), "sc_a", products, route)).toBe(
        `Fine art print: the metadata keys ${key} are reserved for the plugin's tier lines`
      )
    }
    expect(plainLineRefusal({ variant_id: "v", metadata: { tier_id: null, event_date: "2027-07-17" } }, sale(), "sc_a", products, route)).toBe(
      "Fine art print: the metadata keys tier_id, event_date are reserved for the plugin's tier lines"
    )
  })
})

describe("firstPlainLineRefusal", () => {
  const sales = new Map([
    ["variant_print", sale()],
    ["variant_album", sale({ variant_id: "variant_album", product_id: "prod_album", title: "Album" })],
  ])

  it("answers null when every line may go in, and the first refusal otherwise", () => {
    expect(firstPlainLineRefusal([{ variant_id: "variant_print" }, { variant_id: "variant_print" }], sales, "sc_a", products, route)).toBeNull()
    expect(
      firstPlainLineRefusal([{ variant_id: "variant_print" }, { variant_id: "variant_album" }, { variant_id: "variant_gone" }], sales, "sc_a", products, route)
    ).toContain("Album is an add-on")
    expect(firstPlainLineRefusal([{ variant_id: "variant_gone" }, { variant_id: "variant_album" }], sales, "sc_a", products, route)).toContain(
      "variant_gone is not sold"
    )
  })
})
