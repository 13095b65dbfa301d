import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { BALANCE_EVENTS, balancePaymentUrl, PaymentLinkEvent } from "../lib/balances"
import { todayUtc } from "../lib/dates"
import { prepareBalancePaymentStep } from "./steps/prepare-balance-payment"
import { ensureBalanceCollection } from "./utils/balance-collection"
import { balanceLockKey } from "./lock"

export type SendPaymentLinkInput = { order_id: string; storefront_url: string }

/**
 * The merchant sends the couple a link to pay the balance: the order's balance collection for
 * exactly what is owed, and `tiered.balance.payment_link` with the storefront's pay page and the
 * order's email, for a notification to send.
 */
export const sendPaymentLinkWorkflow = createWorkflow("send-payment-link", (input: SendPaymentLinkInput) => {
  const key = transform({ input }, ({ input }) => balanceLockKey(input.order_id))
  acquireLockStep({ key, timeout: 15, ttl: 60 })
  const plan = prepareBalancePaymentStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
  const collectionId = ensureBalanceCollection(plan)
  const link = transform({ plan, input, collectionId }, ({ plan, input, collectionId }): PaymentLinkEvent => ({
    order_id: plan.order_id,
    url: balancePaymentUrl(input.storefront_url, plan.order_id),
    email: plan.email,
    amount: plan.amount,
    currency_code: plan.currency_code,
    balance_due_date: plan.balance_due_date,
    payment_collection_id: collectionId,
    // One link notice a day: a second press the same day (a double click) sends no second email.
    sent_on: todayUtc(new Date()),
  }))
  emitEventStep({ eventName: BALANCE_EVENTS.payment_link, data: link })
  releaseLockStep({ key })
  return new WorkflowResponse(link)
})
