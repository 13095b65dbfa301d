import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../modules/tier-analytics"
import { keyChannels } from "./cart-tenant"

const COUNTED = Symbol("tiered.counted")

/**
 * Counts a request to the plugin's store routes, and whether it answered 5xx, for its tenants once
 * it is answered (the rollout's error-rate guardrail). Medusa's own store routes are not counted.
 */
export function countStoreRequests(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const marked = req as MedusaRequest & { [COUNTED]?: true }
  if (!marked[COUNTED]) {
    marked[COUNTED] = true
    res.on("finish", () => {
      const channels = keyChannels(req)
      if (channels.length) {
        ;(req.scope.resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService).countStoreRequest(channels, res.statusCode).catch(() => {})
      }
    })
  }
  next()
}
