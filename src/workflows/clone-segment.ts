import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { SegmentFields, TierRecord } from "../modules/segments/types"
import { TIER_LOCK_OPTIONS, TIER_STRUCTURE_LOCK } from "./lock"
import { createSegmentsStep } from "./steps/create-segments"
import { createTiersStep } from "./steps/create-tiers"
import { validateSegmentHandlesStep } from "./steps/validate-segment-handles"

export type CloneSegmentWorkflowInput = { source_id: string; segment: SegmentFields }

/** A new segment with a copy of the source's live tiers (structure only: no products). */
export const cloneSegmentWorkflow = createWorkflow(
  "clone-segment",
  (input: CloneSegmentWorkflowInput) => {
    acquireLockStep(TIER_LOCK_OPTIONS)
    const { data: sources } = useQueryGraphStep({
      entity: "segment",
      fields: ["id", "tiers.*"],
      filters: { id: input.source_id },
      options: { throwIfKeyNotFound: true },
    })
    const handles = transform(input, (i) => [{ handle: i.segment.handle }])
    validateSegmentHandlesStep(handles)
    const segmentList = transform(input, (i) => [i.segment])
    const created = createSegmentsStep(segmentList)
    const tiers = transform({ sources, created }, ({ sources, created }) =>
      ((sources[0].tiers ?? []) as unknown as TierRecord[])
        .filter((t) => !t.archived_at)
        .sort((a, b) => a.level - b.level)
        .map((t) => ({
          segment_id: created[0].id,
          level: t.level,
          name: t.name,
          max_guests: t.max_guests,
          days: t.days,
          features: t.features,
          is_popular: t.is_popular,
          rank: t.rank,
        }))
    )
    createTiersStep(tiers)
    releaseLockStep({ key: TIER_STRUCTURE_LOCK })
    const id = transform({ created }, ({ created }) => created[0].id)
    return new WorkflowResponse(id)
  }
)
