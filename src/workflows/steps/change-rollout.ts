import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"
import type { RolloutChangeInput } from "../../modules/upsell/service"

/** Moves a feature's stage and records the change (one transaction); undone by restoring the flags before it. */
export const changeRolloutStep = createStep(
  "change-rollout",
  async (input: RolloutChangeInput, { container }) => {
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const { change, previous_overrides } = await service.changeRollout(input)
    return new StepResponse(change, { id: change.id, previous_overrides })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    await service.undoRolloutChange(undo.id, undo.previous_overrides)
  }
)
