import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { valuesBefore } from "../../lib/undo"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import { TierFields } from "../../modules/segments/types"

export type TierUpdate = { id: string } & Partial<TierFields> & { archived_at?: Date | null }

export const updateTiersStep = createStep(
  "update-tiers",
  async (input: TierUpdate[], { container }) => {
    if (!input.length) {
      return new StepResponse([], [] as TierUpdate[])
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const previous = await service.listTiers({ id: input.map((t) => t.id) })
    const tiers = await service.updateTiers(input.map(toModel))
    const undo = valuesBefore(previous, input)
    return new StepResponse(tiers, undo)
  },
  async (undo, { container }) => {
    if (!undo?.length) {
      return
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    await service.updateTiers(undo.map(toModel))
  }
)

function toModel({ segment_id, ...rest }: TierUpdate) {
  return segment_id ? { ...rest, segment: segment_id } : rest
}
