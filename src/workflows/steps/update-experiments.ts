import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { valuesBefore } from "../../lib/undo"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"

export type ExperimentUpdate = { id: string } & Record<string, unknown>

export const updateExperimentsStep = createStep(
  "update-experiments",
  async (input: ExperimentUpdate[], { container }) => {
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const previous = await service.listExperiments({ id: input.map((r) => r.id) })
    const rules = await service.updateExperiments(input)
    return new StepResponse(rules, valuesBefore(previous, input))
  },
  async (undo, { container }) => {
    if (!undo?.length) {
      return
    }
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    await service.updateExperiments(undo)
  }
)
