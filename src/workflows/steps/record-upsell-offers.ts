import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"
import { ExposureDraft, OfferDraft } from "./build-upsell-offers"

/**
 * Records the offers as shown and each visitor's first exposure to an
 * experiment (later requests of the same visitor leave the first one).
 */
export const recordUpsellOffersStep = createStep(
  "record-upsell-offers",
  async (input: { offers: OfferDraft[]; exposures: ExposureDraft[] }, { container }) => {
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const offers = input.offers.length ? await service.createUpsellOffers(input.offers) : []
    const exposureIds: string[] = []
    for (const exposure of input.exposures) {
      const [seen] = await service.listExperimentExposures(
        { experiment_id: exposure.experiment_id, visitor_id: exposure.visitor_id },
        { select: ["id"] }
      )
      if (seen) {
        continue
      }
      try {
        exposureIds.push((await service.createExperimentExposures(exposure)).id)
      } catch (e) {
        // A concurrent request of the same visitor recorded it first: the unique index keeps one.
        if (!/already exists|unique|duplicate/i.test(String((e as Error)?.message))) {
          throw e
        }
      }
    }
    return new StepResponse(offers, { offers: offers.map((o) => o.id), exposures: exposureIds })
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
  }
)
