import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { effectiveFlags, FlagOverrides, Flags } from "../../lib/flags"
import { Experiment } from "./models/experiment"
import { ExperimentExposure } from "./models/experiment-exposure"
import { FlagSettings } from "./models/flag-settings"
import { UpsellOffer } from "./models/upsell-offer"
import { UpsellRule } from "./models/upsell-rule"
import { parseUpsellOptions, UpsellSettings } from "./options"

export type { UpsellModuleOptions, UpsellSettings } from "./options"

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
    const parsed = parseUpsellOptions(options)
    if ("problems" in parsed) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `Invalid tiered-storefront options: ${parsed.problems.join("; ")}`)
    }
    this.settings_ = parsed.settings
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
