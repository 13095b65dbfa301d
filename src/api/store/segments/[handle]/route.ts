import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { buildComparison } from "../../../../lib/comparison"
import { loadRegion, loadVisibleTiers, priceVisibleTiers, toStoreSegment } from "../../../utils/catalog"
import { StoreGetSegmentType } from "../validators"

export const GET = async (
  req: MedusaStoreRequest<unknown, StoreGetSegmentType>,
  res: MedusaResponse
) => {
  const region = await loadRegion(req.scope, req.validatedQuery.region_id)
  const visible = (
    await loadVisibleTiers(req.scope, req.publishable_key_context.sales_channel_ids)
  ).filter((t) => t.row.segment.handle === req.params.handle)
  if (!visible.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment ${req.params.handle} was not found`)
  }
  const tiers = await priceVisibleTiers(req.scope, visible, region)
  res.json({
    segment: toStoreSegment(visible[0].row.segment),
    tiers,
    comparison: buildComparison(tiers),
  })
}
