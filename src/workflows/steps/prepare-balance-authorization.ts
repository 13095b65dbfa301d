import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ConflictError } from "../../lib/errors"
import { authorizedSession, openSessionCollection, orderBalance, regionProviders } from "../../queries/balances"
import { amountDueNow } from "../../queries/payment-plan"

export type PrepareBalanceAuthorizationInput = { order_id: string; sales_channel_ids?: string[] }

export type BalanceAuthorization = {
  order_id: string
  currency_code: string
  /** The session to authorize now; null when an earlier call already did (its payment answers). */
  session_id: string | null
  payment_id: string | null
  amount: number
}

// A session the provider already confirmed (a saved card charged off-session) still needs its payment made.
const AUTHORIZABLE = new Set(["pending", "requires_more", "pending_authorization", "authorized", "captured"])

/**
 * Which balance session to authorize: the open collection's session, only while it is for exactly
 * what is due now or the whole balance (an offline record since makes it stale: 409, start again) and of a provider the
 * order's region takes (one made around the plugin's route may not be: 400). A repeat after the
 * balance was paid by session answers that payment; nothing started is a 400.
 */
export const prepareBalanceAuthorizationStep = createStep(
  "prepare-balance-authorization",
  async (input: PrepareBalanceAuthorizationInput, { container }) => {
    const state = await orderBalance(container, input.order_id, input.sales_channel_ids)
    const base = { order_id: state.order_id, currency_code: state.currency_code }
    const open = openSessionCollection(state)
    const refused = open?.payment_sessions.find((s) => s.status === "error")
    if (refused && !state.canceled && state.plan.balance > 0) {
      throw new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, `The payment was refused: ${refused.error}; start the balance payment again`)
    }
    const session = open?.payment_sessions.find((s) => !s.authorized_at && AUTHORIZABLE.has(s.status))
    if (open && session && !state.canceled && state.plan.balance > 0) {
      // What is due now (a plan's next payment) or, paying it all off, the whole balance.
      const dueNow = amountDueNow(state.plan)
      const payable = (amount: number) => amount === dueNow || amount === state.plan.balance
      if (open.amount !== session.amount || !payable(session.amount)) {
        const owed = dueNow === state.plan.balance ? `the balance is now ${state.plan.balance}` : `${dueNow} is due now (the balance is ${state.plan.balance})`
        throw new ConflictError(`This payment was started for ${session.amount} ${state.currency_code.toUpperCase()} but ${owed}; start the balance payment again`)
      }
      if (!(await regionProviders(container, state.region_id)).includes(session.provider_id)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Payment provider ${session.provider_id} is not one this order's region takes; start the balance payment again`
        )
      }
      return new StepResponse<BalanceAuthorization>({ ...base, session_id: session.id, payment_id: null, amount: session.amount })
    }
    const done = authorizedSession(state)
    // A repeat after the payment: the balance is paid, or (a plan of several) no later payment was started.
    if (done && (state.plan.balance <= 0 || (state.plan.next_payment !== undefined && !open))) {
      return new StepResponse<BalanceAuthorization>({ ...base, session_id: null, payment_id: done.session.payment!.id, amount: done.session.amount })
    }
    if (state.canceled) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This order is canceled; it has no balance to pay")
    }
    if (state.plan.balance <= 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This order is paid in full; there is no balance to pay")
    }
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `No balance payment was started for order ${state.order_id}; start one (POST /store/orders/${state.order_id}/balance-payment) first`
    )
  }
)
