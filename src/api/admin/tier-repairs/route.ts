import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listTierRepairs } from "../../../queries/repairs"
import { AdminListTierRepairsType } from "./validators"

/** What the reconciler repaired or flagged, newest first, with its last run. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListTierRepairsType>, res: MedusaResponse) => {
  res.json(await listTierRepairs(req.scope, req.validatedQuery))
}
