import { z } from "@medusajs/framework/zod"
import { DEFAULT_FLAGS, Flags } from "../../lib/flags"

const OptionsSchema = z
  .object({
    flags: z
      .object({
        segments: z.boolean().optional(),
        upsell: z.boolean().optional(),
        upsellRolloutPercent: z.number().min(0).max(100).optional(),
        tenantAllowlist: z.array(z.string().min(1)).nullable().optional(),
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
  const { flags = {}, maxOffers = 3, upgradeIncentivePercent = 5, visitorSecret } = parsed.data
  return {
    settings: {
      flags: {
        segments: flags.segments ?? DEFAULT_FLAGS.segments,
        upsell: flags.upsell ?? DEFAULT_FLAGS.upsell,
        upsell_rollout_percent: flags.upsellRolloutPercent ?? DEFAULT_FLAGS.upsell_rollout_percent,
        tenant_allowlist: flags.tenantAllowlist ?? DEFAULT_FLAGS.tenant_allowlist,
      },
      max_offers: maxOffers,
      upgrade_incentive_percent: upgradeIncentivePercent,
      visitor_secret: visitorSecret ?? null,
    },
  }
}
