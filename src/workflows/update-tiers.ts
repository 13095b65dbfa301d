import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { TIER_LOCK_OPTIONS, TIER_STRUCTURE_LOCK } from "./lock"
import { loadTiersStep } from "./steps/load-tiers"
import { TierUpdate, updateTiersStep } from "./steps/update-tiers"
import { validateTierChangesStep } from "./steps/validate-tier-changes"

export type UpdateTiersWorkflowInput = { tiers: TierUpdate[] }

/**
 * Changes tiers, archives them (archived_at set) or restores them
 * (archived_at null), keeping levels and badges consistent for live tiers.
 */
export const updateTiersWorkflow = createWorkflow(
  "update-tiers",
  (input: UpdateTiersWorkflowInput) => {
    acquireLockStep(TIER_LOCK_OPTIONS)
    const ids = transform(input, (i) => i.tiers.map((t) => t.id))
    const current = loadTiersStep(ids)
    const slots = transform({ input, current }, ({ input, current }) =>
      current.flatMap((before) => {
        const change = input.tiers.find((t) => t.id === before.id)!
        const archived = change.archived_at !== undefined ? change.archived_at : before.archived_at
        if (archived) {
          return []
        }
        return [
          {
            id: before.id,
            segment_id: change.segment_id ?? before.segment_id,
            level: change.level ?? before.level,
            name: change.name ?? before.name,
            is_popular: change.is_popular ?? before.is_popular,
          },
        ]
      })
    )
    validateTierChangesStep(slots)
    const tiers = updateTiersStep(input.tiers)
    releaseLockStep({ key: TIER_STRUCTURE_LOCK })
    return new WorkflowResponse(tiers)
  }
)
