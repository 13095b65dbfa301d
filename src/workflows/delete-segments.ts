import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, dismissRemoteLinkStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { deleteSegmentsStep } from "./steps/delete-segments"
import { tierProductLink } from "./steps/prepare-tier-product-links"
import { TIER_LOCK_OPTIONS, TIER_STRUCTURE_LOCK } from "./lock"

type SegmentWithProducts = { id: string; tiers?: { id: string; product?: { id: string } | null }[] }

export type DeleteSegmentsWorkflowInput = { ids: string[] }

/** Deletes segments with their tiers and frees the tiers' products. */
export const deleteSegmentsWorkflow = createWorkflow(
  "delete-segments",
  (input: DeleteSegmentsWorkflowInput) => {
    acquireLockStep(TIER_LOCK_OPTIONS)
    const { data: segments } = useQueryGraphStep({
      entity: "segment",
      fields: ["id", "tiers.id", "tiers.product.id"],
      filters: { id: input.ids },
      options: { throwIfKeyNotFound: true },
    })
    const links = transform({ segments }, ({ segments }) =>
      (segments as SegmentWithProducts[]).flatMap((s) =>
        (s.tiers ?? []).flatMap((t) => (t.product?.id ? [tierProductLink(t.id, t.product.id)] : []))
      )
    )
    dismissRemoteLinkStep(links)
    deleteSegmentsStep(input.ids)
    releaseLockStep({ key: TIER_STRUCTURE_LOCK })
    return new WorkflowResponse(input.ids)
  }
)
