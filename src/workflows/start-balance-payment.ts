import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createPaymentSessionsWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { PrepareBalancePaymentInput, prepareBalancePaymentStep } from "./steps/prepare-balance-payment"
import { ensureBalanceCollection } from "./utils/balance-collection"
import { balanceLockKey } from "./lock"

export type StartBalancePaymentInput = Pick<PrepareBalancePaymentInput, "order_id" | "sales_channel_ids" | "payment_method_id" | "pay"> & { provider_id: string }

/**
 * A payment session for what the order owes now (README "Balances"): one open collection per order
 * for exactly that amount (the next payment of a plan, or the balance), reused by a repeat or a racing call (the order's lock), with a session
 * of the provider (a pending one for the same amount is answered again).
 */
export const startBalancePaymentWorkflow = createWorkflow("start-balance-payment", (input: StartBalancePaymentInput) => {
  const key = transform({ input }, ({ input }) => balanceLockKey(input.order_id))
  acquireLockStep({ key, timeout: 15, ttl: 60 })
  const plan = prepareBalancePaymentStep(input)
  const collectionId = ensureBalanceCollection(plan)
  const created = when("balance-session-missing", { plan }, ({ plan }) => !plan.reusable_session_id).then(() =>
    createPaymentSessionsWorkflow.runAsStep({
      input: transform({ plan, collectionId, input }, ({ plan, collectionId, input }) => ({
        payment_collection_id: collectionId,
        provider_id: input.provider_id,
        // A saved method is charged on the customer's account holder (Stripe: the intent's customer).
        customer_id: plan.customer_id ?? undefined,
        data: plan.session_data,
        context: {},
      })),
    })
  )
  releaseLockStep({ key })
  return new WorkflowResponse(
    transform({ plan, collectionId, created }, ({ plan, collectionId, created }) => ({
      payment_collection_id: collectionId,
      payment_session_id: plan.reusable_session_id ?? created!.id,
      amount: plan.amount,
    }))
  )
})
