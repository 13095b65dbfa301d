import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { graphRows } from "../../../../../queries/rows"
import { upgradeOrderTierWorkflow } from "../../../../../workflows/upgrade-order-tier"
import { StoreUpgradeOrderTierType } from "../../validators"
import { asJson } from "../../../../utils/as-json"
import type { StoreOrderTierUpgradeResponse, StoreUpgradedOrder } from "../../../../../contract/store"

/** The logged-in customer upgrades a booking of their order; the answer has the edited order and what is due. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreUpgradeOrderTierType>, res: MedusaResponse<StoreOrderTierUpgradeResponse>) => {
  const { result } = await upgradeOrderTierWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      order_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "status", "currency_code", "total", "summary.*", "items.id", "items.title", "items.quantity", "items.unit_price", "items.metadata"],
    filters: { id: req.params.id },
  })
  const [order] = graphRows<StoreUpgradedOrder>(data)
  res.json({
    order,
    preview: asJson(result.preview),
    upgrade: result.upgrade,
    amount_due: Number(order.summary?.pending_difference ?? 0),
    currency_code: order.currency_code,
  })
}
