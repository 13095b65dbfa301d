import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import { TierFields } from "../../modules/segments/types"

export const createTiersStep = createStep(
  "create-tiers",
  async (input: TierFields[], { container }) => {
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const tiers = await service.createTiers(
      input.map(({ segment_id, ...tier }) => ({ ...tier, segment: segment_id }))
    )
    return new StepResponse(tiers, tiers.map((t) => t.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    await service.deleteTiers(ids)
  }
)
