import { parseUpsellOptions } from "../options"

describe("parseUpsellOptions", () => {
  it("gives the defaults without options and keeps other modules' keys out of its way", () => {
    expect(parseUpsellOptions(undefined)).toEqual({
      settings: {
        flags: { segments: true, upsell: true, upsell_rollout_percent: 100, tenant_allowlist: null },
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
        flags: { segments: true, upsell: false, upsell_rollout_percent: 10, tenant_allowlist: ["sc_1"] },
        max_offers: 1,
        upgrade_incentive_percent: 0,
        visitor_secret: "a-long-enough-secret",
      },
    })
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
