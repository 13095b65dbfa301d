import { Context } from "@medusajs/framework/types"
import { BigNumber, EmitEvents, generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { sqlFilters } from "../../lib/sql"
import { effectiveFlags, FlagOverrides, Flags, ROLLOUT_PERCENT_KEY } from "../../lib/flags"
import { planRolloutChange, RolloutFeature, RolloutRequest } from "../../lib/rollout"
import { tiersKey } from "../../lib/upsell"
import { Experiment } from "./models/experiment"
import { ExperimentExposure } from "./models/experiment-exposure"
import { FlagSettings } from "./models/flag-settings"
import { RolloutChange } from "./models/rollout-change"
import { UpsellOffer } from "./models/upsell-offer"
import { UpsellRule } from "./models/upsell-rule"
import { parseUpsellOptions, UpsellSettings } from "./options"

export type { UpsellModuleOptions, UpsellSettings } from "./options"

/** An offer as first shown to a visitor today. */
export type ShownOfferInput = {
  rule_id: string
  sales_channel_id: string
  visitor_id: string
  cart_id: string | null
  action: string
  headline: string
  body: string | null
  from_tier_id: string | null
  to_tier_id: string | null
  event_date: string | null
  incentive_percent: number | null
  price_difference: number | null
  currency_code: string | null
  remaining_slots: number | null
  experiment_key: string | null
  experiment_variant: string | null
  /** The UTC day, YYYY-MM-DD. */
  shown_on: string
}

export type ExposureInput = {
  experiment_id: string
  experiment_key: string
  variant: string
  visitor_id: string
  sales_channel_id: string
}

const OFFER_COLUMNS = [
  "id", "rule_id", "sales_channel_id", "visitor_id", "cart_id", "action", "headline", "body", "from_tier_id",
  "to_tier_id", "event_date", "incentive_percent", "price_difference", "raw_price_difference", "currency_code",
  "remaining_slots", "experiment_key", "experiment_variant", "shown_on", "tiers_key",
] as const

export type RolloutChangeInput = {
  feature: RolloutFeature
  request: RolloutRequest
  reason: string
  /** The admin user; null for the guardrails' job. */
  actor_id: string | null
  figures?: Record<string, unknown> | null
}

/** Upsell rules, offers, experiments and the runtime flags. */
export default class UpsellModuleService extends MedusaService({
  UpsellRule,
  UpsellOffer,
  Experiment,
  ExperimentExposure,
  FlagSettings,
  RolloutChange,
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

  async getSettings(): Promise<UpsellSettings> {
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

  /**
   * Moves a feature's rollout and records the change, in one transaction: the stage and its history
   * never disagree, and concurrent changes (two admins, the guardrails' job) take turns, each
   * planned from the stage the one before it left.
   */
  @InjectManager()
  @EmitEvents()
  async changeRollout(input: RolloutChangeInput, @MedusaContext() sharedContext: Context = {}) {
    return await this.changeRollout_(input, sharedContext)
  }

  // The flag row is replaced through the generated methods: their module events drop the cached flags.
  @InjectTransactionManager()
  protected async changeRollout_(input: RolloutChangeInput, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    await manager.execute(`select pg_advisory_xact_lock(hashtext('tiered.rollout'))`)
    const [row] = await this.listFlagSettings({}, { take: 1, order: { created_at: "ASC" } }, sharedContext)
    const before = ((row?.overrides as FlagOverrides | undefined) ?? {}) as FlagOverrides
    const flags = effectiveFlags(this.settings_.flags, before)
    const key = ROLLOUT_PERCENT_KEY[input.feature]
    const from = { percent: flags[key], paused: flags.rollout_paused.includes(input.feature) }
    const plan = planRolloutChange(this.settings_.rollout.ladder, from, input.request)
    if ("refused" in plan) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${input.feature}: ${plan.refused}`)
    }
    const paused = flags.rollout_paused.filter((f) => f !== input.feature)
    const next: FlagOverrides = { ...before, [key]: plan.to.percent, rollout_paused: plan.to.paused ? [...paused, input.feature] : paused }
    await this.replaceFlagOverrides_(row?.id ?? null, next, sharedContext)
    const change = await this.createRolloutChanges(
      {
        feature: input.feature,
        action: input.request.action,
        from_percent: from.percent,
        to_percent: plan.to.percent,
        from_paused: from.paused,
        to_paused: plan.to.paused,
        reason: input.reason,
        actor_id: input.actor_id,
        figures: input.figures ?? null,
      },
      sharedContext
    )
    return { change, previous_overrides: before }
  }

  /** Takes a rollout change back (its workflow failed after it): the overrides before it, and no record. */
  @InjectManager()
  @EmitEvents()
  async undoRolloutChange(changeId: string, previous: FlagOverrides, @MedusaContext() sharedContext: Context = {}) {
    return await this.undoRolloutChange_(changeId, previous, sharedContext)
  }

  @InjectTransactionManager()
  protected async undoRolloutChange_(changeId: string, previous: FlagOverrides, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    await manager.execute(`select pg_advisory_xact_lock(hashtext('tiered.rollout'))`)
    const [row] = await this.listFlagSettings({}, { take: 1, order: { created_at: "ASC" } }, sharedContext)
    await this.replaceFlagOverrides_(row?.id ?? null, previous, sharedContext)
    await this.deleteRolloutChanges(changeId, sharedContext)
  }

  @InjectTransactionManager()
  protected async replaceFlagOverrides_(rowId: string | null, overrides: FlagOverrides, @MedusaContext() sharedContext: Context = {}) {
    if (rowId) {
      await this.deleteFlagSettings(rowId, sharedContext)
    }
    await this.createFlagSettings({ overrides }, sharedContext)
  }

  /**
   * Records offers not yet shown to their visitor today. The once-a-day unique index settles
   * concurrent requests of one visitor: a row already there is left as it is.
   * @returns the ids of the rows this call created.
   */
  @InjectManager()
  async insertShownOffers(offers: ShownOfferInput[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    if (!offers.length) {
      return []
    }
    const manager = sharedContext.manager as SqlEntityManager
    const params: unknown[] = []
    const rows = offers.map((o) => {
      const values: Record<(typeof OFFER_COLUMNS)[number], unknown> = {
        ...o,
        id: generateEntityId(undefined, "upso"),
        raw_price_difference: o.price_difference === null ? null : JSON.stringify(new BigNumber(o.price_difference).raw),
        tiers_key: tiersKey(o),
      }
      params.push(...OFFER_COLUMNS.map((c) => values[c]))
      return `(${OFFER_COLUMNS.map((c) => (c === "raw_price_difference" ? "?::jsonb" : "?")).join(", ")})`
    })
    const inserted = await manager.execute(
      `insert into upsell_offer (${OFFER_COLUMNS.join(", ")}) values ${rows.join(", ")}
       on conflict do nothing returning id`,
      params
    )
    return (inserted as { id: string }[]).map((r) => r.id)
  }

  /**
   * Records each visitor's first exposure to an experiment; later ones change nothing.
   * @returns the ids of the rows this call created.
   */
  @InjectManager()
  async insertExposures(exposures: ExposureInput[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    if (!exposures.length) {
      return []
    }
    const manager = sharedContext.manager as SqlEntityManager
    const columns = ["id", "experiment_id", "experiment_key", "variant", "visitor_id", "sales_channel_id"] as const
    const params = exposures.flatMap((x) => [
      generateEntityId(undefined, "expx"),
      x.experiment_id,
      x.experiment_key,
      x.variant,
      x.visitor_id,
      x.sales_channel_id,
    ])
    const inserted = await manager.execute(
      `insert into experiment_exposure (${columns.join(", ")})
       values ${exposures.map(() => `(${columns.map(() => "?").join(", ")})`).join(", ")}
       on conflict do nothing returning id`,
      params
    )
    return (inserted as { id: string }[]).map((r) => r.id)
  }

  /**
   * Marks an offer used by `redeemedBy` when nothing used it yet, in one conditional update,
   * so of any number of concurrent upgrades exactly one gets it.
   * @returns what the compensation needs to release it, or null when it was already used.
   */
  @InjectManager()
  async redeemOffer(id: string, redeemedBy: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    // A time of JS precision, so the release can match it exactly.
    const at = new Date()
    const rows = await manager.execute(
      `update upsell_offer set redeemed_by = ?, redeemed_at = ?, updated_at = now()
       where id = ? and redeemed_at is null and deleted_at is null
       returning visitor_id`,
      [redeemedBy, at, id]
    )
    const [row] = rows as { visitor_id: string }[]
    return row ? { id, redeemed_by: redeemedBy, redeemed_at: at, visitor_id: row.visitor_id } : null
  }

  /** Undoes one redemption, and only that one. */
  @InjectManager()
  async releaseOffer(redemption: { id: string; redeemed_by: string; redeemed_at: Date | string }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    await manager.execute(
      `update upsell_offer set redeemed_by = null, redeemed_at = null, updated_at = now()
       where id = ? and redeemed_by = ? and redeemed_at = ?`,
      [redemption.id, redemption.redeemed_by, new Date(redemption.redeemed_at)]
    )
  }

  /**
   * Impressions (once per visitor, rule and UTC day), acceptances and declines per rule between
   * two UTC days (inclusive), for a tenant or all.
   */
  @InjectManager()
  async offerCounts(filter: { from: string; to: string; sales_channel_id?: string; time_zone: string }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    const zone = filter.time_zone
    // A visitor's offer counts once per day of the report's zone; the bounds are that zone's midnights.
    const params: unknown[] = [zone, zone, zone, filter.from, zone, filter.to, zone]
    let tenant = ""
    if (filter.sales_channel_id) {
      tenant = " and o.sales_channel_id = ?"
      params.push(filter.sales_channel_id)
    }
    const rows = await manager.execute(
      `select o.rule_id, count(distinct (o.visitor_id, (o.created_at at time zone ?)::date)) as shown,
         count(distinct (o.visitor_id, (o.created_at at time zone ?)::date)) filter (where o.status = 'accepted') as accepted,
         count(distinct (o.visitor_id, (o.created_at at time zone ?)::date)) filter (where o.status = 'declined') as declined
       from upsell_offer o
       where o.deleted_at is null and o.created_at >= (?::date::timestamp at time zone ?) and o.created_at < ((?::date + 1)::timestamp at time zone ?)${tenant}
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
