import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fetchAdminSegment, fetchAdminTier } from "../../../../utils/admin-queries"
import { createTiersWorkflow } from "../../../../../workflows/create-tiers"
import { AdminCreateTierType } from "../../validators"
import type { TierResponse } from "../../../../../contract/admin"

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateTierType>,
  res: MedusaResponse<TierResponse>
) => {
  await fetchAdminSegment(req.scope, req.params.id)
  const { result } = await createTiersWorkflow(req.scope).run({
    input: { tiers: [{ ...req.validatedBody, segment_id: req.params.id }] },
  })
  res.status(201).json({ tier: await fetchAdminTier(req.scope, result[0].id) })
}
