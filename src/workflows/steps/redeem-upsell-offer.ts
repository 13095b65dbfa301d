import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"

/** Marks an accepted offer as used by the upgrade of a cart or an order, so it cannot discount twice. */
export const redeemUpsellOfferStep = createStep(
  "redeem-upsell-offer",
  async (input: { offer_id: string | null; redeemed_by: string }, { container }) => {
    if (!input.offer_id) {
      return new StepResponse(null, null)
    }
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    await service.updateUpsellOffers({ id: input.offer_id, redeemed_by: input.redeemed_by, redeemed_at: new Date() })
    return new StepResponse(input.offer_id, input.offer_id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    await service.updateUpsellOffers({ id, redeemed_by: null, redeemed_at: null })
  }
)
