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
      weight: v.weight,
      visitors: v.visitors,
      conversions: v.conversions,
      converted_visitors: v.converted_visitors,
      conversion_rate: v.conversion_rate,
      revenue: v.revenue,
      revenue_per_visitor: v.revenue_per_visitor,
      revenue_per_visitor_variance: v.revenue_per_visitor_variance,
      p_value: v.comparison?.p_value ?? null,
      significant: v.comparison ? v.comparison.significant : null,
      enough_data: v.enough_data,
      decision: v.sequential?.decision ?? null,
      always_valid_p_value: v.sequential?.p_value ?? null,
      difference: v.sequential?.difference ?? null,
      difference_lower: v.sequential?.lower ?? null,
      difference_upper: v.sequential?.upper ?? null,
      revenue_difference: v.revenue_difference?.difference ?? null,
      revenue_difference_lower: v.revenue_difference?.lower ?? null,
      revenue_difference_upper: v.revenue_difference?.upper ?? null,
      srm_p_value: e.srm.p_value,
      srm_flagged: e.srm.flagged,
      verdict: e.verdict,
    }))
  )
  respond(res, format, asJson(report), {
    name: "experiments",
    rows,
    columns: [
      "experiment",
      "variant",
      "weight",
      "visitors",
      "conversions",
      "converted_visitors",
      "conversion_rate",
      "revenue",
      "revenue_per_visitor",
      "revenue_per_visitor_variance",
      "p_value",
      "significant",
      "enough_data",
      "decision",
      "always_valid_p_value",
      "difference",
      "difference_lower",
      "difference_upper",
      "revenue_difference",
      "revenue_difference_lower",
      "revenue_difference_upper",
      "srm_p_value",
      "srm_flagged",
      "verdict",
    ],
  })
}
