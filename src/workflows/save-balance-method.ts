import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { saveBalanceMethodStep, SaveBalanceMethodInput } from "./steps/save-balance-method"
import { balanceLockKey } from "./lock"

/** The couple asks for the balance to be charged to a saved method on its due date (README "Balances": due-date charges). */
export const saveBalanceMethodWorkflow = createWorkflow("save-balance-method", (input: SaveBalanceMethodInput) => {
  const key = transform({ input }, ({ input }) => balanceLockKey(input.order_id))
  acquireLockStep({ key, timeout: 15, ttl: 60 })
  const saved = saveBalanceMethodStep(input)
  releaseLockStep({ key })
  return new WorkflowResponse(saved)
})
