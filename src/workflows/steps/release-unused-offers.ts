import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import type { RepairInput } from "../../modules/booking/service"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"

/**
 * An offer is used up before the upgrade that uses it changes anything; when the process died
 * before the upgrade's line was recorded, no line carries the offer and, after the grace period,
 * it is freed so the couple can use it again.
 */
export const releaseUnusedOffersStep = createStep(
  "release-unused-offers",
  async (input: { since: string | null; grace_minutes: number }, { container }) => {
    const upsell: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const before = new Date(Date.now() - input.grace_minutes * 60_000)
    const offers = await upsell.listUpsellOffers(
      { redeemed_at: { $lte: before, ...(input.since ? { $gte: new Date(input.since) } : {}) } },
      { select: ["id", "sales_channel_id", "redeemed_by", "redeemed_at"] }
    )
    if (!offers.length) {
      return new StepResponse({ repairs: 0 })
    }
    const used = new Set(
      (await service.listTierLines({ upsell_offer_id: offers.map((o) => o.id) }, { select: ["upsell_offer_id"] })).map((r) => r.upsell_offer_id)
    )
    const repairs: RepairInput[] = []
    for (const offer of offers.filter((o) => !used.has(o.id) && o.redeemed_by && o.redeemed_at)) {
      await upsell.releaseOffer({ id: offer.id, redeemed_by: offer.redeemed_by!, redeemed_at: offer.redeemed_at! })
      repairs.push({
        kind: "offer_released",
        sales_channel_id: offer.sales_channel_id,
        reason: `Offer ${offer.id} was used by an upgrade of ${offer.redeemed_by} that did not happen; it can be used again`,
      })
    }
    return new StepResponse({ repairs: await service.recordRepairs(repairs) })
  }
)
