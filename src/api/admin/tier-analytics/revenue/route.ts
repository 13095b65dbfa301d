import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { revenueReport } from "../../../../queries/reports"
import { respond } from "../respond"
import { AdminRevenueReportQueryType } from "../validators"
import type { RevenueReport } from "../../../../contract/admin"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminRevenueReportQueryType>, res: MedusaResponse<RevenueReport>) => {
  const { format, interval, ...filter } = req.validatedQuery
  const report = await revenueReport(req.scope, filter, interval)
  respond(res, format, report, {
    name: `revenue-${report.from}-${report.to}`,
    rows: report.by_tier,
    columns: ["segment_name", "tier_name", "orders", "revenue", "addon_revenue", "commission", "currency_code"],
  })
}
