import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { featureChannels, Flags, ROLLOUT_PERCENT_KEY } from "../lib/flags"
import { evaluateGuardrails, GuardrailFigures, GuardrailVerdict } from "../lib/guardrails"
import { nextStage, previousStage, RolloutFeature } from "../lib/rollout"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../modules/tier-analytics"
import { UPSELL_MODULE, UpsellModuleService } from "../modules/upsell"
import type { RolloutState } from "../contract/admin"

export type RolloutReading = {
  state: RolloutState
  figures: GuardrailFigures
  verdict: GuardrailVerdict
}

const WEEK_MS = 7 * 24 * 60 * 60_000

async function allChannels(scope: MedusaContainer): Promise<string[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id"] })
  return (data as { id: string }[]).map((c) => c.id)
}

/**
 * A feature's stage and the guardrails' figures over the window ending at `now`: the settings'
 * window, starting no earlier than the stage's last change, so a stage is judged on its own traffic.
 */
export async function readRollout(scope: MedusaContainer, feature: RolloutFeature, now: Date, known?: { flags: Flags; channels: string[] }): Promise<RolloutReading> {
  const upsell: UpsellModuleService = scope.resolve(UPSELL_MODULE)
  const analytics: TierAnalyticsModuleService = scope.resolve(TIER_ANALYTICS_MODULE)
  const [{ rollout: settings }, flags, channels, [last]] = await Promise.all([
    upsell.getSettings(),
    known?.flags ?? upsell.getFlags(),
    known?.channels ?? allChannels(scope),
    upsell.listRolloutChanges({ feature }, { take: 1, order: { created_at: "DESC" }, select: ["created_at"] }),
  ])
  const windowMs = settings.guardrails.window_minutes * 60_000
  const sinceMs = Math.max(now.getTime() - windowMs, last ? new Date(last.created_at).getTime() : 0)
  const since = new Date(Math.min(sinceMs, now.getTime()))
  const until = now
  const inStage = featureChannels(flags, feature, channels)
  const outside = channels.filter((c) => !inStage.includes(c))
  const percent = flags[ROLLOUT_PERCENT_KEY[feature]]
  // At 100% no tenant is left outside: the stage's tenants are held against the same window a week
  // before, since a store's traffic follows the hour and the weekday (the hour before would not do).
  const lastWeek = { sales_channel_ids: inStage, since: new Date(since.getTime() - WEEK_MS), until: new Date(until.getTime() - WEEK_MS) }
  const control = outside.length ? { sales_channel_ids: outside, since, until } : lastWeek
  const current = { sales_channel_ids: inStage, since, until }
  const [requests, stageConversion, controlConversion, pageLoads, series] = await Promise.all([
    analytics.storeRequestTotals(current),
    analytics.tierViewConversion(current),
    analytics.tierViewConversion(control),
    analytics.pageLoads(current),
    analytics.storeRequestSeries(current),
  ])
  const figures: GuardrailFigures = {
    requests,
    conversion: { stage: stageConversion, control: controlConversion, control_kind: outside.length ? "outside_stage" : "same_window_last_week" },
    page_loads: pageLoads,
  }
  const verdict = evaluateGuardrails(figures, settings.guardrails)
  const paused = flags.rollout_paused.includes(feature)
  return {
    figures,
    verdict,
    state: {
      feature,
      percent,
      paused,
      next_percent: paused ? null : nextStage(settings.ladder, percent),
      previous_percent: previousStage(settings.ladder, percent),
      tenants: { in_stage: inStage.length, total: channels.length },
      window: { since: since.toISOString(), until: until.toISOString() },
      guardrails: verdict.results,
      requests: series,
    },
  }
}

/** Every feature's reading, from one read of the flags and the sales channels. */
export async function readRollouts(scope: MedusaContainer, features: readonly RolloutFeature[], now: Date) {
  const upsell: UpsellModuleService = scope.resolve(UPSELL_MODULE)
  const known = { flags: await upsell.getFlags(), channels: await allChannels(scope) }
  return Promise.all(features.map((f) => readRollout(scope, f, now, known)))
}
