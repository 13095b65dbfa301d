import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderSchedule } from "../../../../../queries/balances"
import { recordOfflinePaymentWorkflow } from "../../../../../workflows/record-offline-payment"
import { AdminRecordOfflinePaymentType } from "../../validators"
import type { AdminOfflinePaymentResponse } from "../../../../../contract/admin"

/** Records a payment the merchant took outside the store, against the balance (never above it). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRecordOfflinePaymentType>, res: MedusaResponse<AdminOfflinePaymentResponse>) => {
  const { result } = await recordOfflinePaymentWorkflow(req.scope).run({
    input: { order_id: req.params.id, ...req.validatedBody, recorded_by: req.auth_context.actor_id },
  })
  res.json({ payment: result, schedule: await orderSchedule(req.scope, req.params.id) })
}
