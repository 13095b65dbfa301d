import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { balancePaymentProblem } from "../../lib/balances"
import { openSessionCollection, orderBalance, regionProviders } from "../../queries/balances"
import { connectOrderPaymentData } from "../../queries/connect"
import { amountDueNow } from "../../queries/payment-plan"
import { CONNECT_DATA_KEY, isConnectProvider } from "../../providers/stripe-connect/connect-data"

export type PrepareBalancePaymentInput = {
  order_id: string
  /** The store key's channels (another tenant's order is 404); absent for the admin and jobs. */
  sales_channel_ids?: string[]
  /** The provider of the session to make; absent when only the collection is wanted (a payment link). */
  provider_id?: string
  /** A method the couple saved with the provider, charged off-session (the due-date run). */
  payment_method_id?: string | null
  /** A plan of several payments: what is due now (`next`, the default) or the whole balance. */
  pay?: "next" | "balance"
}

export type BalancePaymentPlan = {
  order_id: string
  email: string | null
  currency_code: string
  /** What is due now: the plan's next payment (or its balance), never a figure the storefront sent. */
  amount: number
  balance_due_date: string | null
  /** The open session collection to reuse, with its amount. */
  collection: { id: string; amount: number } | null
  /** A pending session of that collection, for this provider and exactly this amount: answered again, not made anew. */
  reusable_session_id: string | null
  /** The session's data the server decides (a Connect destination and fee). */
  session_data: Record<string, unknown>
  /** For a saved method's charge: the order's customer, whose account holder the method is saved to. */
  customer_id: string | null
}

/**
 * What the couple pays now on an order and where: refuses an order paid in full or canceled, and a
 * provider its region does not take (400), and names the collection and session to reuse.
 */
export const prepareBalancePaymentStep = createStep("prepare-balance-payment", async (input: PrepareBalancePaymentInput, { container }) => {
  const state = await orderBalance(container, input.order_id, input.sales_channel_ids)
  const problem = balancePaymentProblem(state.plan, state.canceled)
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }
  if (input.provider_id && !(await regionProviders(container, state.region_id)).includes(input.provider_id)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Payment provider ${input.provider_id} is not one this order's region takes`)
  }
  const amount = input.pay === "balance" ? state.plan.balance : amountDueNow(state.plan)
  const open = openSessionCollection(state)
  const reusable =
    input.provider_id && !input.payment_method_id && open && open.amount === amount
      ? open.payment_sessions.find((s) => s.provider_id === input.provider_id && s.status === "pending" && s.amount === amount)
      : undefined
  const session_data: Record<string, unknown> = {
    ...(input.provider_id && isConnectProvider(input.provider_id) && !reusable
      ? { [CONNECT_DATA_KEY]: await connectOrderPaymentData(container, state.order_id, amount) }
      : {}),
    // Stripe's names: the saved card is charged without the couple present.
    ...(input.payment_method_id ? { payment_method: input.payment_method_id, off_session: true, confirm: true } : {}),
  }
  const plan: BalancePaymentPlan = {
    order_id: state.order_id,
    email: state.email,
    currency_code: state.currency_code,
    amount,
    balance_due_date: state.plan.balance_due_date,
    collection: open ? { id: open.id, amount: open.amount } : null,
    reusable_session_id: reusable?.id ?? null,
    session_data,
    customer_id: input.payment_method_id ? state.customer_id : null,
  }
  return new StepResponse(plan)
})
