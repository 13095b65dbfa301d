import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeRollout } from "../../respond"
import { AdminRolloutChangeType } from "../../validators"
import type { RolloutChangeResponse } from "../../../../../contract/admin"

/** Off for the stage's tenants, the stage kept for the resume. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRolloutChangeType>, res: MedusaResponse<RolloutChangeResponse>) => {
  await changeRollout(req, res, { action: "pause" })
}
