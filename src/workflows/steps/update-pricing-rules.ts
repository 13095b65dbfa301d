import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { valuesBefore } from "../../lib/undo"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import { PricingRuleFields } from "../../modules/segments/types"

export type PricingRuleUpdate = { id: string } & Partial<PricingRuleFields>

export const updatePricingRulesStep = createStep(
  "update-pricing-rules",
  async (input: PricingRuleUpdate[], { container }) => {
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const previous = await service.listPricingRules({ id: input.map((r) => r.id) })
    const rules = await service.updatePricingRules(input)
    return new StepResponse(rules, valuesBefore(previous, input))
  },
  async (undo, { container }) => {
    if (!undo?.length) {
      return
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    await service.updatePricingRules(undo)
  }
)
