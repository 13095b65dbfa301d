import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, addOrderTransactionStep, authorizePaymentSessionStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { BALANCE_EVENTS } from "../lib/balances"
import { prepareBalanceAuthorizationStep, PrepareBalanceAuthorizationInput } from "./steps/prepare-balance-authorization"
import { balanceLockKey } from "./lock"

type AuthorizedPayment = { id: string; currency_code: string; captures?: { id: string; amount: unknown }[] | null } | null

/**
 * Authorizes the order's balance session with its provider (Medusa's step; the payment module
 * answers an authorized session's payment again, and the provider gets the session's id as its
 * idempotency key), adds what the provider captured to the order's transactions, and tells
 * `tiered.balance.paid`. A repeat, or a call after an interrupted one, answers the same payment.
 */
export const authorizeBalancePaymentWorkflow = createWorkflow("authorize-balance-payment", (input: PrepareBalanceAuthorizationInput) => {
  const key = transform({ input }, ({ input }) => balanceLockKey(input.order_id))
  acquireLockStep({ key, timeout: 15, ttl: 60 })
  const prepared = prepareBalanceAuthorizationStep(input)
  const authorized = when("balance-session-to-authorize", { prepared }, ({ prepared }) => !!prepared.session_id).then(() =>
    authorizePaymentSessionStep(transform({ prepared }, ({ prepared }) => ({ id: prepared.session_id! })))
  )
  when("balance-payment-captured", { authorized }, ({ authorized }) => !!(authorized as AuthorizedPayment)?.captures?.length).then(() => {
    addOrderTransactionStep(
      transform({ authorized, prepared }, ({ authorized, prepared }) =>
        ((authorized as AuthorizedPayment)?.captures ?? []).map((c) => ({
          order_id: prepared.order_id,
          amount: c.amount as number,
          currency_code: prepared.currency_code,
          reference: "capture",
          reference_id: c.id,
        }))
      )
    )
  })
  const payment = transform({ authorized, prepared }, ({ authorized, prepared }) => ({
    order_id: prepared.order_id,
    payment_id: (authorized as AuthorizedPayment)?.id ?? prepared.payment_id!,
    amount: prepared.amount,
    currency_code: prepared.currency_code,
  }))
  emitEventStep({ eventName: BALANCE_EVENTS.paid, data: transform({ payment }, ({ payment }) => ({ ...payment, method: "session" })) })
  releaseLockStep({ key })
  return new WorkflowResponse(payment)
})
