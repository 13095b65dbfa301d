import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { tierReport } from "../../../../queries/reports"
import { respond } from "../respond"
import { AdminReportQueryType } from "../validators"
import type { TierReport } from "../../../../contract/admin"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminReportQueryType>, res: MedusaResponse<TierReport>) => {
  const { format, ...filter } = req.validatedQuery
  const report = await tierReport(req.scope, filter)
  respond(res, format, report, {
    name: `tiers-${report.from}-${report.to}`,
    rows: report.tiers,
    columns: ["tier_id", "tier_name", "level", "segment_name", "views", "orders", "revenue", "addon_revenue", "commission", "currency_code"],
  })
}
