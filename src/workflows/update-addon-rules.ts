import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AddonRuleUpdate, updateAddonRulesStep } from "./steps/update-addon-rules"

export type UpdateAddonRulesWorkflowInput = { rules: AddonRuleUpdate[] }

export const updateAddonRulesWorkflow = createWorkflow(
  "update-addon-rules",
  (input: UpdateAddonRulesWorkflowInput) => new WorkflowResponse(updateAddonRulesStep(input.rules))
)
