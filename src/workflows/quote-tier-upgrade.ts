import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { QuoteTierUpgradeInput, quoteTierUpgradeStep } from "./steps/quote-tier-upgrade"

/** Prices and judges an upgrade without changing anything: the storefront's quote. */
export const quoteTierUpgradeWorkflow = createWorkflow("quote-tier-upgrade", (input: QuoteTierUpgradeInput) => {
  return new WorkflowResponse(quoteTierUpgradeStep(input))
})
