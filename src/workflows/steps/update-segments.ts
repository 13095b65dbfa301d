import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import { SegmentFields } from "../../modules/segments/types"

export type UpdateSegmentsStepInput = ({ id: string } & Partial<SegmentFields>)[]

export const updateSegmentsStep = createStep(
  "update-segments",
  async (input: UpdateSegmentsStepInput, { container }) => {
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const previous = await service.listSegments({ id: input.map((s) => s.id) })
    const segments = await service.updateSegments(input)
    // Restore only the fields this step changed.
    const undo = previous.map((before) => {
      const change = input.find((s) => s.id === before.id) ?? { id: before.id }
      const restored: Record<string, unknown> = { id: before.id }
      for (const key of Object.keys(change)) {
        restored[key] = (before as Record<string, unknown>)[key]
      }
      return restored as { id: string } & Partial<SegmentFields>
    })
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
