import {
  emptyVariant,
  experimentChanges,
  experimentFormValues,
  experimentPayload,
  experimentsQuery,
  variantChanges,
  variantShares,
} from "../experiments"
import type { Experiment } from "../../../contract/admin"

const experiment = (overrides: Partial<Experiment> = {}): Experiment => ({
  id: "exp_1",
  key: "copy-test",
  name: "Copy test",
  status: "draft",
  traffic_percent: 10,
  variants: [
    { key: "control", weight: 1 },
    { key: "urgent", weight: 3, headline: "Only {{remaining_slots}} dates left", incentive_percent: 5 },
  ],
  sales_channel_ids: ["sc_1"],
  rule_ids: ["upsr_1"],
  started_at: null,
  stopped_at: null,
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
  ...overrides,
})

describe("variantShares", () => {
  it("gives each weight's share of the total in percent", () => {
    expect(variantShares([1, 1])).toEqual([50, 50])
    expect(variantShares([1, 3])).toEqual([25, 75])
    expect(variantShares([1, 1, 1])).toEqual([33.3, 33.3, 33.3])
  })

  it("counts a missing or non-positive weight as no share", () => {
    expect(variantShares([NaN, 2])).toEqual([0, 100])
    expect(variantShares([0, 0])).toEqual([0, 0])
    expect(variantShares([-1, 1])).toEqual([0, 100])
  })
})

describe("variantChanges", () => {
  it("says what a variant changes", () => {
    expect(variantChanges({ key: "a", weight: 1 })).toBe("No change (control)")
    expect(variantChanges({ key: "a", weight: 1, incentive_percent: null, headline: null, body: null, upsell_off: false })).toBe(
      "No change (control)"
    )
    expect(variantChanges({ key: "off", weight: 1, upsell_off: true, incentive_percent: 5 })).toBe("No upsell offers")
    expect(variantChanges({ key: "b", weight: 1, incentive_percent: 10, headline: "Go {{to_tier}}" })).toBe(
      "Incentive 10%, headline “Go {{to_tier}}”"
    )
    expect(variantChanges({ key: "b", weight: 1, body: "x".repeat(60) })).toBe(`Body “${"x".repeat(39)}…”`)
  })
})

describe("experiment form", () => {
  it("starts a new experiment as an even control/variant split on all traffic", () => {
    const values = experimentFormValues()
    expect(values.traffic_percent).toBe("100")
    expect(values.variants.map((v) => [v.key, v.weight])).toEqual([
      ["control", "1"],
      ["b", "1"],
    ])
  })

  it("sends typed variants with empty fields as null", () => {
    const values = { ...experimentFormValues(), key: " spring ", name: "Spring", traffic_percent: "25" }
    values.variants = [emptyVariant("a"), { ...emptyVariant("b"), weight: "3", incentive_percent: "10", upsell_off: false }]
    expect(experimentPayload(values)).toEqual({
      key: "spring",
      name: "Spring",
      rule_ids: [],
      traffic_percent: 25,
      sales_channel_ids: [],
      variants: [
        { key: "a", weight: 1, incentive_percent: null, headline: null, body: null, upsell_off: false },
        { key: "b", weight: 3, incentive_percent: 10, headline: null, body: null, upsell_off: false },
      ],
    })
  })

  it("an edit sends only what changed", () => {
    const before = experimentFormValues(experiment())
    expect(experimentChanges("draft", before, before)).toEqual({})
    expect(experimentChanges("draft", before, { ...before, traffic_percent: "20" })).toEqual({ traffic_percent: 20 })
    const variants = [...before.variants, emptyVariant("c")]
    expect(Object.keys(experimentChanges("draft", before, { ...before, variants }))).toEqual(["variants"])
    expect(experimentChanges("draft", before, { ...before, rule_ids: ["upsr_2"] })).toEqual({ rule_ids: ["upsr_2"] })
  })

  it("never sends the key, variants or rules of a running or stopped experiment", () => {
    const before = experimentFormValues(experiment({ status: "running" }))
    const after = { ...before, key: "other", traffic_percent: "50", rule_ids: [], variants: [emptyVariant("x"), emptyVariant("y")] }
    expect(experimentChanges("running", before, after)).toEqual({ traffic_percent: 50 })
    expect(experimentChanges("stopped", before, after)).toEqual({ traffic_percent: 50 })
  })
})

describe("the experiments list", () => {
  it("asks for one page, with the status only when the filter names one", () => {
    expect(experimentsQuery("all", 20, 40)).toEqual({ limit: 20, offset: 40 })
    expect(experimentsQuery("running", 20, 0)).toEqual({ limit: 20, offset: 0, status: "running" })
  })
})
