import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BALANCE_EVENTS, BalanceChargeFailedEvent, BalanceDueEvent, balanceTargets, nextChargeDate, REMINDER_DAYS_BEFORE_DUE } from "../../lib/balances"
import { amountThrough, InstalmentOfPlan, InstalmentState } from "../../lib/instalments"
import { roundToMinor } from "../../lib/money"
import { addDays, todayUtc } from "../../lib/dates"
import { BALANCES_MODULE, BalancesModuleService } from "../../modules/balances"
import { DEPOSITS_MODULE, DepositsModuleService } from "../../modules/deposits"
import { orderBalance, OrderBalance } from "../../queries/balances"
import { tenantTodays } from "../../queries/time-zones"
import { authorizeBalancePaymentWorkflow } from "../authorize-balance-payment"
import { startBalancePaymentWorkflow } from "../start-balance-payment"

export type RunBalanceScheduleInput = { now: string }

export type BalanceScheduleRun = { reminded: string[]; charged: string[]; failed: string[]; flagged: string[]; overdue: string[] }

// A workflow's run throws its step's error as a plain object with a message.
const message = (e: unknown) => {
  const text = (e as { message?: unknown } | null)?.message
  return (typeof text === "string" ? text : String(e)).slice(0, 500)
}

/** The instalment a notice is for, with what paying through it takes now. */
function instalmentOf(plan: OrderBalance["plan"], instalment: InstalmentState): InstalmentOfPlan {
  const schedule = plan.instalments ?? []
  const covered = Math.max(0, roundToMinor(plan.paid - plan.deposit, plan.currency_code))
  return {
    number: instalment.number,
    count: schedule.length,
    amount: amountThrough(schedule, instalment.number, covered, plan.balance, plan.currency_code),
    due_date: instalment.due_date,
  }
}

/**
 * One pass of the balance schedule at `now`, each order by its tenant's today, per instalment of a
 * plan of several (a single balance is one): the reminder, the saved-method charge (on the
 * instalment's date for what is due then, then the retry days; each failure counted with its
 * error, the order flagged once retries are spent) and the overdue mark, each event once. Every
 * order is a write of its own: one order's failure never stops the others.
 */
export const runBalanceScheduleStep = createStep("run-balance-schedule", async (input: RunBalanceScheduleInput, { container }) => {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const deposits: DepositsModuleService = container.resolve(DEPOSITS_MODULE)
  const balances: BalancesModuleService = container.resolve(BALANCES_MODULE)
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const now = new Date(input.now)
  const run: BalanceScheduleRun = { reminded: [], charged: [], failed: [], flagged: [], overdue: [] }

  // Nothing happens before the reminder's week; a zone ahead of UTC is at most a day ahead.
  const horizon = addDays(todayUtc(now), 1 + REMINDER_DAYS_BEFORE_DUE)
  const plans = await deposits.listPaymentPlans(
    // A plan of several payments is due from its first payment's date on.
    { order_id: { $ne: null }, pay_in_full: false, $or: [{ balance_due_date: { $lte: horizon } }, { first_due_date: { $lte: horizon } }] },
    { select: ["order_id", "sales_channel_id"] }
  )
  const todays = await tenantTodays(container, [...new Set(plans.map((p) => p.sales_channel_id))], {}, now)
  const schedules = new Map(
    (plans.length ? await balances.listBalanceSchedules({ order_id: plans.map((p) => p.order_id!) }) : []).map((s) => [s.order_id, s])
  )
  for (const p of plans) {
    const orderId = p.order_id!
    const today = todays.get(p.sales_channel_id)!
    try {
      const state = await orderBalance(container, orderId)
      if (state.canceled) {
        continue
      }
      let schedule = schedules.get(orderId)
      const actions = balanceTargets(
        state.plan,
        {
          provider_id: schedule?.provider_id ?? null,
          attempts: schedule?.attempts ?? 0,
          flagged: !!schedule?.flagged_at,
          reminded_on: schedule?.reminded_on ?? null,
          overdue_on: schedule?.overdue_on ?? null,
          reminded_for: schedule?.reminded_for ?? null,
          overdue_for: schedule?.overdue_for ?? null,
          attempts_for: schedule?.attempts_for ?? null,
        },
        today
      )
      if (!actions.remind && !actions.charge && !actions.overdue) {
        continue
      }
      schedule ??= await balances.createBalanceSchedules({ order_id: orderId, sales_channel_id: state.sales_channel_id })
      const about = (instalment: InstalmentState): BalanceDueEvent => ({
        order_id: orderId,
        email: state.email,
        balance: state.plan.balance,
        currency_code: state.currency_code,
        balance_due_date: state.plan.balance_due_date,
        ...(state.plan.instalments ? { instalment: instalmentOf(state.plan, instalment) } : {}),
      })
      if (actions.remind) {
        await balances.updateBalanceSchedules({ id: schedule.id, reminded_on: today, reminded_for: actions.remind.due_date })
        await eventBus.emit({ name: BALANCE_EVENTS.reminder_due, data: about(actions.remind) })
        run.reminded.push(orderId)
      }
      if (actions.charge) {
        try {
          await startBalancePaymentWorkflow(container).run({
            input: { order_id: orderId, provider_id: schedule.provider_id!, payment_method_id: schedule.payment_method_id },
          })
          await authorizeBalancePaymentWorkflow(container).run({ input: { order_id: orderId } })
          run.charged.push(orderId)
          continue
        } catch (e) {
          const attempts = actions.attempts + 1
          const next = nextChargeDate(actions.charge.due_date, attempts)
          await balances.updateBalanceSchedules({
            id: schedule.id,
            attempts,
            attempts_for: actions.charge.due_date,
            last_error: message(e),
            last_attempt_at: now,
            ...(next ? {} : { flagged_at: now }),
          })
          await eventBus.emit({
            name: BALANCE_EVENTS.charge_failed,
            data: { ...about(actions.charge), attempt: attempts, attempted_on: today, error: message(e), next_attempt_on: next, flagged: !next } satisfies BalanceChargeFailedEvent,
          })
          run.failed.push(orderId)
          if (!next) {
            run.flagged.push(orderId)
          }
        }
      }
      if (actions.overdue) {
        await balances.updateBalanceSchedules({ id: schedule.id, overdue_on: today, overdue_for: actions.overdue.due_date })
        await eventBus.emit({ name: BALANCE_EVENTS.overdue, data: about(actions.overdue) })
        run.overdue.push(orderId)
      }
    } catch (e) {
      logger.error(`Balance schedule of order ${orderId}: ${message(e)}`)
    }
  }
  return new StepResponse(run)
})
