import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { loadRegion, loadVisibleTiers, priceVisibleTiers, toStoreSegment } from "../../../queries/catalog"
import { StoreListSegmentsType } from "./validators"

export const GET = async (
  req: MedusaStoreRequest<unknown, StoreListSegmentsType>,
  res: MedusaResponse
) => {
  const region = await loadRegion(req.scope, req.validatedQuery.region_id)
  const visible = await loadVisibleTiers(req.scope, req.publishable_key_context.sales_channel_ids)
  const priced = await priceVisibleTiers(req.scope, visible, region)

  const segments = new Map<string, ReturnType<typeof toStoreSegment> & { tier_count: number; from_price: number | null }>()
  visible.forEach(({ row }, index) => {
    const entry =
      segments.get(row.segment.id) ?? { ...toStoreSegment(row.segment), tier_count: 0, from_price: null }
    const final = priced[index].price?.final
    entry.tier_count += 1
    if (final !== undefined && (entry.from_price === null || final < entry.from_price)) {
      entry.from_price = final
    }
    segments.set(row.segment.id, entry)
  })
  res.json({ segments: [...segments.values()] })
}
