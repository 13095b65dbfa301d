import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { sqlFilters } from "../../lib/sql"
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

  /** Offers shown, accepted and declined per rule between two UTC days (inclusive), for a tenant or all. */
  @InjectManager()
  async offerCounts(filter: { from: string; to: string; sales_channel_id?: string }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    const params: unknown[] = [filter.from, filter.to]
    let tenant = ""
    if (filter.sales_channel_id) {
      tenant = " and o.sales_channel_id = ?"
      params.push(filter.sales_channel_id)
    }
    const rows = await manager.execute(
      `select o.rule_id, count(*) as shown,
         count(*) filter (where o.status = 'accepted') as accepted,
         count(*) filter (where o.status = 'declined') as declined
       from upsell_offer o
       where o.deleted_at is null and o.created_at >= ?::date and o.created_at < (?::date + 1)${tenant}
       group by o.rule_id`,
      params
    )
    return (rows as Record<string, unknown>[]).map((r) => ({
      rule_id: String(r.rule_id),
      shown: Number(r.shown),
      accepted: Number(r.accepted),
      declined: Number(r.declined),
    }))
  }

  /** Visitors exposed to each variant of the experiments, for a tenant or all. */
  @InjectManager()
  async exposureCounts(experimentIds: string[], salesChannelId: string | undefined, @MedusaContext() sharedContext: Context = {}) {
    if (!experimentIds.length) {
      return []
    }
    const manager = sharedContext.manager as SqlEntityManager
    const { list, extra: tenant, params } = sqlFilters(experimentIds, { column: "x.sales_channel_id", value: salesChannelId })
    const rows = await manager.execute(
      `select x.experiment_id, x.variant, count(distinct x.visitor_id) as visitors
       from experiment_exposure x
       where x.deleted_at is null and x.experiment_id in (${list})${tenant}
       group by 1, 2`,
      params
    )
    return (rows as Record<string, unknown>[]).map((r) => ({
      experiment_id: String(r.experiment_id),
      variant: String(r.variant),
      visitors: Number(r.visitors),
    }))
  }
}
