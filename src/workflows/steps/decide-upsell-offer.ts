import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"
import { dropVisitorOffers } from "../../queries/visitor"
import { ConflictError } from "../../lib/errors"

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
    // The visitor's cached offers answer carries the status.
    await dropVisitorOffers(container, [offer.visitor_id])
    return new StepResponse(updated, { id: offer.id, visitor_id: offer.visitor_id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    await service.updateUpsellOffers({ id: undo.id, status: "shown", decided_at: null })
    await dropVisitorOffers(container, [undo.visitor_id])
  }
)
