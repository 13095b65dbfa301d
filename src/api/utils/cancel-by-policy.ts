import { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEPOSITS_MODULE, DepositsModuleService } from "../../modules/deposits"
import { cancelOrderByPolicyWorkflow } from "../../workflows/cancel-order-by-policy"

/**
 * `POST /admin/orders/:id/cancel` of an order that took a deposit: canceled under the tenant's
 * cancellation policy (README "Balances") instead of Medusa's cancel, which would refund every
 * payment. Answers as Medusa's route does (`{ order }`), with the policy's decisions beside it.
 * Orders that paid in full go on to Medusa's route unchanged.
 */
export async function cancelByPolicy(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const deposits: DepositsModuleService = req.scope.resolve(DEPOSITS_MODULE)
    const [plan] = await deposits.listPaymentPlans({ order_id: req.params.id, pay_in_full: false }, { select: ["id"] })
    if (!plan) {
      return next()
    }
    const { result } = await cancelOrderByPolicyWorkflow(req.scope).run({ input: { order_id: req.params.id, canceled_by: (req as AuthenticatedMedusaRequest).auth_context?.actor_id } })
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "status", "canceled_at", "metadata", "summary.*"], filters: { id: req.params.id } })
    res.status(200).json({ order: data[0], cancellation: { refunded: result.refunded_total, payments: result.decisions } })
  } catch (e) {
    next(e)
  }
}
