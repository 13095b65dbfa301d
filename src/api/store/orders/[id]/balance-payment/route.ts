import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { balancePaymentCollection } from "../../../../../queries/balances"
import { orderPaymentPlan } from "../../../../../queries/payment-plan"
import { startBalancePaymentWorkflow } from "../../../../../workflows/start-balance-payment"
import { StoreStartBalancePaymentType } from "../../validators"
import type { StoreBalancePaymentResponse } from "../../../../../contract/store"

/** A payment session for what the order owes now, with the provider the couple chose (README "Balances"). */
export const POST = async (req: MedusaStoreRequest<StoreStartBalancePaymentType>, res: MedusaResponse<StoreBalancePaymentResponse>) => {
  const channels = req.publishable_key_context.sales_channel_ids
  const { result } = await startBalancePaymentWorkflow(req.scope).run({
    input: { order_id: req.params.id, provider_id: req.validatedBody.provider_id, sales_channel_ids: channels },
  })
  const [payment_collection, payment_plan] = await Promise.all([
    balancePaymentCollection(req.scope, result.payment_collection_id),
    orderPaymentPlan(req.scope, req.params.id, channels),
  ])
  res.json({ payment_collection, payment_plan })
}
