import type { PastDatesInput } from "../queries/time-zones"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { completePastBookingsStep } from "./steps/complete-past-bookings"
import { removePastHighDemandDatesStep } from "./steps/remove-past-high-demand-dates"

/**
 * `now` (an ISO instant, default the time of the run) sets each tenant's today in its time zone;
 * `today` instead sets one today for every tenant.
 */
export type RefreshBookingsWorkflowInput = PastDatesInput

/** The daily tidy-up: past bookings completed, past high-demand flags removed, each tenant by its own today. */
export const refreshBookingsWorkflow = createWorkflow(
  "refresh-bookings",
  (input: RefreshBookingsWorkflowInput) => {
    const completed = completePastBookingsStep(input)
    const unflagged = removePastHighDemandDatesStep(input)
    return new WorkflowResponse(
      transform({ completed, unflagged }, ({ completed, unflagged }) => ({
        completed_bookings: completed,
        removed_high_demand_dates: unflagged,
      }))
    )
  }
)
