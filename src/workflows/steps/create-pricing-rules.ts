import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import { PricingRuleFields } from "../../modules/segments/types"

export const createPricingRulesStep = createStep(
  "create-pricing-rules",
  async (input: PricingRuleFields[], { container }) => {
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const rules = await service.createPricingRules(input)
    return new StepResponse(rules, rules.map((r) => r.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    await service.deletePricingRules(ids)
  }
)
