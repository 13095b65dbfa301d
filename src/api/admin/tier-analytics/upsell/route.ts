import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { upsellReport } from "../../../../queries/reports"
import { respond } from "../respond"
import { AdminReportQueryType } from "../validators"
import type { UpsellReport } from "../../../../contract/admin"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminReportQueryType>, res: MedusaResponse<UpsellReport>) => {
  const { format, ...filter } = req.validatedQuery
  const report = await upsellReport(req.scope, filter)
  respond(res, format, report, {
    name: `upsell-${report.from}-${report.to}`,
    rows: report.rules,
    columns: ["rule_id", "rule_name", "action", "shown", "accepted", "declined", "acceptance_rate", "orders", "revenue", "currency_code"],
  })
}
