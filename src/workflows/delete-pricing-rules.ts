import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deletePricingRulesStep } from "./steps/delete-pricing-rules"

export type DeletePricingRulesWorkflowInput = { ids: string[] }

export const deletePricingRulesWorkflow = createWorkflow(
  "delete-pricing-rules",
  (input: DeletePricingRulesWorkflowInput) => new WorkflowResponse(deletePricingRulesStep(input.ids))
)
