import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { completePastBookingsStep } from "./steps/complete-past-bookings"
import { removePastHighDemandDatesStep } from "./steps/remove-past-high-demand-dates"

export type RefreshBookingsWorkflowInput = { today: string }

/** The daily tidy-up: past bookings completed, past high-demand flags removed. */
export const refreshBookingsWorkflow = createWorkflow(
  "refresh-bookings",
  (input: RefreshBookingsWorkflowInput) => {
    const completed = completePastBookingsStep(input.today)
    const unflagged = removePastHighDemandDatesStep(input.today)
    return new WorkflowResponse(
      transform({ completed, unflagged }, ({ completed, unflagged }) => ({
        completed_bookings: completed,
        removed_high_demand_dates: unflagged,
      }))
    )
  }
)
