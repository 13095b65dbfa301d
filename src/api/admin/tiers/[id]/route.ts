import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fetchAdminTier } from "../../../utils/admin-queries"
import { updateTiersWorkflow } from "../../../../workflows/update-tiers"
import { AdminUpdateTierType } from "../validators"
import type { TierResponse } from "../../../../contract/admin"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<TierResponse>) => {
  res.json({ tier: await fetchAdminTier(req.scope, req.params.id) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateTierType>,
  res: MedusaResponse<TierResponse>
) => {
  await updateTiersWorkflow(req.scope).run({
    input: { tiers: [{ id: req.params.id, ...req.validatedBody }] },
  })
  res.json({ tier: await fetchAdminTier(req.scope, req.params.id) })
}
