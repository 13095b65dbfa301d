import { funnelRow } from "../funnel"

describe("funnelRow", () => {
  it("counts each step and divides by the step before", () => {
    expect(funnelRow({ segment_selected: 10, tier_viewed: 8, tier_compared: 4, checkout_started: 2, order: 1 })).toEqual({
      steps: { segment_selected: 10, tier_viewed: 8, tier_compared: 4, checkout_started: 2, order: 1 },
      rates: { tier_viewed: 0.8, tier_compared: 0.5, checkout_started: 0.5, order: 0.5 },
    })
  })

  it("gives null rates after an empty step and 0 for missing steps", () => {
    expect(funnelRow({ segment_selected: 3 })).toEqual({
      steps: { segment_selected: 3, tier_viewed: 0, tier_compared: 0, checkout_started: 0, order: 0 },
      rates: { tier_viewed: 0, tier_compared: null, checkout_started: null, order: null },
    })
  })
})
