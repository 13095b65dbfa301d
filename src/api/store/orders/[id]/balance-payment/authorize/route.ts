import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { orderPaymentPlan } from "../../../../../../queries/payment-plan"
import { authorizeBalancePaymentWorkflow } from "../../../../../../workflows/authorize-balance-payment"
import type { StoreAuthorizeBalancePaymentResponse } from "../../../../../../contract/store"

/** Completes the balance payment the couple started: authorizes its session, once; a repeat answers the same. */
export const POST = async (req: MedusaStoreRequest, res: MedusaResponse<StoreAuthorizeBalancePaymentResponse>) => {
  const channels = req.publishable_key_context.sales_channel_ids
  const { result } = await authorizeBalancePaymentWorkflow(req.scope).run({ input: { order_id: req.params.id, sales_channel_ids: channels } })
  res.json({ payment_id: result.payment_id, payment_plan: await orderPaymentPlan(req.scope, req.params.id, channels) })
}
