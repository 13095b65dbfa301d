import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeRollout } from "../../respond"
import { AdminRolloutChangeType } from "../../validators"
import type { RolloutChangeResponse } from "../../../../../contract/admin"

/** Back on at the stage it was paused at. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRolloutChangeType>, res: MedusaResponse<RolloutChangeResponse>) => {
  await changeRollout(req, res, { action: "resume" })
}
