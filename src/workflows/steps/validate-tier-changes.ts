import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import { tierConflicts, TierSlot } from "../../lib/tier-rules"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"

/**
 * Refuses changes that would leave two live tiers of a segment on one level or
 * two popular tiers in one segment. The partial unique indexes guard races.
 */
export const validateTierChangesStep = createStep(
  "validate-tier-changes",
  async (proposed: TierSlot[], { container }) => {
    if (!proposed.length) {
      return
    }
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const segmentIds = [...new Set(proposed.map((t) => t.segment_id))]
    const segments = await service.listSegments({ id: segmentIds }, { select: ["id"] })
    const missing = segmentIds.find((id) => !segments.some((s) => s.id === id))
    if (missing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment ${missing} was not found`)
    }
    const live = await service.listTiers(
      { segment_id: segmentIds, archived_at: null },
      { select: ["id", "segment_id", "level", "name", "is_popular"] }
    )
    const problems = tierConflicts(
      live.map((t) => ({
        id: t.id,
        segment_id: t.segment_id,
        level: t.level,
        name: t.name,
        is_popular: t.is_popular,
      })),
      proposed
    )
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    }
  }
)
