import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fetchAdminTier } from "../../../../utils/admin-queries"
import { assignTierProductWorkflow } from "../../../../../workflows/assign-tier-product"
import { AdminAssignTierProductType } from "../../validators"
import type { TierResponse } from "../../../../../contract/admin"

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminAssignTierProductType>,
  res: MedusaResponse<TierResponse>
) => {
  await assignTierProductWorkflow(req.scope).run({
    input: { tier_id: req.params.id, product_id: req.validatedBody.product_id },
  })
  res.json({ tier: await fetchAdminTier(req.scope, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<TierResponse>) => {
  await assignTierProductWorkflow(req.scope).run({
    input: { tier_id: req.params.id, product_id: null },
  })
  res.json({ tier: await fetchAdminTier(req.scope, req.params.id) })
}
