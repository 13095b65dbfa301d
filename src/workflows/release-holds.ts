import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleLapsedOptionsStep } from "./steps/date-options"
import { releaseHoldsStep } from "./steps/release-holds"

/**
 * Cancels lapsed holds and the holds of lines that left their cart (of one cart, or of all); for
 * all, first marks the merchants' options that lapsed and moves the next queued option of their date up.
 */
export const releaseHoldsWorkflow = createWorkflow("release-holds", (input: { cart_id?: string; now?: string }) => {
  const options = settleLapsedOptionsStep(input)
  const holds = releaseHoldsStep(input)
  return new WorkflowResponse(transform({ options, holds }, ({ options, holds }) => ({ ...holds, ...options })))
})
