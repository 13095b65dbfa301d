import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { compareVisibleTiers, loadRegion, loadVisibleTiers, priceVisibleTiers } from "../../../../queries/catalog"
import { sendStoreAnswer } from "../../../utils/store-answer"
import { StoreCompareTiersType } from "../validators"
import type { StoreTierComparisonResponse } from "../../../../contract/store"

/** Tiers come back in catalog order (segment rank, then level), whatever the order asked. */
export const POST = async (req: MedusaStoreRequest<StoreCompareTiersType>, res: MedusaResponse<StoreTierComparisonResponse>) => {
  const channels = req.publishable_key_context.sales_channel_ids
  const { tier_ids, region_id, event_date } = req.validatedBody
  const key = { route: "compare", tier_ids: [...tier_ids].sort(), region_id, event_date: event_date ?? null }
  await sendStoreAnswer<StoreTierComparisonResponse>(req, res, "catalog", key, async () => {
    const cached = { cached: true }
    const region = await loadRegion(req.scope, region_id, cached)
    const visible = await loadVisibleTiers(req.scope, channels, { id: tier_ids }, cached)
    const missing = tier_ids.find((id) => !visible.some((t) => t.row.id === id))
    if (missing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${missing} was not found`)
    }
    const tiers = await priceVisibleTiers(req.scope, visible, region, event_date, cached)
    return { tiers, comparison: compareVisibleTiers(visible) }
  })
}
