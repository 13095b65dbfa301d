import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { buildComparison } from "../../../../lib/comparison"
import { loadRegion, loadVisibleTiers, priceVisibleTiers, toStoreSegment } from "../../../../queries/catalog"
import { StoreGetSegmentType } from "../validators"

export const GET = async (
  req: MedusaStoreRequest<unknown, StoreGetSegmentType>,
  res: MedusaResponse
) => {
  const region = await loadRegion(req.scope, req.validatedQuery.region_id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: segments } = await query.graph({
    entity: "segment",
    fields: ["id"],
    filters: { handle: req.params.handle, is_active: true },
  })
  const visible = segments.length
    ? await loadVisibleTiers(req.scope, req.publishable_key_context.sales_channel_ids, {
        segment_id: [segments[0].id],
      })
    : []
  if (!visible.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment ${req.params.handle} was not found`)
  }
  const tiers = await priceVisibleTiers(req.scope, visible, region, req.validatedQuery.event_date)
  res.json({
    segment: toStoreSegment(visible[0].row.segment),
    tiers,
    comparison: buildComparison(tiers),
  })
}
