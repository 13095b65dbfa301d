import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PricingRuleUpdate, updatePricingRulesStep } from "./steps/update-pricing-rules"
import { validatePricingRulesStep } from "./steps/validate-pricing-rules"

export type UpdatePricingRulesWorkflowInput = { rules: PricingRuleUpdate[] }

export const updatePricingRulesWorkflow = createWorkflow(
  "update-pricing-rules",
  (input: UpdatePricingRulesWorkflowInput) => {
    validatePricingRulesStep(input.rules)
    return new WorkflowResponse(updatePricingRulesStep(input.rules))
  }
)
