import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { RolloutChangeInput } from "../modules/upsell/service"
import { changeRolloutStep } from "./steps/change-rollout"

export type { RolloutChangeInput }

/** An admin's change of a feature's rollout (advance, pause, resume, set), kept with who and why. */
export const changeRolloutWorkflow = createWorkflow("change-rollout", (input: RolloutChangeInput) => {
  return new WorkflowResponse(changeRolloutStep(input))
})
