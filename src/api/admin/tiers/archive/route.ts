import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fetchAdminTiers } from "../../../utils/admin-queries"
import { updateTiersWorkflow } from "../../../../workflows/update-tiers"
import { AdminArchiveTiersType } from "../validators"
import type { TiersResponse } from "../../../../contract/admin"

/** Archives several tiers at once; all or none (an unknown id changes nothing). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminArchiveTiersType>,
  res: MedusaResponse<TiersResponse>
) => {
  const { ids } = req.validatedBody
  const current = await fetchAdminTiers(req.scope, ids)
  const live = current.filter((t) => !t.archived_at)
  if (live.length) {
    const now = new Date()
    await updateTiersWorkflow(req.scope).run({
      input: { tiers: live.map((t) => ({ id: t.id, archived_at: now })) },
    })
  }
  res.json({ tiers: await fetchAdminTiers(req.scope, ids) })
}
