import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"
import { dropVisitorOffers } from "../../queries/visitor"
import { ConflictError } from "../../lib/errors"

/**
 * Uses up an accepted offer for the upgrade of a cart or an order in one conditional update:
 * of any number of upgrades racing with the same offer, one gets it and the others a 409.
 */
export const redeemUpsellOfferStep = createStep(
  "redeem-upsell-offer",
  async (input: { offer_id: string | null; redeemed_by: string }, { container }) => {
    if (!input.offer_id) {
      return new StepResponse(null, null)
    }
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const redemption = await service.redeemOffer(input.offer_id, input.redeemed_by)
    if (!redemption) {
      throw new ConflictError(`Offer ${input.offer_id} was already used`)
    }
    await dropVisitorOffers(container, [redemption.visitor_id])
    return new StepResponse(input.offer_id, redemption)
  },
  async (redemption, { container }) => {
    if (!redemption) {
      return
    }
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    await service.releaseOffer(redemption)
    await dropVisitorOffers(container, [redemption.visitor_id])
  }
)
