import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { breachReason } from "../lib/guardrails"
import { ROLLOUT_FEATURES } from "../lib/rollout"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../modules/tier-analytics"
import { readRollouts } from "../queries/rollout"
import { announceRolloutRollbacksWorkflow } from "../workflows/announce-rollout-rollbacks"
import { rollBackRolloutWorkflow } from "../workflows/roll-back-rollout"

/** Request counts are kept this long: a week of minutes per tenant, more than any window reads. */
const KEEP_REQUEST_COUNTS_MS = 7 * 24 * 3600_000

/**
 * Every five minutes: reads each running rollout's guardrails over their window and takes a feature
 * whose guardrail broke one stage back (README "Staged rollout"), then tells the admins and the
 * event bus of each rollback. A paused or 0% stage is not judged.
 */
export default async function watchRollout(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const analytics: TierAnalyticsModuleService = container.resolve(TIER_ANALYTICS_MODULE)
  await analytics.flushStoreRequestCounts()
  const now = new Date()
  for (const reading of await readRollouts(container, ROLLOUT_FEATURES, now)) {
    const { state, verdict } = reading
    if (state.paused || state.percent === 0 || !verdict.rollback) continue
    const reason = breachReason(verdict.breached)
    const { result } = await rollBackRolloutWorkflow(container).run({
      input: { feature: state.feature, reason, figures: { guardrails: verdict.results, window: state.window } },
    })
    logger.warn(`Rollout of ${state.feature} rolled back from ${result.from_percent}% to ${result.to_percent}%: ${reason}`)
  }
  // This run's rollbacks, and any an earlier run recorded but could not announce.
  await announceRolloutRollbacksWorkflow(container).run({ input: undefined })
  await analytics.pruneStoreRequestCounts(new Date(now.getTime() - KEEP_REQUEST_COUNTS_MS))
}

export const config = {
  name: "tiered-watch-rollout",
  schedule: "*/5 * * * *",
}
