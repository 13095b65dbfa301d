import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseHoldsStep } from "./steps/release-holds"

/** Cancels lapsed holds and the holds of lines that left their cart (of one cart, or of all). */
export const releaseHoldsWorkflow = createWorkflow("release-holds", (input: { cart_id?: string; now?: string }) => {
  return new WorkflowResponse(releaseHoldsStep(input))
})
