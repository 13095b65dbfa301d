import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { tiersKey } from "../../lib/upsell"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"
import { tenantToday } from "../../queries/time-zones"
import { ExposureDraft, OfferDraft } from "./build-upsell-offers"

/** An offer as answered: what was computed now, under the visitor's recorded offer and its status. */
export type RecordedOffer = OfferDraft & { id: string; status: "shown" | "accepted" | "declined" }

/** What an offer still awaiting a decision shows; refreshed when it was computed differently. */
const TERMS = [
  "action",
  "headline",
  "body",
  "event_date",
  "incentive_percent",
  "price_difference",
  "currency_code",
  "remaining_slots",
  "experiment_key",
  "experiment_variant",
  "cart_id",
] as const
type Terms = Pick<OfferDraft, (typeof TERMS)[number]>

const slot = (o: { rule_id: string; from_tier_id: string | null; to_tier_id: string | null }) => `${o.rule_id}|${tiersKey(o)}`
const same = (a: unknown, b: unknown) => (a === null || a === undefined ? b === null || b === undefined : b !== null && b !== undefined && String(a) === String(b))

/**
 * Records each offer once per visitor, tenant, rule, from/to tiers and the tenant's day (in its time zone), and each visitor's
 * first exposure to an experiment: a visitor asking again reuses its offers and writes nothing
 * (unless an offer awaiting its decision now reads differently: another date, an edited rule).
 */
export const recordUpsellOffersStep = createStep(
  "record-upsell-offers",
  async (input: { offers: OfferDraft[]; exposures: ExposureDraft[] }, { container }) => {
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const [first] = input.offers
    const shownOn = first ? await tenantToday(container, first.sales_channel_id, { cached: true }) : ""
    const recorded = () =>
      service.listUpsellOffers({
        sales_channel_id: first.sales_channel_id,
        visitor_id: first.visitor_id,
        shown_on: shownOn,
        rule_id: [...new Set(input.offers.map((o) => o.rule_id))],
      })
    let rows = first ? await recorded() : []
    const missing = input.offers.filter((o) => !rows.some((r) => slot(r) === slot(o)))
    const created = await service.insertShownOffers(missing.map((o) => ({ ...o, shown_on: shownOn })))
    if (missing.length) {
      // Read back: rows of a concurrent request of the same visitor won the unique index.
      rows = await recorded()
    }
    const answered: RecordedOffer[] = []
    const refreshed: { id: string; before: Terms; after: Terms }[] = []
    for (const offer of input.offers) {
      const row = rows.find((r) => slot(r) === slot(offer))!
      // A cart, once known, stays: an ask without one does not detach the offer from it.
      const now = { ...offer, cart_id: offer.cart_id ?? row.cart_id }
      if (row.status === "shown" && TERMS.some((k) => !same(row[k], now[k]))) {
        const pick = (o: Record<string, unknown>) => Object.fromEntries(TERMS.map((k) => [k, o[k] ?? null])) as Terms
        refreshed.push({ id: row.id, before: pick({ ...row, price_difference: row.price_difference === null ? null : Number(row.price_difference) }), after: pick(now) })
      }
      answered.push({ ...now, id: row.id, status: row.status })
    }
    if (refreshed.length) {
      await service.updateUpsellOffers(refreshed.map((r) => ({ id: r.id, ...r.after })))
    }
    const exposures = await service.insertExposures(input.exposures)
    return new StepResponse(
      { offers: answered, created: answered.filter((o) => created.includes(o.id)) },
      { offers: created, exposures, refreshed: refreshed.map((r) => ({ id: r.id, ...r.before })) }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    if (undo.offers.length) {
      await service.deleteUpsellOffers(undo.offers)
    }
    if (undo.exposures.length) {
      await service.deleteExperimentExposures(undo.exposures)
    }
    if (undo.refreshed.length) {
      await service.updateUpsellOffers(undo.refreshed)
    }
  }
)
