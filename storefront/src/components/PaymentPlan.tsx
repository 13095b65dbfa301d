import type { CartPaymentPlan, OrderPaymentPlan } from "@tiered/client"
import { useEffect, useState } from "react"
import { sdk } from "../api"
import { longDate, money, scheduleText } from "../format"

/** Reads a plan from the store (null until it answers, or when it refuses) and again when `deps` change. */
function usePlan<T>(read: () => Promise<T>, deps: unknown[]): T | null {
  const [plan, setPlan] = useState<T | null>(null)
  useEffect(() => {
    let live = true
    read()
      .then((p) => live && setPlan(p))
      .catch(() => live && setPlan(null))
    return () => {
      live = false
    }
  }, deps)
  return plan
}

/** What checkout charges now, as the server decides it; follows the cart's total (an upgrade or an add-on changes it). */
export function useCartPaymentPlan(cartId: string, total: number): CartPaymentPlan | null {
  return usePlan(() => sdk.tiered.carts.paymentPlan(cartId).then((r) => r.payment_plan), [cartId, total])
}

/** "$3,000.00 today, $7,000.00 due by June 17, 2027" (or "..., then 3 payments: $2,333.33 by Feb 9, 2027, ..."). */
export function CartPaymentPlanNote({ plan }: { plan: CartPaymentPlan | null }) {
  if (!plan || plan.pay_in_full) return null
  if (plan.instalments) {
    return (
      <p className="payment-plan" data-testid="payment-plan">
        <strong>{money(plan.due_now, plan.currency_code)} today</strong>, then {scheduleText(plan.instalments, plan.currency_code)}
      </p>
    )
  }
  return (
    <p className="payment-plan" data-testid="payment-plan">
      <strong>{money(plan.due_now, plan.currency_code)} today</strong>, {money(plan.balance, plan.currency_code)} due by{" "}
      {longDate(plan.balance_due_date!)}
    </p>
  )
}

/** What the order paid and still owes, as the server records it. */
export function OrderPaymentPlanNote({ orderId }: { orderId: string }) {
  const plan = usePlan<OrderPaymentPlan>(() => sdk.tiered.orders.paymentPlan(orderId).then((r) => r.payment_plan), [orderId])
  if (!plan || plan.status === "paid" || plan.status === "canceled") return null
  if (plan.instalments) {
    return (
      <p className="payment-plan" data-testid="order-payment-plan">
        Paid today <strong>{money(plan.paid, plan.currency_code)}</strong>; then {scheduleText(plan.instalments, plan.currency_code)}
      </p>
    )
  }
  return (
    <p className="payment-plan" data-testid="order-payment-plan">
      Paid today <strong>{money(plan.paid, plan.currency_code)}</strong>; {money(plan.balance, plan.currency_code)} due by{" "}
      {longDate(plan.balance_due_date!)}
    </p>
  )
}
