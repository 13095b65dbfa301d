import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BUNDLE_MIN_ADDONS, BUNDLE_PERCENT } from "../../../../../lib/addons"
import { loadRegion, loadTierAddons, loadVisibleTiers } from "../../../../../queries/catalog"
import { StoreTierAddonsType } from "../../validators"

/** The add-ons a storefront can offer with the tier, and the bundle incentive's terms. */
export const GET = async (req: MedusaStoreRequest<unknown, StoreTierAddonsType>, res: MedusaResponse) => {
  const channels = req.publishable_key_context.sales_channel_ids
  const region = await loadRegion(req.scope, req.validatedQuery.region_id)
  const [tier] = await loadVisibleTiers(req.scope, channels, { id: [req.params.id] })
  if (!tier) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${req.params.id} was not found`)
  }
  res.json({
    tier_id: tier.row.id,
    addons: await loadTierAddons(req.scope, tier, channels, region),
    bundle: { min_addons: BUNDLE_MIN_ADDONS, percent: BUNDLE_PERCENT },
  })
}
