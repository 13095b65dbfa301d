import { MedusaContainer } from "@medusajs/framework/types"
import { DEPOSITS_MODULE, DepositsModuleService } from "../../modules/deposits"
import type { CartPaymentDue } from "../../queries/payment-plan"

/**
 * Keeps what checkout decided for a cart (one plan a cart: a new attempt overwrites the last),
 * written before the order exists so a crash after the order leaves a plan to find by its cart.
 */
export async function recordCartPaymentPlan(container: MedusaContainer, due: CartPaymentDue): Promise<void> {
  const service: DepositsModuleService = container.resolve(DEPOSITS_MODULE)
  const plan = {
    cart_id: due.cart_id,
    sales_channel_id: due.sales_channel_id,
    currency_code: due.currency_code,
    total: due.total,
    deposit: due.due_now,
    balance: due.balance,
    balance_due_date: due.balance_due_date,
    event_date: due.event_date,
    pay_in_full: due.pay_in_full,
    reason: due.reason,
    policy: { policies: due.policies } as unknown as Record<string, unknown>,
    instalments: due.pay_in_full ? null : (due.instalments as unknown as Record<string, unknown>),
    first_due_date: due.instalments[0]?.due_date ?? due.balance_due_date,
  }
  const [existing] = await service.listPaymentPlans({ cart_id: due.cart_id }, { select: ["id", "order_id"] })
  if (existing?.order_id) {
    return
  }
  if (existing) {
    await service.updatePaymentPlans({ id: existing.id, ...plan })
  } else {
    await service.createPaymentPlans(plan)
  }
}

/** Drops the plan of a checkout that failed before its order was placed. */
export async function dropCartPaymentPlan(container: MedusaContainer, cartId: string): Promise<void> {
  const service: DepositsModuleService = container.resolve(DEPOSITS_MODULE)
  const plans = await service.listPaymentPlans({ cart_id: cartId, order_id: null }, { select: ["id"] })
  if (plans.length) {
    await service.deletePaymentPlans(plans.map((p) => p.id))
  }
}
