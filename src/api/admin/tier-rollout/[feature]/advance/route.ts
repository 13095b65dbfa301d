import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeRollout } from "../../respond"
import { AdminRolloutChangeType } from "../../validators"
import type { RolloutChangeResponse } from "../../../../../contract/admin"

/** Up the ladder to the next stage (refused at 100% or while paused). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRolloutChangeType>, res: MedusaResponse<RolloutChangeResponse>) => {
  await changeRollout(req, res, { action: "advance" })
}
