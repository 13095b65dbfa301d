import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../../../modules/segments"
import { tenantCommissionRates } from "../../../../queries/commission"
import { setCommissionRatesWorkflow } from "../../../../workflows/set-commission-rates"
import { AdminSetCommissionRatesType } from "../validators"

async function answer(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { sales_channel_id } = req.params
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: sales_channel_id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${sales_channel_id} was not found`)
  }
  const segments: SegmentsModuleService = req.scope.resolve(SEGMENTS_MODULE)
  const [rates, live] = await Promise.all([tenantCommissionRates(req.scope, sales_channel_id), segments.listSegments({}, { select: ["id"] })])
  // The rate lookup keeps deleted segments for the orders they already have; the merchant sets rates for live ones.
  const liveIds = new Set(live.map((s) => s.id))
  res.json({ sales_channel_id, rates: rates.filter((r) => liveIds.has(r.segment_id)) })
}

/** Each segment's rate for the tenant: the segment's, or the tenant's own override. */
export const GET = answer

export const POST = async (req: AuthenticatedMedusaRequest<AdminSetCommissionRatesType>, res: MedusaResponse) => {
  await setCommissionRatesWorkflow(req.scope).run({ input: { sales_channel_id: req.params.sales_channel_id, rates: req.validatedBody.rates } })
  await answer(req, res)
}
