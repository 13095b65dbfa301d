import { CheckoutLine, stalePrices } from "../checkout"

const breakdown = (base: number, final = base) => ({ base, adjustments: [], final, currency_code: "usd" })
const tierLine: CheckoutLine = {
  id: "li_1",
  title: "Select",
  unit_price: 9000,
  quantity: 1,
  metadata: { tiered_kind: "tier", tier_line_key: "k", event_date: "2027-07-17", price_breakdown: breakdown(7500, 9000) },
}
const addon = (id: string, base: number, unit: number, quantity = 1): CheckoutLine => ({
  id,
  title: id,
  unit_price: unit,
  quantity,
  metadata: { tiered_kind: "addon", tier_line_key: "k", event_date: "2027-07-17", price_breakdown: breakdown(base) },
})

describe("stalePrices", () => {
  const same = { tier: () => breakdown(7500, 9000), addonBase: (l: CheckoutLine) => (l.metadata!.price_breakdown as any).base }

  it("accepts lines still at today's price, bundle included, and ignores other lines", () => {
    const lines = [tierLine, addon("album", 1200, 1080), addon("hour", 400, 360, 2), { ...tierLine, id: "plain", metadata: null }]
    expect(stalePrices(lines, same)).toEqual([])
  })

  it("reports a tier whose date price moved", () => {
    const [problem] = stalePrices([tierLine], { ...same, tier: () => breakdown(7500, 7650) })
    expect(problem).toContain("The price of Select for 2027-07-17 changed from 9000 to 7650")
  })

  it("reports an add-on whose catalog price moved, and one that lost its bundle", () => {
    expect(stalePrices([tierLine, addon("album", 1200, 1080), addon("hour", 400, 360, 2)], { ...same, addonBase: (l) => (l.id === "album" ? 1300 : 400) })).toHaveLength(1)
    // Only two add-on units left on the tier line: no bundle any more.
    expect(stalePrices([tierLine, addon("album", 1200, 1080), addon("hour", 400, 360)], same)).toHaveLength(2)
  })

  it("reports a line that cannot be priced", () => {
    expect(stalePrices([tierLine], { ...same, tier: () => null })[0]).toContain("can no longer be priced")
  })
})
