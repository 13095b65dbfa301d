import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { compareVisibleTiers, loadRegion, loadVisibleTiers, priceVisibleTiers, toStoreSegment } from "../../../../queries/catalog"
import { sendStoreAnswer } from "../../../utils/store-answer"
import { StoreGetSegmentType } from "../validators"
import type { StoreSegmentResponse } from "../../../../contract/store"

export const GET = async (
  req: MedusaStoreRequest<unknown, StoreGetSegmentType>,
  res: MedusaResponse<StoreSegmentResponse>
) => {
  const channels = req.publishable_key_context.sales_channel_ids
  const { region_id, event_date } = req.validatedQuery
  const { handle } = req.params
  const key = { route: "segment", handle, region_id, event_date: event_date ?? null }
  await sendStoreAnswer<StoreSegmentResponse>(req, res, "catalog", key, async () => {
    const cached = { cached: true }
    const region = await loadRegion(req.scope, region_id, cached)
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: segments } = await query.graph({
      entity: "segment",
      fields: ["id"],
      filters: { handle, is_active: true },
    })
    const visible = segments.length ? await loadVisibleTiers(req.scope, channels, { segment_id: [segments[0].id] }, cached) : []
    if (!visible.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment ${handle} was not found`)
    }
    const tiers = await priceVisibleTiers(req.scope, visible, region, event_date, cached)
    return { segment: toStoreSegment(visible[0].row.segment), tiers, comparison: compareVisibleTiers(visible) }
  })
}
