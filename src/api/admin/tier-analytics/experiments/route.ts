import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { experimentReport } from "../../../../queries/reports"
import { respond } from "../respond"
import { AdminReportQueryType } from "../validators"
import { asJson } from "../../../utils/as-json"
import type { ExperimentReport } from "../../../../contract/admin"

/** Experiments are judged over their whole run; the date range does not cut them. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminReportQueryType>, res: MedusaResponse<ExperimentReport>) => {
  const { format, sales_channel_id } = req.validatedQuery
  const report = await experimentReport(req.scope, { sales_channel_id })
  const rows = report.experiments.flatMap((e) =>
    e.variants.map((v) => ({
      experiment: e.key,
      variant: v.key,
      visitors: v.visitors,
      conversions: v.conversions,
      conversion_rate: v.conversion_rate,
      revenue: v.revenue,
      revenue_per_visitor: v.revenue_per_visitor,
      p_value: v.comparison?.p_value ?? null,
      significant: v.comparison ? v.comparison.significant : null,
      enough_data: v.enough_data,
    }))
  )
  respond(res, format, asJson(report), {
    name: "experiments",
    rows,
    columns: ["experiment", "variant", "visitors", "conversions", "conversion_rate", "revenue", "revenue_per_visitor", "p_value", "significant", "enough_data"],
  })
}
