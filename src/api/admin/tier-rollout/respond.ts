import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ROLLOUT_FEATURES, RolloutFeature, RolloutRequest } from "../../../lib/rollout"
import { readRollout } from "../../../queries/rollout"
import { changeRolloutWorkflow } from "../../../workflows/change-rollout"
import { asJson } from "../../utils/as-json"
import type { RolloutChange, RolloutChangeResponse } from "../../../contract/admin"

/** The route's feature, or a 404 naming the features there are. */
export function featureOf(req: AuthenticatedMedusaRequest): RolloutFeature {
  const feature = req.params.feature
  if (!(ROLLOUT_FEATURES as readonly string[]).includes(feature)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rollout feature ${feature} was not found (${ROLLOUT_FEATURES.join(", ")})`)
  }
  return feature as RolloutFeature
}

/** Runs an admin's change of the route's feature and answers the change with the rollout after it. */
export async function changeRollout(
  req: AuthenticatedMedusaRequest<{ reason: string }>,
  res: MedusaResponse<RolloutChangeResponse>,
  request: RolloutRequest
) {
  const feature = featureOf(req)
  const { result } = await changeRolloutWorkflow(req.scope).run({
    input: { feature, request, reason: req.validatedBody.reason, actor_id: req.auth_context.actor_id },
  })
  const { state } = await readRollout(req.scope, feature, new Date())
  res.json({ rollout: state, change: asJson(result) as RolloutChange })
}
