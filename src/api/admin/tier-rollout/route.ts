import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ROLLOUT_FEATURES } from "../../../lib/rollout"
import { UPSELL_MODULE, UpsellModuleService } from "../../../modules/upsell"
import { readRollouts } from "../../../queries/rollout"
import type { RolloutOverview } from "../../../contract/admin"

/** Each feature's stage and its guardrails' figures now, with the ladder and the thresholds. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<RolloutOverview>) => {
  const service: UpsellModuleService = req.scope.resolve(UPSELL_MODULE)
  const [readings, settings] = await Promise.all([readRollouts(req.scope, ROLLOUT_FEATURES, new Date()), service.getSettings()])
  res.json({ rollouts: readings.map((r) => r.state), settings: settings.rollout })
}
