import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fetchAdminTier } from "../../../utils/admin-queries"
import { updateTiersWorkflow } from "../../../../workflows/update-tiers"
import { AdminUpdateTierType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ tier: await fetchAdminTier(req.scope, req.params.id) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateTierType>,
  res: MedusaResponse
) => {
  await updateTiersWorkflow(req.scope).run({
    input: { tiers: [{ id: req.params.id, ...req.validatedBody }] },
  })
  res.json({ tier: await fetchAdminTier(req.scope, req.params.id) })
}
