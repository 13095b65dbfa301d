import { addonSelectionProblems, allowedAddons, bundleApplies } from "../addons"

const tier = { id: "tier_a", segment_id: "seg_sig" }

describe("allowedAddons", () => {
  it("merges segment-wide rules with the tier's own, the tier winning", () => {
    const allowed = allowedAddons(tier, [
      { product_id: "album", max_quantity: 1, segment_id: "seg_sig" },
      { product_id: "hour", max_quantity: 2, segment_id: "seg_sig" },
      { product_id: "hour", max_quantity: 4, tier_id: "tier_a" },
      { product_id: "drone", max_quantity: 1, tier_id: "tier_b" },
      { product_id: "booth", max_quantity: 1, segment_id: "seg_lux" },
    ])
    expect(Object.fromEntries(allowed)).toEqual({ album: 1, hour: 4 })
  })
})

describe("addonSelectionProblems", () => {
  const allowed = new Map([
    ["album", 1],
    ["hour", 3],
  ])
  it("accepts a selection within the limits", () => {
    expect(addonSelectionProblems(new Map([["album", 1], ["hour", 3]]), allowed)).toEqual([])
  })
  it("names an add-on the tier cannot take and one over its limit", () => {
    expect(
      addonSelectionProblems(new Map([["drone", 1], ["hour", 4]]), allowed, new Map([["drone", "Drone coverage"]]))
    ).toEqual(["Drone coverage is not an add-on this tier can take", "hour can be added at most 3 times (asked for 4)"])
    expect(addonSelectionProblems(new Map([["album", 2]]), allowed)).toEqual(["album can be added at most 1 time (asked for 2)"])
  })
})

describe("bundleApplies", () => {
  it("starts at three add-ons", () => {
    expect([0, 1, 2, 3, 4].map(bundleApplies)).toEqual([false, false, false, true, true])
  })
})
