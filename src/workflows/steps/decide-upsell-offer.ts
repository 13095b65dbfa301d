import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"
import { ConflictError } from "../errors"

export type DecideUpsellOfferInput = {
  id: string
  decision: "accepted" | "declined"
  /** The publishable key's sales channels: the offer must be one of theirs. */
  sales_channel_ids: string[]
}

/** Records a visitor's one decision on an offer; a second decision is a conflict. Runs under the offer's lock. */
export const decideUpsellOfferStep = createStep(
  "decide-upsell-offer",
  async (input: DecideUpsellOfferInput, { container }) => {
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const [offer] = await service.listUpsellOffers({ id: input.id })
    if (!offer || !input.sales_channel_ids.includes(offer.sales_channel_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer ${input.id} was not found`)
    }
    if (offer.status !== "shown") {
      throw new ConflictError(`Offer ${offer.id} was already ${offer.status}`)
    }
    const updated = await service.updateUpsellOffers({ id: offer.id, status: input.decision, decided_at: new Date() })
    return new StepResponse(updated, offer.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    await service.updateUpsellOffers({ id, status: "shown", decided_at: null })
  }
)
