import { z } from "@medusajs/framework/zod"
import { DEFAULT_FLAGS, Flags } from "../../lib/flags"
import { DEFAULT_GUARDRAIL_SETTINGS, GuardrailSettings } from "../../lib/guardrails"
import { DEFAULT_LADDER, normalizeLadder } from "../../lib/rollout"

const OptionsSchema = z
  .object({
    flags: z
      .object({
        segments: z.boolean().optional(),
        upsell: z.boolean().optional(),
        tieredCatalogRolloutPercent: z.number().min(0).max(100).optional(),
        upsellRolloutPercent: z.number().min(0).max(100).optional(),
        tenantAllowlist: z.array(z.string().min(1)).nullable().optional(),
      })
      .strict()
      .optional(),
    rollout: z
      .object({
        /** The stages advance and rollback step through, percent of tenants. */
        ladder: z.array(z.number().int().min(1).max(100)).min(1).max(20).optional(),
        windowMinutes: z.number().int().min(5).max(7 * 24 * 60).optional(),
        minSample: z.number().int().min(1).max(1_000_000).optional(),
        maxErrorRatePercent: z.number().min(0).max(100).optional(),
        maxConversionDropPercent: z.number().min(0).max(100).optional(),
        maxLcpP75Ms: z.number().int().min(100).max(60_000).optional(),
      })
      .strict()
      .optional(),
    maxOffers: z.number().int().min(1).max(10).optional(),
    upgradeIncentivePercent: z.number().min(0).max(50).optional(),
    /** Signs the visitor ids the server issues; the app's cookieSecret when absent. */
    visitorSecret: z.string().min(16).optional(),
  })
  // The plugin's options reach every module of the plugin; others' keys are theirs to check.
  .passthrough()

export type UpsellModuleOptions = z.infer<typeof OptionsSchema>

export type UpsellSettings = {
  flags: Flags
  /** The rollout's ladder (ascending, ending at 100) and its guardrails. */
  rollout: { ladder: number[]; guardrails: GuardrailSettings }
  /** Offers answered per request at most. */
  max_offers: number
  /** Percent off the target tier that an upgrade offer grants when its rule sets none. */
  upgrade_incentive_percent: number
  /** The secret visitor ids are signed with; null = the app's `http.cookieSecret`. */
  visitor_secret: string | null
}

/** The upsell settings from the plugin options, or the list of what is wrong with them. */
export function parseUpsellOptions(options: unknown): { settings: UpsellSettings } | { problems: string[] } {
  const parsed = OptionsSchema.safeParse(options ?? {})
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`) }
  }
  const { flags = {}, rollout = {}, maxOffers = 3, upgradeIncentivePercent = 5, visitorSecret } = parsed.data
  return {
    settings: {
      flags: {
        segments: flags.segments ?? DEFAULT_FLAGS.segments,
        upsell: flags.upsell ?? DEFAULT_FLAGS.upsell,
        tiered_catalog_rollout_percent: flags.tieredCatalogRolloutPercent ?? DEFAULT_FLAGS.tiered_catalog_rollout_percent,
        upsell_rollout_percent: flags.upsellRolloutPercent ?? DEFAULT_FLAGS.upsell_rollout_percent,
        rollout_paused: DEFAULT_FLAGS.rollout_paused,
        tenant_allowlist: flags.tenantAllowlist ?? DEFAULT_FLAGS.tenant_allowlist,
        tenant_overrides: DEFAULT_FLAGS.tenant_overrides,
      },
      rollout: {
        ladder: normalizeLadder(rollout.ladder ?? DEFAULT_LADDER),
        guardrails: {
          window_minutes: rollout.windowMinutes ?? DEFAULT_GUARDRAIL_SETTINGS.window_minutes,
          min_sample: rollout.minSample ?? DEFAULT_GUARDRAIL_SETTINGS.min_sample,
          max_error_rate_percent: rollout.maxErrorRatePercent ?? DEFAULT_GUARDRAIL_SETTINGS.max_error_rate_percent,
          max_conversion_drop_percent: rollout.maxConversionDropPercent ?? DEFAULT_GUARDRAIL_SETTINGS.max_conversion_drop_percent,
          max_lcp_p75_ms: rollout.maxLcpP75Ms ?? DEFAULT_GUARDRAIL_SETTINGS.max_lcp_p75_ms,
        },
      },
      max_offers: maxOffers,
      upgrade_incentive_percent: upgradeIncentivePercent,
      visitor_secret: visitorSecret ?? null,
    },
  }
}
