import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { UPSELL_MODULE, UpsellModuleService } from "../../../../../modules/upsell"
import { asJson } from "../../../../utils/as-json"
import { featureOf } from "../../respond"
import { AdminListRolloutChangesType } from "../../validators"
import type { RolloutChange, RolloutChangeList } from "../../../../../contract/admin"

/** The feature's changes and rollbacks, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListRolloutChangesType>, res: MedusaResponse<RolloutChangeList>) => {
  const feature = featureOf(req)
  const { limit, offset } = req.validatedQuery
  const service: UpsellModuleService = req.scope.resolve(UPSELL_MODULE)
  const [changes, count] = await service.listAndCountRolloutChanges({ feature }, { take: limit, skip: offset, order: { created_at: "DESC", id: "DESC" } })
  res.json({ changes: asJson(changes) as RolloutChange[], count, offset, limit })
}
