import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { RolloutFeature } from "../lib/rollout"
import { notifyAdminsStep } from "./steps/notify-admins"
import { loadUnannouncedRollbacksStep, markRollbacksAnnouncedStep } from "./steps/rollout-announcements"

export const ROLLOUT_ROLLED_BACK = "tiered.rollout.rolled_back"

const FEATURE_NAMES: Record<RolloutFeature, string> = { tiered_catalog: "Tiered catalog", upsell: "Upsell offers" }

/**
 * Tells the admins of each rollback not announced yet (a notice in their feed, once per rollback by
 * its idempotency key) and puts `tiered.rollout.rolled_back` on the bus, then marks it announced. A
 * run cut short before the mark announces again: the notice is not repeated, the event may be.
 */
export const announceRolloutRollbacksWorkflow = createWorkflow("announce-rollout-rollbacks", () => {
  const rollbacks = loadUnannouncedRollbacksStep()
  notifyAdminsStep(
    transform({ rollbacks }, ({ rollbacks }) =>
      rollbacks.map((r) => ({
        template: "tiered-rollout-rolled-back",
        idempotency_key: `tiered-rollout-rolled-back:${r.id}`,
        data: { title: `${FEATURE_NAMES[r.feature]} rolled back to ${r.to_percent}%`, description: r.reason, ...r },
      }))
    )
  )
  emitEventStep({ eventName: ROLLOUT_ROLLED_BACK, data: rollbacks })
  const announced = markRollbacksAnnouncedStep(transform({ rollbacks }, ({ rollbacks }) => rollbacks.map((r) => r.id)))
  return new WorkflowResponse(announced)
})
