import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { buildComparison } from "../../../../lib/comparison"
import { loadRegion, loadVisibleTiers, priceVisibleTiers } from "../../../../queries/catalog"
import { StoreCompareTiersType } from "../validators"

/** Tiers come back in catalog order (segment rank, then level), whatever the order asked. */
export const POST = async (req: MedusaStoreRequest<StoreCompareTiersType>, res: MedusaResponse) => {
  const { tier_ids, region_id } = req.validatedBody
  const region = await loadRegion(req.scope, region_id)
  const visible = await loadVisibleTiers(req.scope, req.publishable_key_context.sales_channel_ids, {
    id: tier_ids,
  })
  const missing = tier_ids.find((id) => !visible.some((t) => t.row.id === id))
  if (missing) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${missing} was not found`)
  }
  const tiers = await priceVisibleTiers(req.scope, visible, region, req.validatedBody.event_date)
  res.json({ tiers, comparison: buildComparison(tiers) })
}
