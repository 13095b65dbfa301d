import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createRemoteLinkStep,
  dismissRemoteLinkStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { TierFields } from "../modules/segments/types"
import { TIER_LOCK_OPTIONS, TIER_STRUCTURE_LOCK } from "./lock"
import { createTiersStep } from "./steps/create-tiers"
import { prepareTierProductLinksStep } from "./steps/prepare-tier-product-links"
import { validateTierChangesStep } from "./steps/validate-tier-changes"

export type CreateTierInput = TierFields & { product_id?: string | null }
export type CreateTiersWorkflowInput = { tiers: CreateTierInput[] }

export const createTiersWorkflow = createWorkflow(
  "create-tiers",
  (input: CreateTiersWorkflowInput) => {
    acquireLockStep(TIER_LOCK_OPTIONS)
    const slots = transform(input, (i) =>
      i.tiers.map((t) => ({
        segment_id: t.segment_id,
        level: t.level,
        name: t.name,
        is_popular: t.is_popular ?? false,
      }))
    )
    validateTierChangesStep(slots)
    const fields = transform(input, (i) => i.tiers.map(({ product_id, ...tier }) => tier))
    const tiers = createTiersStep(fields)
    const assignments = transform({ input, tiers }, ({ input, tiers }) =>
      input.tiers.flatMap((t, index) =>
        t.product_id ? [{ tier_id: tiers[index].id, product_id: t.product_id }] : []
      )
    )
    const plan = prepareTierProductLinksStep(assignments)
    dismissRemoteLinkStep(plan.dismiss)
    createRemoteLinkStep(plan.create)
    releaseLockStep({ key: TIER_STRUCTURE_LOCK })
    return new WorkflowResponse(tiers)
  }
)
