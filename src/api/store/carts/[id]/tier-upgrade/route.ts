import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { storeCart } from "../../../../../queries/cart"
import { upgradeCartTierWorkflow } from "../../../../../workflows/upgrade-cart-tier"
import { StoreUpgradeCartTierType } from "../../validators"
import type { StoreCartTierUpgradeResponse } from "../../../../../contract/store"

export const POST = async (req: MedusaStoreRequest<StoreUpgradeCartTierType>, res: MedusaResponse<StoreCartTierUpgradeResponse>) => {
  const { result } = await upgradeCartTierWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      cart_id: req.params.id,
      sales_channel_ids: req.publishable_key_context.sales_channel_ids,
    },
  })
  res.json({ cart: await storeCart(req.scope, req.params.id), upgrade: result })
}
