import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createRemoteLinkStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { TIER_LOCK_OPTIONS, TIER_STRUCTURE_LOCK } from "./lock"
import { createTiersStep } from "./steps/create-tiers"
import { BackfillInput, BackfillPlan, planBackfillStep } from "./steps/plan-backfill"
import { tierProductLink } from "./steps/prepare-tier-product-links"

export type BackfillSegmentsWorkflowInput = BackfillInput

/**
 * Places every product that is not yet a tier's package into the segment whose
 * price band holds its price, as a new tier at the segment's next free level.
 * Assigned products are skipped, so running it again changes nothing.
 */
export const backfillSegmentsWorkflow = createWorkflow(
  "backfill-segments",
  (input: BackfillSegmentsWorkflowInput) => {
    acquireLockStep(TIER_LOCK_OPTIONS)
    const plan = planBackfillStep(input)
    const created = when("create-backfilled-tiers", { input }, ({ input }) => !input.dry_run).then(() => {
      const tiers = createTiersStep(
        transform({ plan }, ({ plan }) =>
          plan.assignments.map((a) => ({ segment_id: a.segment_id, level: a.level, name: a.title }))
        )
      )
      createRemoteLinkStep(
        transform({ plan, tiers }, ({ plan, tiers }) =>
          plan.assignments.map((a, i) => tierProductLink(tiers[i].id, a.product_id))
        )
      )
      return tiers
    })
    releaseLockStep({ key: TIER_STRUCTURE_LOCK })
    const result = transform({ plan, created }, ({ plan, created }): BackfillPlan => ({
      skipped: plan.skipped,
      assignments: plan.assignments.map((a, i) => ({ ...a, tier_id: created?.[i]?.id ?? null })),
    }))
    return new WorkflowResponse(result)
  }
)
