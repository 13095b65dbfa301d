import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PricingRuleFields } from "../modules/segments/types"
import { createPricingRulesStep } from "./steps/create-pricing-rules"
import { validatePricingRulesStep } from "./steps/validate-pricing-rules"

export type CreatePricingRulesWorkflowInput = { rules: PricingRuleFields[] }

export const createPricingRulesWorkflow = createWorkflow(
  "create-pricing-rules",
  (input: CreatePricingRulesWorkflowInput) => {
    validatePricingRulesStep(input.rules)
    return new WorkflowResponse(createPricingRulesStep(input.rules))
  }
)
