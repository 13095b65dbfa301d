import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createRemoteLinkStep,
  dismissRemoteLinkStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { TIER_LOCK_OPTIONS, TIER_STRUCTURE_LOCK } from "./lock"
import { loadTiersStep } from "./steps/load-tiers"
import { prepareTierProductLinksStep } from "./steps/prepare-tier-product-links"
import { validateTierAssignmentStep } from "./steps/validate-tier-assignment"

/** `product_id: null` removes the tier's product. */
export type AssignTierProductWorkflowInput = { tier_id: string; product_id: string | null }

export const assignTierProductWorkflow = createWorkflow(
  "assign-tier-product",
  (input: AssignTierProductWorkflowInput) => {
    acquireLockStep(TIER_LOCK_OPTIONS)
    const ids = transform(input, (i) => [i.tier_id])
    const tiers = loadTiersStep(ids)
    validateTierAssignmentStep(transform({ input, tiers }, ({ input, tiers }) => ({ tier: tiers[0], product_id: input.product_id })))
    const assignments = transform({ input }, ({ input }) => [{ tier_id: input.tier_id, product_id: input.product_id }])
    const plan = prepareTierProductLinksStep(assignments)
    dismissRemoteLinkStep(plan.dismiss)
    createRemoteLinkStep(plan.create)
    releaseLockStep({ key: TIER_STRUCTURE_LOCK })
    return new WorkflowResponse(input.tier_id)
  }
)
