import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { valuesBefore } from "../../lib/undo"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"

export type UpsellRuleUpdate = { id: string } & Record<string, unknown>

export const updateUpsellRulesStep = createStep(
  "update-upsell-rules",
  async (input: UpsellRuleUpdate[], { container }) => {
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const previous = await service.listUpsellRules({ id: input.map((r) => r.id) })
    const rules = await service.updateUpsellRules(input)
    return new StepResponse(rules, valuesBefore(previous, input))
  },
  async (undo, { container }) => {
    if (!undo?.length) {
      return
    }
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    await service.updateUpsellRules(undo)
  }
)
