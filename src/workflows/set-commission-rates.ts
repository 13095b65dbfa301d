import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SetCommissionRatesInput, setCommissionRatesStep } from "./steps/set-commission-rates"

export const setCommissionRatesWorkflow = createWorkflow("set-commission-rates", (input: SetCommissionRatesInput) => {
  return new WorkflowResponse(setCommissionRatesStep(input))
})
