import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeRollout } from "../../respond"
import { AdminSetRolloutStageType } from "../../validators"
import type { RolloutChangeResponse } from "../../../../../contract/admin"

/** Any percent, on the ladder or not (a pause stays paused). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetRolloutStageType>, res: MedusaResponse<RolloutChangeResponse>) => {
  await changeRollout(req, res, { action: "set", percent: req.validatedBody.percent })
}
