import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveBookingRepairWorkflow } from "../../../../../workflows/resolve-booking-repair"
import { asJson } from "../../../../utils/as-json"
import type { TierRepairResponse } from "../../../../../contract/admin"

/** The merchant has dealt with a flag: it leaves the open list (and is kept, resolved). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<TierRepairResponse>) => {
  const { result } = await resolveBookingRepairWorkflow(req.scope).run({
    input: { id: req.params.id, resolved_by: req.auth_context.actor_id },
  })
  res.json({ repair: asJson(result) })
}
