import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OfflineMethod, offlinePaymentProblem } from "../../lib/balances"
import { orderBalance } from "../../queries/balances"

export type RecordOfflinePaymentInput = {
  order_id: string
  amount: number
  method: OfflineMethod
  reference?: string | null
  note?: string | null
  /** The admin user who recorded it. */
  recorded_by?: string
}

export type OfflinePaymentPlan = {
  order_id: string
  currency_code: string
  amount: number
  metadata: Record<string, unknown>
}

/** Refuses an offline payment of a canceled order, or one above the balance (400); names the collection to make. */
export const prepareOfflinePaymentStep = createStep("prepare-offline-payment", async (input: RecordOfflinePaymentInput, { container }) => {
  const state = await orderBalance(container, input.order_id)
  if (state.canceled) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This order is canceled; a payment cannot be recorded on it")
  }
  const problem = offlinePaymentProblem(input.amount, state.plan.balance, state.currency_code)
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }
  return new StepResponse<OfflinePaymentPlan>({
    order_id: state.order_id,
    currency_code: state.currency_code,
    amount: input.amount,
    metadata: {
      tiered_balance: "offline",
      method: input.method,
      reference: input.reference ?? null,
      note: input.note ?? null,
      recorded_by: input.recorded_by ?? null,
    },
  })
})
