import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listTierRepairs } from "../../../queries/repairs"
import { AdminListTierRepairsType } from "./validators"
import { asJson } from "../../utils/as-json"
import type { TierRepairList } from "../../../contract/admin"

/** What the reconciler repaired or flagged, newest first, with its last run. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListTierRepairsType>, res: MedusaResponse<TierRepairList>) => {
  res.json(asJson(await listTierRepairs(req.scope, req.validatedQuery)))
}
