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
  /** The same record's collection left unpaid by an interrupted run: marked paid now, not made again. */
  collection_id: string | null
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
  const reference = input.reference ?? null
  const unfinished = state.collections.find(
    (c) => c.kind === "offline" && c.status === "not_paid" && c.amount === input.amount && c.metadata?.method === input.method && (c.metadata?.reference ?? null) === reference
  )
  return new StepResponse<OfflinePaymentPlan>({
    collection_id: unfinished?.id ?? null,
    order_id: state.order_id,
    currency_code: state.currency_code,
    amount: input.amount,
    metadata: {
      tiered_balance: "offline",
      method: input.method,
      reference,
      note: input.note ?? null,
      recorded_by: input.recorded_by ?? null,
    },
  })
})
