import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"

export const deletePricingRulesStep = createStep(
  "delete-pricing-rules",
  async (ids: string[], { container }) => {
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    await service.softDeletePricingRules(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    await service.restorePricingRules(ids)
  }
)
