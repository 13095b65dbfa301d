import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUNDLE_MIN_ADDONS, BUNDLE_PERCENT } from "../../lib/addons"
import { assignVariant } from "../../lib/bucketing"
import { featureGains } from "../../lib/comparison"
import { upsellOn } from "../../lib/flags"
import { formatMoney, roundToMinor } from "../../lib/money"
import { composeOffer, ComposedOffer, matchingRules, Trigger, UpsellAction, UpsellContext } from "../../lib/upsell"
import { nextTier } from "../../lib/upgrade"
import { ExposureInput, ShownOfferInput, UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"
import type { ExperimentVariant } from "../../modules/upsell/models/experiment"
import { dateStatusOf } from "../../queries/availability"
import { loadFlags, loadRegion, loadVisibleTiers, Region, tierPricer, VisibleTier } from "../../queries/catalog"
import { loadCartTierLines } from "../../queries/cart"
import { asUpgradeTier } from "../../queries/upgrade"
import { loadUpsellSetup } from "../../queries/upsell"

export type BuildUpsellOffersInput = {
  /** A visitor id the server signed (queries/visitor.ts requestVisitor): buckets follow it. */
  visitor_id: string
  cart_id?: string
  region_id?: string
  context: { segment?: string; viewing_tier_id?: string; event_date?: string; addon_count?: number }
  /** The publishable key's sales channels. */
  sales_channel_ids: string[]
}

export type OfferDraft = ComposedOffer & Omit<ShownOfferInput, keyof ComposedOffer | "shown_on">

export type ExposureDraft = ExposureInput

/**
 * Evaluates the tenant's upsell rules for a visitor's context (and cart) and
 * composes the offers, with experiment variants applied. Reads only; the
 * offers are recorded by the next step.
 */
const noOffers = () => ({ offers: [] as OfferDraft[], exposures: [] as ExposureDraft[] })

export const buildUpsellOffersStep = createStep(
  "build-upsell-offers",
  async (input: BuildUpsellOffersInput, { container }) => {
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const cart = input.cart_id ? await loadCartTierLines(container, input.cart_id, input.sales_channel_ids) : null
    const channel = cart?.sales_channel_id ?? input.sales_channel_ids[0]
    if (!channel) {
      return new StepResponse(noOffers())
    }
    // Offers are advice: cached reads suffice, and checkout verifies any price taken from one.
    const cached = { cached: true }
    if (!upsellOn(await loadFlags(container, cached), channel)) {
      return new StepResponse(noOffers())
    }
    const visible = await loadVisibleTiers(container, [channel], {}, cached)
    const viewing = input.context.viewing_tier_id ? visible.find((t) => t.row.id === input.context.viewing_tier_id) : undefined
    if (input.context.viewing_tier_id && !viewing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${input.context.viewing_tier_id} was not found`)
    }
    const region: Region | null = cart?.region_id
      ? { id: cart.region_id, currency_code: cart.currency_code }
      : input.region_id
        ? await loadRegion(container, input.region_id, cached)
        : null

    const line = cart?.tier_lines.find((l) => visible.some((t) => t.row.id === l.tier_id)) ?? null
    const from = viewing ?? (line ? visible.find((t) => t.row.id === line.tier_id) : undefined) ?? null
    const eventDate = input.context.event_date ?? line?.event_date ?? null
    const addonCount = input.context.addon_count ?? (line && (!viewing || viewing.row.id === line.tier_id) ? line.addon_units : 0)
    const date = from && eventDate ? await dateStatusOf(container, channel, from.row.product!.id, eventDate, cached) : null
    const ctx: UpsellContext = {
      segment: input.context.segment ?? from?.row.segment.handle,
      viewing_tier: viewing ? { segment: viewing.row.segment.handle, level: viewing.row.level } : undefined,
      addon_count: addonCount,
      date_status: date?.status,
      cart_subtotal: cart?.subtotal ?? 0,
    }

    const { max_offers, upgrade_incentive_percent } = await service.getSettings()
    const inScope = (ids: unknown) => !(ids as string[] | null)?.length || (ids as string[]).includes(channel)
    const { rules, experiments } = await loadUpsellSetup(container)
    const matched = matchingRules(
      rules
        .filter((r) => inScope(r.sales_channel_ids))
        .map((r) => ({ ...r, trigger: r.trigger as Trigger, action: r.action as UpsellAction })),
      ctx,
      new Date(),
      Number.MAX_SAFE_INTEGER
    )
    const assigned = experiments
      .filter((e) => inScope(e.sales_channel_ids))
      .map((e) => {
        const variants = e.variants as ExperimentVariant[]
        const key = assignVariant(e.key, input.visitor_id, e.traffic_percent, variants)
        return { experiment: e, variant: key ? variants.find((v) => v.key === key)! : null }
      })
      .filter((a) => a.variant)

    const price = region ? await tierPricer(container, visible, region, cached) : null
    const finalOf = (tier: VisibleTier) => price?.(tier, eventDate)?.final ?? null
    const currentPrice = from ? (line && line.tier_id === from.row.id ? line.unit_price : finalOf(from)) : null
    const fromTier = from ? asUpgradeTier(from, currentPrice ?? 0) : null
    const next = fromTier
      ? nextTier(
          fromTier,
          visible.flatMap((t) => {
            const final = finalOf(t)
            // Without prices (no region) only levels of the same segment can be ordered.
            return final !== null ? [asUpgradeTier(t, final)] : t.row.segment_id === fromTier.segment_id ? [asUpgradeTier(t, 0)] : []
          }),
          currentPrice ?? 0
        )
      : null
    const nextRow = next ? visible.find((t) => t.row.id === next.id)! : null
    const featuresAdded = fromTier && next ? featureGains(fromTier.features, next.features).map((gain) => gain.text) : []

    const offers: OfferDraft[] = []
    const exposed = new Map<string, ExposureDraft>()
    for (const rule of matched) {
      if (offers.length >= max_offers) {
        break
      }
      const applied = assigned.find((a) => {
        const ruleIds = (a.experiment.rule_ids as string[] | null) ?? []
        return !ruleIds.length || ruleIds.includes(rule.id)
      })
      if (applied) {
        exposed.set(applied.experiment.id, {
          experiment_id: applied.experiment.id,
          experiment_key: applied.experiment.key,
          variant: applied.variant!.key,
          visitor_id: input.visitor_id,
          sales_channel_id: channel,
        })
      }
      const composed = composeOffer({
        rule: { id: rule.id, action: rule.action, incentive_percent: rule.incentive_percent, headline: rule.headline, body: rule.body },
        variant: applied?.variant ?? null,
        from: from ? { id: from.row.id, name: from.row.name } : null,
        next: nextRow ? { id: nextRow.row.id, name: nextRow.row.name } : null,
        features_added: featuresAdded,
        segment_name: from?.row.segment.name ?? null,
        addon_count: addonCount,
        bundle: { min_addons: BUNDLE_MIN_ADDONS, percent: BUNDLE_PERCENT },
        date: date ? { status: date.status, remaining: date.remaining } : null,
        default_upgrade_incentive: upgrade_incentive_percent,
        difference: (percent) => {
          const target = nextRow && price?.(nextRow, eventDate, percent ? { rule_id: "upgrade", label: "Upgrade offer", percent: -percent } : null)
          return target && currentPrice !== null ? roundToMinor(target.final - currentPrice, region!.currency_code) : null
        },
        money: (amount) => formatMoney(amount, region?.currency_code ?? "usd"),
      })
      if (!composed) {
        continue
      }
      offers.push({
        ...composed,
        sales_channel_id: channel,
        visitor_id: input.visitor_id,
        cart_id: cart?.id ?? null,
        event_date: eventDate,
        currency_code: composed.price_difference === null ? null : region!.currency_code,
        experiment_key: applied?.experiment.key ?? null,
        experiment_variant: applied?.variant?.key ?? null,
      })
    }
    return new StepResponse({ offers, exposures: [...exposed.values()] })
  }
)
