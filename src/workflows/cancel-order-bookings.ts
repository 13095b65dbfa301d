import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderBookingsStep } from "./steps/cancel-order-bookings"

export type CancelOrderBookingsWorkflowInput = { order_id: string }

export const cancelOrderBookingsWorkflow = createWorkflow(
  "cancel-order-bookings",
  (input: CancelOrderBookingsWorkflowInput) => new WorkflowResponse(cancelOrderBookingsStep(input.order_id))
)
