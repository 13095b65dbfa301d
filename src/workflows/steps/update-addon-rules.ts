import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { valuesBefore } from "../../lib/undo"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"

export type AddonRuleUpdate = { id: string; max_quantity: number }

export const updateAddonRulesStep = createStep(
  "update-addon-rules",
  async (input: AddonRuleUpdate[], { container }) => {
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const previous = await service.listAddonRules({ id: input.map((r) => r.id) })
    const rules = await service.updateAddonRules(input)
    return new StepResponse(rules, valuesBefore(previous, input))
  },
  async (undo, { container }) => {
    if (!undo?.length) {
      return
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    await service.updateAddonRules(undo)
  }
)
