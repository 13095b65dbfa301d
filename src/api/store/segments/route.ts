import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { loadRegion, loadVisibleTiers, priceVisibleTiers, toStoreSegment } from "../../../queries/catalog"
import { sendStoreAnswer } from "../../utils/store-answer"
import { StoreListSegmentsType } from "./validators"
import type { StoreSegmentListItem, StoreSegmentListResponse } from "../../../contract/store"

export const GET = async (
  req: MedusaStoreRequest<unknown, StoreListSegmentsType>,
  res: MedusaResponse<StoreSegmentListResponse>
) => {
  const channels = req.publishable_key_context.sales_channel_ids
  const { region_id } = req.validatedQuery
  await sendStoreAnswer<StoreSegmentListResponse>(req, res, "catalog", { route: "segments", region_id }, async () => {
    const cached = { cached: true }
    const region = await loadRegion(req.scope, region_id, cached)
    const visible = await loadVisibleTiers(req.scope, channels, {}, cached)
    const priced = await priceVisibleTiers(req.scope, visible, region, undefined, cached)

    const segments = new Map<string, StoreSegmentListItem>()
    visible.forEach(({ row }, index) => {
      const entry = segments.get(row.segment.id) ?? { ...toStoreSegment(row.segment), tier_count: 0, from_price: null }
      const final = priced[index].price?.final
      entry.tier_count += 1
      if (final !== undefined && (entry.from_price === null || final < entry.from_price)) {
        entry.from_price = final
      }
      segments.set(row.segment.id, entry)
    })
    return { segments: [...segments.values()] }
  })
}
