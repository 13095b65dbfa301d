import { PricedRecord, stalePrices } from "../checkout"

const breakdown = (base: number, final = base) => ({ base, adjustments: [], final, currency_code: "usd" })
const tierRecord: PricedRecord & { base: number } = {
  id: "t1",
  kind: "tier",
  parent_id: null,
  title: "Select",
  event_date: "2027-07-17",
  quantity: 1,
  unit_price: 9000,
  currency_code: "usd",
  base: 7500,
}
const addon = (id: string, base: number, unit: number, quantity = 1) => ({
  ...tierRecord,
  id,
  kind: "addon" as const,
  parent_id: "t1",
  title: id,
  quantity,
  unit_price: unit,
  base,
})

describe("stalePrices", () => {
  const same = { tier: () => breakdown(7500, 9000), addonBase: (r: { base: number }) => r.base }

  it("accepts records still at today's price, bundle included", () => {
    expect(stalePrices([tierRecord, addon("album", 1200, 1080), addon("hour", 400, 360, 2)], same)).toEqual([])
  })

  it("reports a tier whose date price moved", () => {
    const [problem] = stalePrices([tierRecord], { ...same, tier: () => breakdown(7500, 7650) })
    expect(problem).toContain("The price of Select for 2027-07-17 changed from 9000 to 7650")
  })

  it("reports an add-on whose catalog price moved, and ones that lost their bundle", () => {
    expect(
      stalePrices([tierRecord, addon("album", 1200, 1080), addon("hour", 400, 360, 2)], { ...same, addonBase: (r) => (r.id === "album" ? 1300 : 400) })
    ).toHaveLength(1)
    // Only two add-on units left on the tier line: no bundle any more.
    expect(stalePrices([tierRecord, addon("album", 1200, 1080), addon("hour", 400, 360)], same)).toHaveLength(2)
  })

  it("counts only the add-ons of the same tier line towards its bundle", () => {
    const other = { ...addon("print", 100, 90, 2), parent_id: "t2" }
    expect(stalePrices([tierRecord, addon("album", 1200, 1080), other], same)).toHaveLength(2)
  })

  it("reports a line that cannot be priced", () => {
    expect(stalePrices([tierRecord], { ...same, tier: () => null })[0]).toContain("can no longer be priced")
  })
})
