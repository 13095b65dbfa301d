import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { valuesBefore } from "../../lib/undo"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import { SegmentFields } from "../../modules/segments/types"

export type UpdateSegmentsStepInput = ({ id: string } & Partial<SegmentFields>)[]

export const updateSegmentsStep = createStep(
  "update-segments",
  async (input: UpdateSegmentsStepInput, { container }) => {
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const previous = await service.listSegments({ id: input.map((s) => s.id) })
    const segments = await service.updateSegments(input)
    const undo = valuesBefore(previous, input)
    return new StepResponse(segments, undo)
  },
  async (undo, { container }) => {
    if (!undo?.length) {
      return
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    await service.updateSegments(undo)
  }
)
