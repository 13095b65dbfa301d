import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { changeDateOptionStep, ChangeDateOptionInput, pencilDateOptionStep, PencilDateOptionInput } from "./steps/date-options"

/** Pencils a date in for a merchant's client: live (holding the date) or queued behind earlier options. */
export const createDateOptionWorkflow = createWorkflow("create-date-option", (input: PencilDateOptionInput) => {
  return new WorkflowResponse(pencilDateOptionStep(input))
})

/** Extends or releases a merchant's option; releasing a live one moves the next queued option up. */
export const changeDateOptionWorkflow = createWorkflow("change-date-option", (input: ChangeDateOptionInput) => {
  return new WorkflowResponse(changeDateOptionStep(input))
})
