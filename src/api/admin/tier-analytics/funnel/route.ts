import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { funnelReport } from "../../../../queries/reports"
import { respond } from "../respond"
import { AdminReportQueryType } from "../validators"
import type { FunnelReport } from "../../../../contract/admin"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminReportQueryType>, res: MedusaResponse<FunnelReport>) => {
  const { format, ...filter } = req.validatedQuery
  const report = await funnelReport(req.scope, filter)
  const rows = [
    ...report.segments.map((s) => ({ segment: s.segment_handle ?? s.segment_id, ...s.steps })),
    { segment: "all", ...report.total.steps },
  ]
  respond(res, format, report, {
    name: `funnel-${report.from}-${report.to}`,
    rows,
    columns: ["segment", "segment_selected", "tier_viewed", "tier_compared", "checkout_started", "order"],
  })
}
