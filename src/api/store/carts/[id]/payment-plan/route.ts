import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { cartPaymentDue } from "../../../../../queries/payment-plan"
import type { StoreCartPaymentPlanResponse } from "../../../../../contract/store"

/** What the cart pays at checkout and what its order will owe (the amount its payment session will ask). */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse<StoreCartPaymentPlanResponse>) => {
  const due = await cartPaymentDue(req.scope, req.params.id, req.publishable_key_context.sales_channel_ids)
  const { currency_code, total, due_now, balance, balance_due_date, event_date, pay_in_full, reason, instalments } = due
  // The payments of a plan of several; a single balance answers as it always has.
  const split = instalments.length > 1 ? { instalments } : {}
  res.json({ payment_plan: { currency_code, total, due_now, balance, balance_due_date, event_date, pay_in_full, reason, ...split } })
}
