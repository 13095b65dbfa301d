import { DEFAULT_FLAGS, effectiveFlags, segmentChannels, upsellOn } from "../flags"

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
})

describe("upsellOn", () => {
  it("needs segments, upsell, the tenant on the list and the visitor in the rollout", () => {
    expect(upsellOn(DEFAULT_FLAGS, "sc_a", "v1")).toBe(true)
    expect(upsellOn({ ...DEFAULT_FLAGS, upsell: false }, "sc_a", "v1")).toBe(false)
    expect(upsellOn({ ...DEFAULT_FLAGS, segments: false }, "sc_a", "v1")).toBe(false)
    expect(upsellOn({ ...DEFAULT_FLAGS, tenant_allowlist: ["sc_b"] }, "sc_a", "v1")).toBe(false)
    expect(upsellOn({ ...DEFAULT_FLAGS, upsell_rollout_percent: 0 }, "sc_a", "v1")).toBe(false)
  })

  it("lets about the rollout share of visitors in, and keeps them in as the percent rises", () => {
    const visitors = Array.from({ length: 20_000 }, (_, i) => `visitor-${i}`)
    const at = (percent: number) =>
      new Set(visitors.filter((v) => upsellOn({ ...DEFAULT_FLAGS, upsell_rollout_percent: percent }, "sc_a", v)))
    const ten = at(10)
    const thirty = at(30)
    expect(Math.abs(ten.size / visitors.length - 0.1)).toBeLessThan(0.01)
    expect(Math.abs(thirty.size / visitors.length - 0.3)).toBeLessThan(0.01)
    expect([...ten].every((v) => thirty.has(v))).toBe(true)
  })
})
