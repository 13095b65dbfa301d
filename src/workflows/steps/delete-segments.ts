import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"

/** Soft-deletes segments and, by cascade, their tiers; compensation restores both. */
export const deleteSegmentsStep = createStep(
  "delete-segments",
  async (ids: string[], { container }) => {
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    await service.softDeleteSegments(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    await service.restoreSegments(ids)
  }
)
