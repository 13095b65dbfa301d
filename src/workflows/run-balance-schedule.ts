import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { runBalanceScheduleStep, RunBalanceScheduleInput } from "./steps/run-balance-schedule"

/** The daily balance pass at a given instant (the job passes the clock; tests pass a fixed one). */
export const runBalanceScheduleWorkflow = createWorkflow("run-balance-schedule", (input: RunBalanceScheduleInput) => {
  return new WorkflowResponse(runBalanceScheduleStep(input))
})
