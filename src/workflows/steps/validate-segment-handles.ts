import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"

export type ValidateSegmentHandlesInput = { handle: string; id?: string }[]

/** Refuses a handle that another segment already uses (the unique index is the last guard). */
export const validateSegmentHandlesStep = createStep(
  "validate-segment-handles",
  async (input: ValidateSegmentHandlesInput, { container }) => {
    const wanted = input.map((s) => s.handle)
    const duplicated = wanted.find((h, i) => wanted.indexOf(h) !== i)
    if (duplicated) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Segment handle "${duplicated}" is given more than once`
      )
    }
    if (!wanted.length) {
      return
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const existing = await service.listSegments({ handle: wanted }, { select: ["id", "handle"] })
    for (const segment of existing) {
      const claim = input.find((s) => s.handle === segment.handle)
      if (claim && claim.id !== segment.id) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Segment handle "${segment.handle}" is already used by segment ${segment.id}`
        )
      }
    }
  }
)
