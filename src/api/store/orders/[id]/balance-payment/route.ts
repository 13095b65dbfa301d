import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { balancePaymentCollection } from "../../../../../queries/balances"
import { takeStoreRateLimits } from "../../../../../queries/rate-limit"
import { orderPaymentPlan } from "../../../../../queries/payment-plan"
import { startBalancePaymentWorkflow, StartBalancePaymentInput } from "../../../../../workflows/start-balance-payment"
import { StoreStartBalancePaymentType } from "../../validators"
import type { StoreBalancePaymentResponse } from "../../../../../contract/store"

/** A payment session for what the order owes now (its next payment, or `pay: "balance"` all of it), with the provider the couple chose (README "Balances"). */
export const POST = async (req: MedusaStoreRequest<StoreStartBalancePaymentType>, res: MedusaResponse<StoreBalancePaymentResponse>) => {
  const channels = req.publishable_key_context.sales_channel_ids
  await takeStoreRateLimits(req.scope, "balance_payments", [...channels].sort().join(","), { visitor_id: req.params.id, address: req.ip })
  const { provider_id, pay } = req.validatedBody
  const input: StartBalancePaymentInput = { order_id: req.params.id, provider_id, sales_channel_ids: channels, pay }
  const { result } = await startBalancePaymentWorkflow(req.scope).run({ input })
  const [payment_collection, payment_plan] = await Promise.all([
    balancePaymentCollection(req.scope, result.payment_collection_id),
    orderPaymentPlan(req.scope, req.params.id, channels),
  ])
  res.json({ payment_collection, payment_plan })
}
