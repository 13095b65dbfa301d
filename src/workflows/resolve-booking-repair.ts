import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resolveBookingRepairStep } from "./steps/resolve-booking-repair"

export const resolveBookingRepairWorkflow = createWorkflow(
  "resolve-booking-repair",
  (input: { id: string; resolved_by: string }) => new WorkflowResponse(resolveBookingRepairStep(input))
)
