import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fetchAdminTier } from "../../../../utils/admin-queries"
import { updateTiersWorkflow } from "../../../../../workflows/update-tiers"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const current = await fetchAdminTier(req.scope, req.params.id)
  if (current.archived_at) {
    await updateTiersWorkflow(req.scope).run({
      input: { tiers: [{ id: req.params.id, archived_at: null }] },
    })
  }
  res.json({ tier: await fetchAdminTier(req.scope, req.params.id) })
}
