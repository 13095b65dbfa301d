import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, updatePaymentCollectionStep } from "@medusajs/medusa/core-flows"
import { PreparePaymentDueInput, preparePaymentDueStep } from "./steps/prepare-payment-due"

/**
 * Sets a cart's payment collection to what the cart pays now (the deposit, or the total), under
 * the cart's lock, before Medusa creates a payment session for the collection's amount. A cart
 * change afterwards makes Medusa reset the amount and drop the sessions; checkout refuses a
 * session whose amount is not what is due then.
 */
export const setPaymentCollectionDueWorkflow = createWorkflow("set-payment-collection-due", (input: PreparePaymentDueInput) => {
  acquireLockStep({ key: input.cart_id, timeout: 5, ttl: 30 })
  const { due, change } = preparePaymentDueStep(input)
  when({ change }, ({ change }) => change).then(() => {
    updatePaymentCollectionStep(
      transform({ input, due }, ({ input, due }) => ({ selector: { id: input.payment_collection_id }, update: { amount: due.due_now } }))
    )
  })
  releaseLockStep({ key: input.cart_id })
  return new WorkflowResponse(due)
})
