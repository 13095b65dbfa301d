import { z } from "@medusajs/framework/zod"
import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { DEFAULT_FLAGS, effectiveFlags, FlagOverrides, Flags } from "../../lib/flags"
import { Experiment } from "./models/experiment"
import { ExperimentExposure } from "./models/experiment-exposure"
import { FlagSettings } from "./models/flag-settings"
import { UpsellOffer } from "./models/upsell-offer"
import { UpsellRule } from "./models/upsell-rule"

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
}

/** Upsell rules, offers, experiments and the runtime flags. */
export default class UpsellModuleService extends MedusaService({
  UpsellRule,
  UpsellOffer,
  Experiment,
  ExperimentExposure,
  FlagSettings,
}) {
  protected readonly settings_: UpsellSettings

  constructor(container: Record<string, unknown>, options: unknown = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    const parsed = OptionsSchema.safeParse(options ?? {})
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`)
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `Invalid tiered-storefront options: ${problems.join("; ")}`)
    }
    const { flags = {}, maxOffers = 3, upgradeIncentivePercent = 5 } = parsed.data
    this.settings_ = {
      flags: {
        segments: flags.segments ?? DEFAULT_FLAGS.segments,
        upsell: flags.upsell ?? DEFAULT_FLAGS.upsell,
        upsell_rollout_percent: flags.upsellRolloutPercent ?? DEFAULT_FLAGS.upsell_rollout_percent,
        tenant_allowlist: flags.tenantAllowlist ?? DEFAULT_FLAGS.tenant_allowlist,
      },
      max_offers: maxOffers,
      upgrade_incentive_percent: upgradeIncentivePercent,
    }
  }

  getSettings(): UpsellSettings {
    return this.settings_
  }

  async getFlagOverrides(): Promise<FlagOverrides> {
    const [row] = await this.listFlagSettings({}, { take: 1, order: { created_at: "ASC" } })
    return (row?.overrides as FlagOverrides | undefined) ?? {}
  }

  /** The flags in force: plugin options with the merchant's runtime overrides on top. */
  async getFlags(): Promise<Flags> {
    return effectiveFlags(this.settings_.flags, await this.getFlagOverrides())
  }
}
