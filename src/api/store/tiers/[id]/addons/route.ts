import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BUNDLE_MIN_ADDONS, BUNDLE_PERCENT } from "../../../../../lib/addons"
import { loadRegion, loadTierAddons, loadVisibleTiers } from "../../../../../queries/catalog"
import { sendStoreAnswer } from "../../../../utils/store-answer"
import { StoreTierAddonsType } from "../../validators"
import type { StoreTierAddonsResponse } from "../../../../../contract/store"

/** The add-ons a storefront can offer with the tier, and the bundle incentive's terms. */
export const GET = async (req: MedusaStoreRequest<unknown, StoreTierAddonsType>, res: MedusaResponse<StoreTierAddonsResponse>) => {
  const channels = req.publishable_key_context.sales_channel_ids
  const { region_id } = req.validatedQuery
  const key = { route: "addons", tier_id: req.params.id, region_id }
  await sendStoreAnswer<StoreTierAddonsResponse>(req, res, "addons", key, async () => {
    const cached = { cached: true }
    const region = await loadRegion(req.scope, region_id, cached)
    const [tier] = await loadVisibleTiers(req.scope, channels, { id: [req.params.id] }, cached)
    if (!tier) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${req.params.id} was not found`)
    }
    return {
      tier_id: tier.row.id,
      addons: await loadTierAddons(req.scope, tier, channels, region, cached),
      bundle: { min_addons: BUNDLE_MIN_ADDONS, percent: BUNDLE_PERCENT },
    }
  })
}
