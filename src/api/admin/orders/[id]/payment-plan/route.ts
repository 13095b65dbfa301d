import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderSchedule } from "../../../../../queries/balances"
import type { AdminOrderScheduleResponse } from "../../../../../contract/admin"

/** The order's payment plan (total, paid, balance, due date, status) and its payments, for the order page. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderScheduleResponse>) => {
  res.json({ schedule: await orderSchedule(req.scope, req.params.id) })
}
