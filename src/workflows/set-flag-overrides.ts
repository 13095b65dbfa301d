import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SetFlagOverridesInput, setFlagOverridesStep } from "./steps/set-flag-overrides"

export const setFlagOverridesWorkflow = createWorkflow("set-flag-overrides", (input: SetFlagOverridesInput) => {
  return new WorkflowResponse(setFlagOverridesStep(input))
})
