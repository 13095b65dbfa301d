import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderTierSummary } from "../../../../../queries/order-summary"

/** The order's tiers, event dates, bookings and commission, for the order page's widget. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ tier_summary: await orderTierSummary(req.scope, req.params.id) })
}
