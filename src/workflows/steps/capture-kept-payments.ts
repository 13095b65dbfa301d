import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Captures the authorizations a cancellation keeps (a non-refundable deposit), each through
 * Medusa's capture workflow so the order's transactions count it. Money taken is not given back
 * by an undo; a repeat finds them captured and passes them by.
 */
export const captureKeptPaymentsStep = createStep("capture-kept-payments", async (paymentIds: string[], { container }) => {
  for (const payment_id of paymentIds) {
    await capturePaymentWorkflow(container).run({ input: { payment_id } })
  }
  return new StepResponse(paymentIds)
})
