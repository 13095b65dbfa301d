import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderTierSummary } from "../../../../../queries/order-summary"
import { asJson } from "../../../../utils/as-json"
import type { OrderTierSummaryResponse } from "../../../../../contract/admin"

/** The order's tiers, event dates, bookings and commission, for the order page's widget. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<OrderTierSummaryResponse>) => {
  res.json({ tier_summary: asJson(await orderTierSummary(req.scope, req.params.id)) })
}
