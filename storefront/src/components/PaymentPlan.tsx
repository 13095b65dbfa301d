import type { CartPaymentPlan, OrderPaymentPlan } from "@tiered/client"
import { useEffect, useState } from "react"
import { sdk } from "../api"
import { longDate, money } from "../format"

/** "$3,000.00 today, $7,000.00 due by June 17, 2027": what checkout charges now (the server decides it). */
export function CartPaymentPlanNote({ cartId, total }: { cartId: string; total: number }) {
  const [plan, setPlan] = useState<CartPaymentPlan | null>(null)
  useEffect(() => {
    let live = true
    sdk.tiered.carts
      .paymentPlan(cartId)
      .then(({ payment_plan }) => live && setPlan(payment_plan))
      .catch(() => live && setPlan(null))
    return () => {
      live = false
    }
    // The plan follows the cart's total (an upgrade or an add-on changes it).
  }, [cartId, total])
  if (!plan || plan.pay_in_full) return null
  return (
    <p className="payment-plan" data-testid="payment-plan">
      <strong>{money(plan.due_now, plan.currency_code)} today</strong>, {money(plan.balance, plan.currency_code)} due by{" "}
      {longDate(plan.balance_due_date!)}
    </p>
  )
}

/** What the order paid and still owes, as the server records it. */
export function OrderPaymentPlanNote({ orderId }: { orderId: string }) {
  const [plan, setPlan] = useState<OrderPaymentPlan | null>(null)
  useEffect(() => {
    let live = true
    sdk.tiered.orders
      .paymentPlan(orderId)
      .then(({ payment_plan }) => live && setPlan(payment_plan))
      .catch(() => live && setPlan(null))
    return () => {
      live = false
    }
  }, [orderId])
  if (!plan || plan.status === "paid") return null
  return (
    <p className="payment-plan" data-testid="order-payment-plan">
      Paid today <strong>{money(plan.paid, plan.currency_code)}</strong>; {money(plan.balance, plan.currency_code)} due by{" "}
      {longDate(plan.balance_due_date!)}
    </p>
  )
}
