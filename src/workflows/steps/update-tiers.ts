import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import { TierFields } from "../../modules/segments/types"

export type TierUpdate = { id: string } & Partial<TierFields> & { archived_at?: Date | null }

export const updateTiersStep = createStep(
  "update-tiers",
  async (input: TierUpdate[], { container }) => {
    if (!input.length) {
      return new StepResponse([], [])
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const previous = await service.listTiers({ id: input.map((t) => t.id) })
    const tiers = await service.updateTiers(input.map(toModel))
    const undo = previous.map((before) => {
      const change = input.find((t) => t.id === before.id) ?? { id: before.id }
      const restored: Record<string, unknown> = { id: before.id }
      for (const key of Object.keys(change)) {
        restored[key] = (before as Record<string, unknown>)[key]
      }
      return restored as TierUpdate
    })
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
