import { DEFAULT_FLAGS, effectiveFlags, featureOn, segmentChannels, stagePercent, upsellOn } from "../flags"
import { inStage } from "../rollout"

const tenants = Array.from({ length: 2_000 }, (_, i) => `sc_${i}`)

describe("effectiveFlags", () => {
  it("takes each override over its default and keeps the rest", () => {
    expect(effectiveFlags(DEFAULT_FLAGS, { upsell: false })).toEqual({ ...DEFAULT_FLAGS, upsell: false })
    expect(effectiveFlags({ ...DEFAULT_FLAGS, tenant_allowlist: ["sc_a"] }, { tenant_allowlist: null }).tenant_allowlist).toBeNull()
    expect(effectiveFlags(DEFAULT_FLAGS, {})).toEqual(DEFAULT_FLAGS)
  })
})

describe("segmentChannels", () => {
  it("keeps every channel by default, only allowlisted ones with a list, none when off", () => {
    expect(segmentChannels(DEFAULT_FLAGS, ["sc_a", "sc_b"])).toEqual(["sc_a", "sc_b"])
    expect(segmentChannels({ ...DEFAULT_FLAGS, tenant_allowlist: ["sc_b"] }, ["sc_a", "sc_b"])).toEqual(["sc_b"])
    expect(segmentChannels({ ...DEFAULT_FLAGS, segments: false }, ["sc_a"])).toEqual([])
  })

  it("keeps the tenants of the catalog's stage", () => {
    const flags = { ...DEFAULT_FLAGS, tiered_catalog_rollout_percent: 25 }
    expect(segmentChannels(flags, tenants)).toEqual(tenants.filter((t) => inStage(t, 25)))
  })
})

describe("featureOn", () => {
  const outside = tenants.find((t) => !inStage(t, 5))!
  const inside = tenants.find((t) => inStage(t, 5))!
  const staged = { ...DEFAULT_FLAGS, upsell_rollout_percent: 5 }

  it("lets a tenant's override win over the allowlist and the stage, and the allowlist over the stage", () => {
    expect(featureOn(staged, "upsell", outside)).toBe(false)
    expect(featureOn(staged, "upsell", inside)).toBe(true)
    expect(featureOn({ ...staged, tenant_allowlist: [outside] }, "upsell", outside)).toBe(true)
    expect(featureOn({ ...staged, tenant_allowlist: [outside] }, "upsell", inside)).toBe(false)
    expect(featureOn({ ...staged, tenant_overrides: { [outside]: { upsell: true } } }, "upsell", outside)).toBe(true)
    expect(featureOn({ ...staged, tenant_allowlist: [inside], tenant_overrides: { [inside]: { upsell: false } } }, "upsell", inside)).toBe(false)
    expect(featureOn({ ...staged, upsell: false, tenant_overrides: { [inside]: { upsell: true } } }, "upsell", inside)).toBe(false)
  })

  it("turns a paused stage off and keeps its percent", () => {
    const paused = { ...staged, rollout_paused: ["upsell" as const] }
    expect(stagePercent(paused, "upsell")).toBe(0)
    expect(paused.upsell_rollout_percent).toBe(5)
    expect(featureOn(paused, "upsell", inside)).toBe(false)
    expect(featureOn(paused, "tiered_catalog", inside)).toBe(true)
  })
})

describe("upsellOn", () => {
  it("needs the catalog and the upsell on for the tenant", () => {
    expect(upsellOn(DEFAULT_FLAGS, "sc_a")).toBe(true)
    expect(upsellOn({ ...DEFAULT_FLAGS, upsell: false }, "sc_a")).toBe(false)
    expect(upsellOn({ ...DEFAULT_FLAGS, segments: false }, "sc_a")).toBe(false)
    expect(upsellOn({ ...DEFAULT_FLAGS, tenant_allowlist: ["sc_b"] }, "sc_a")).toBe(false)
    expect(upsellOn({ ...DEFAULT_FLAGS, upsell_rollout_percent: 0 }, "sc_a")).toBe(false)
  })

  it("lets in the upsell's stage only among the catalog's tenants", () => {
    const flags = { ...DEFAULT_FLAGS, tiered_catalog_rollout_percent: 25, upsell_rollout_percent: 50 }
    expect(tenants.filter((t) => upsellOn(flags, t))).toEqual(tenants.filter((t) => inStage(t, 25)))
  })
})
