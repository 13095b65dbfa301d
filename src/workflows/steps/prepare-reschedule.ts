import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planReschedule, rescheduleError, RescheduleRequest } from "../../queries/reschedule"

/** Plans a reschedule and refuses it with a clear 4xx when the date cannot take it. Reads only. */
export const prepareRescheduleStep = createStep("prepare-reschedule", async (input: RescheduleRequest, { container }) => {
  const plan = await planReschedule(container, input)
  if (plan.problem) {
    throw rescheduleError(plan.problem)
  }
  return new StepResponse(plan)
})
