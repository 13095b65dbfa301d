import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { GuardrailResult } from "../lib/guardrails"
import type { RolloutFeature } from "../lib/rollout"
import { changeRolloutStep } from "./steps/change-rollout"
import { notifyAdminsStep } from "./steps/notify-admins"

export const ROLLOUT_ROLLED_BACK = "tiered.rollout.rolled_back"

export type RollBackRolloutInput = {
  feature: RolloutFeature
  reason: string
  /** What the guardrails read: their results and the window. */
  figures: { guardrails: GuardrailResult[]; window: { since: string; until: string } }
}

const FEATURE_NAMES: Record<RolloutFeature, string> = { tiered_catalog: "Tiered catalog", upsell: "Upsell" }

/**
 * A breached guardrail takes the feature one stage back: the change is recorded with the reason and
 * the figures, the admins get a notice in their feed, and `tiered.rollout.rolled_back` goes on the bus.
 */
export const rollBackRolloutWorkflow = createWorkflow("roll-back-rollout", (input: RollBackRolloutInput) => {
  const change = changeRolloutStep(
    transform({ input }, ({ input }) => ({
      feature: input.feature,
      request: { action: "rollback" as const },
      reason: input.reason,
      actor_id: null,
      figures: input.figures,
    }))
  )
  const event = transform({ change }, ({ change }) => ({
    id: change.id,
    feature: change.feature,
    from_percent: change.from_percent,
    to_percent: change.to_percent,
    reason: change.reason,
    figures: change.figures,
  }))
  notifyAdminsStep(
    transform({ event }, ({ event }) => ({
      template: "tiered-rollout-rolled-back",
      idempotency_key: `tiered-rollout-rolled-back:${event.id}`,
      data: {
        title: `${FEATURE_NAMES[event.feature as RolloutFeature]} rolled back to ${event.to_percent}%`,
        description: event.reason,
        ...event,
      },
    }))
  )
  emitEventStep({ eventName: ROLLOUT_ROLLED_BACK, data: event })
  return new WorkflowResponse(change)
})
