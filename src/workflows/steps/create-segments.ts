import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import { SegmentFields } from "../../modules/segments/types"

export const createSegmentsStep = createStep(
  "create-segments",
  async (input: SegmentFields[], { container }) => {
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const segments = await service.createSegments(input)
    return new StepResponse(segments, segments.map((s) => s.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    await service.deleteSegments(ids)
  }
)
