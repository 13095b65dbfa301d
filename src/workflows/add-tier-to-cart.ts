import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, addToCartWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createTierLinesStep } from "./steps/create-tier-lines"
import { holdTierDateStep } from "./steps/hold-tier-date"
import { PrepareTierItemsInput, prepareTierItemsStep } from "./steps/prepare-tier-items"

export type AddTierToCartWorkflowInput = PrepareTierItemsInput

/**
 * Adds a tier line and its add-on lines at server prices, under the cart's
 * own lock (the key Medusa's cart workflows use), so checkout and other
 * changes to the cart wait for it; holds the date first (nothing is added
 * when it is taken), then writes the plugin's record of each line, which is
 * what checkout, bookings and commission read. Answers the hold.
 */
export const addTierToCartWorkflow = createWorkflow(
  "add-tier-to-cart",
  (input: AddTierToCartWorkflowInput) => {
    acquireLockStep({ key: input.cart_id, timeout: 5, ttl: 30 })
    const planned = prepareTierItemsStep(input)
    const hold = holdTierDateStep(transform({ planned }, ({ planned }) => ({ hold: planned.hold, tier_name: planned.tier_name })))
    addToCartWorkflow.runAsStep({
      input: transform({ input, planned }, ({ input, planned }) => ({ cart_id: input.cart_id, items: planned.items })),
    })
    createTierLinesStep(transform({ input, planned }, ({ input, planned }) => ({ cart_id: input.cart_id, records: planned.records })))
    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse(hold)
  }
)
