import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { orderPaymentPlan } from "../../../../../queries/payment-plan"
import type { StoreOrderPaymentPlanResponse } from "../../../../../contract/store"

/** What the order was charged at checkout, has paid, and owes by when. */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse<StoreOrderPaymentPlanResponse>) => {
  res.json({ payment_plan: await orderPaymentPlan(req.scope, req.params.id, req.publishable_key_context.sales_channel_ids) })
}
