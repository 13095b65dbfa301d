import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { balancePaymentProblem } from "../../lib/balances"
import { BALANCES_MODULE, BalancesModuleService } from "../../modules/balances"
import { orderBalance, regionProviders } from "../../queries/balances"
import { customerSavedMethods, ownOrder, SYSTEM_PROVIDER } from "../../queries/saved-methods"

export type SaveBalanceMethodInput = {
  order_id: string
  sales_channel_ids?: string[]
  /** The signed-in customer: only the order's own may choose what it is charged with. */
  customer_id: string
  provider_id: string
  /** The method's id at the provider (a Stripe `pm_…` saved to the customer's account); none for the system provider. */
  payment_method_id?: string | null
}

export type BalanceMethodOwnerInput = { order_id: string; sales_channel_ids?: string[]; customer_id: string; provider_id: string }

/**
 * The order, when the signed-in customer is its own (another's order, or a guest's, is 404 as if
 * absent) and it still owes a balance (400: paid in full, canceled) payable with the provider (400:
 * one the order's region does not take).
 */
async function ownedBalanceOrder(container: MedusaContainer, input: BalanceMethodOwnerInput) {
  const state = ownOrder(await orderBalance(container, input.order_id, input.sales_channel_ids), input.customer_id)
  const problem = balancePaymentProblem(state.plan, state.canceled)
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }
  if (!(await regionProviders(container, state.region_id)).includes(input.provider_id)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Payment provider ${input.provider_id} is not one this order's region takes`)
  }
  return state
}

/** Before a method is saved for the balance: the order's own customer, a balance owed, a provider of its region that saves methods. */
export const checkBalanceMethodOwnerStep = createStep("check-balance-method-owner", async (input: BalanceMethodOwnerInput, { container }) => {
  await ownedBalanceOrder(container, input)
  if (input.provider_id === SYSTEM_PROVIDER) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${SYSTEM_PROVIDER} saves no payment methods`)
  }
  return new StepResponse({ customer_id: input.customer_id })
})

type Saved = { id: string; provider_id: string | null; payment_method_id: string | null; attempts: number; last_error: string | null; flagged_at: Date | null }

/**
 * The method the due-date run charges the balance with, chosen by the order's signed-in customer
 * (another customer's order, or a guest's, is 404 as if absent): refused for an order paid in full
 * or canceled, a provider the order's region does not take, or a method the provider does not list
 * among the customer's saved ones (Medusa's account holder and `listPaymentMethods`). A new method
 * starts its attempts afresh (a flag is lifted); the undo puts the schedule back as it was.
 */
export const saveBalanceMethodStep = createStep(
  "save-balance-method",
  async (input: SaveBalanceMethodInput, { container }) => {
    const state = await ownedBalanceOrder(container, input)
    await ensureSavedMethod(container, input)
    const service: BalancesModuleService = container.resolve(BALANCES_MODULE)
    const [before] = await service.listBalanceSchedules({ order_id: state.order_id })
    const change = { provider_id: input.provider_id, payment_method_id: input.payment_method_id ?? null, attempts: 0, last_error: null, flagged_at: null }
    const saved = before
      ? await service.updateBalanceSchedules({ id: before.id, ...change })
      : await service.createBalanceSchedules({ order_id: state.order_id, sales_channel_id: state.sales_channel_id, ...change })
    const undo: { created: string } | { restore: Saved } = before
      ? { restore: { id: before.id, provider_id: before.provider_id, payment_method_id: before.payment_method_id, attempts: before.attempts, last_error: before.last_error, flagged_at: before.flagged_at } }
      : { created: saved.id }
    return new StepResponse({ order_id: state.order_id, provider_id: saved.provider_id, payment_method_id: saved.payment_method_id, balance_due_date: state.plan.balance_due_date }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BalancesModuleService = container.resolve(BALANCES_MODULE)
    if ("created" in undo) {
      await service.deleteBalanceSchedules(undo.created)
    } else {
      await service.updateBalanceSchedules(undo.restore)
    }
  }
)

/** The system provider takes no method; any other provider must list the method among the customer's saved ones. */
async function ensureSavedMethod(container: MedusaContainer, input: SaveBalanceMethodInput) {
  if (input.provider_id === SYSTEM_PROVIDER) {
    if (input.payment_method_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${SYSTEM_PROVIDER} takes no saved payment method; leave payment_method_id out`)
    }
    return
  }
  if (!input.payment_method_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Name one of your saved payment methods with ${input.provider_id} (payment_method_id)`)
  }
  const saved = await customerSavedMethods(container, input.customer_id, [input.provider_id])
  if (!saved.some((m) => m.id === input.payment_method_id)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Payment method ${input.payment_method_id} is not one you saved with ${input.provider_id}; save it at checkout or with the setup route first`
    )
  }
}
