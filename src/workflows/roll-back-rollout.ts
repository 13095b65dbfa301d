import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { GuardrailResult } from "../lib/guardrails"
import type { RolloutFeature } from "../lib/rollout"
import { changeRolloutStep } from "./steps/change-rollout"

export type RollBackRolloutInput = {
  feature: RolloutFeature
  reason: string
  /** What the guardrails read: their results and the window. */
  figures: { guardrails: GuardrailResult[]; window: { since: string; until: string } }
}

/**
 * A breached guardrail takes the feature one stage back, recorded with the reason and the figures
 * by no admin. Its notice and event follow in announce-rollout-rollbacks, which picks up any
 * rollback not announced yet: a process dying in between leaves the rollback to announce later.
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
  return new WorkflowResponse(change)
})
