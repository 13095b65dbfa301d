import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { storeCart } from "../../../../../queries/cart"
import { addTierToCartWorkflow } from "../../../../../workflows/add-tier-to-cart"
import { StoreAddTierItemsType } from "../../validators"
import type { StoreTierCartResponse } from "../../../../../contract/store"

export const POST = async (req: MedusaStoreRequest<StoreAddTierItemsType>, res: MedusaResponse<StoreTierCartResponse>) => {
  await addTierToCartWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      cart_id: req.params.id,
      sales_channel_ids: req.publishable_key_context.sales_channel_ids,
    },
  })
  res.json({ cart: await storeCart(req.scope, req.params.id) })
}
