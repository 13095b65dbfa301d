import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { balancePaymentProblem } from "../../lib/balances"
import { BALANCES_MODULE, BalancesModuleService } from "../../modules/balances"
import { orderBalance, regionProviders } from "../../queries/balances"

export type SaveBalanceMethodInput = {
  order_id: string
  sales_channel_ids?: string[]
  provider_id: string
  /** The method's id at the provider (a Stripe `pm_…` of the couple's customer); none for a provider that needs none. */
  payment_method_id?: string | null
}

type Saved = { id: string; provider_id: string | null; payment_method_id: string | null; attempts: number; last_error: string | null; flagged_at: Date | null }

/**
 * The method the due-date run charges the balance with: refused for an order paid in full or
 * canceled, or a provider the order's region does not take. A new method starts its attempts
 * afresh (a flag is lifted); the undo puts the schedule back as it was.
 */
export const saveBalanceMethodStep = createStep(
  "save-balance-method",
  async (input: SaveBalanceMethodInput, { container }) => {
    const state = await orderBalance(container, input.order_id, input.sales_channel_ids)
    const problem = balancePaymentProblem(state.plan, state.canceled)
    if (problem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    }
    if (!(await regionProviders(container, state.region_id)).includes(input.provider_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Payment provider ${input.provider_id} is not one this order's region takes`)
    }
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
