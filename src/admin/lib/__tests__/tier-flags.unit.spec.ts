import { allowlistForm, allowlistValue, flagValueText, isOverridden } from "../tier-flags"
import type { TierFlagsState } from "../../../contract/admin"

const defaults = {
  segments: true,
  upsell: true,
  tiered_catalog_rollout_percent: 100,
  upsell_rollout_percent: 100,
  rollout_paused: [],
  tenant_allowlist: null,
  tenant_overrides: {},
}
const state: TierFlagsState = {
  flags: { ...defaults, upsell: false },
  defaults,
  overrides: { upsell: false },
}
const name = (id: string) => ({ sc_1: "Harbour Studio" })[id] ?? id

describe("tier flags", () => {
  it("tells a runtime change from a default, even when the change is false", () => {
    expect(isOverridden(state, "upsell")).toBe(true)
    expect(isOverridden(state, "segments")).toBe(false)
    expect(isOverridden({ ...state, overrides: { tenant_allowlist: null } }, "tenant_allowlist")).toBe(true)
  })

  it("reads each value in words", () => {
    expect(flagValueText("segments", true, name)).toBe("On")
    expect(flagValueText("upsell", false, name)).toBe("Off")
    expect(flagValueText("upsell_rollout_percent", 25, name)).toBe("25%")
    expect(flagValueText("tenant_allowlist", null, name)).toBe("Every tenant")
    expect(flagValueText("tenant_allowlist", ["sc_1", "sc_2"], name)).toBe("Only Harbour Studio, sc_2")
    expect(flagValueText("tenant_allowlist", [], name)).toBe("No tenant")
  })

  it("keeps the allowlist's null (every tenant) apart from an empty list", () => {
    expect(allowlistValue(allowlistForm(null))).toBeNull()
    expect(allowlistValue(allowlistForm([]))).toEqual([])
    expect(allowlistValue(allowlistForm(["sc_1"]))).toEqual(["sc_1"])
    expect(allowlistValue({ every: true, ids: ["sc_1"] })).toBeNull()
  })
})
