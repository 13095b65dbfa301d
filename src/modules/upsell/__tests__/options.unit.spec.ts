import { DEFAULT_FLAGS } from "../../../lib/flags"
import { DEFAULT_GUARDRAIL_SETTINGS } from "../../../lib/guardrails"
import { parseUpsellOptions } from "../options"

const defaultRollout = { ladder: [5, 25, 50, 100], guardrails: DEFAULT_GUARDRAIL_SETTINGS }

describe("parseUpsellOptions", () => {
  it("gives the defaults without options and keeps other modules' keys out of its way", () => {
    expect(parseUpsellOptions(undefined)).toEqual({
      settings: {
        flags: DEFAULT_FLAGS,
        rollout: defaultRollout,
        max_offers: 3,
        upgrade_incentive_percent: 5,
        visitor_secret: null,
      },
    })
    expect("settings" in parseUpsellOptions({ backfillBands: [] })).toBe(true)
  })

  it("takes the merchant's flags and limits", () => {
    const parsed = parseUpsellOptions({ flags: { upsell: false, upsellRolloutPercent: 10, tenantAllowlist: ["sc_1"] }, maxOffers: 1, upgradeIncentivePercent: 0, visitorSecret: "a-long-enough-secret" })
    expect(parsed).toEqual({
      settings: {
        flags: { ...DEFAULT_FLAGS, upsell: false, upsell_rollout_percent: 10, tenant_allowlist: ["sc_1"] },
        rollout: defaultRollout,
        max_offers: 1,
        upgrade_incentive_percent: 0,
        visitor_secret: "a-long-enough-secret",
      },
    })
  })

  it("takes the rollout's ladder and guardrails, the ladder sorted and ending at 100", () => {
    const parsed = parseUpsellOptions({ rollout: { ladder: [50, 10], windowMinutes: 30, minSample: 20, maxLcpP75Ms: 2500 } }) as { settings: { rollout: unknown } }
    expect(parsed.settings.rollout).toEqual({
      ladder: [10, 50, 100],
      guardrails: { ...DEFAULT_GUARDRAIL_SETTINGS, window_minutes: 30, min_sample: 20, max_lcp_p75_ms: 2500 },
    })
    expect("problems" in parseUpsellOptions({ rollout: { ladder: [0] } })).toBe(true)
    expect("problems" in parseUpsellOptions({ rollout: { windowMinutes: 1 } })).toBe(true)
  })

  it("names each problem of invalid options", () => {
    const parsed = parseUpsellOptions({ flags: { upsell: "yes", rollout: 5 }, maxOffers: 0, upgradeIncentivePercent: 80, visitorSecret: "short" }) as { problems: string[] }
    expect(parsed.problems).toEqual([
      expect.stringContaining("flags.upsell:"),
      expect.stringContaining("flags: Unrecognized key"),
      expect.stringContaining("maxOffers:"),
      expect.stringContaining("upgradeIncentivePercent:"),
      expect.stringContaining("visitorSecret:"),
    ])
  })
})
