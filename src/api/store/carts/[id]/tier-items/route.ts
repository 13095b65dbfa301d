import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { storeCart } from "../../../../../queries/cart"
import { addTierToCartWorkflow } from "../../../../../workflows/add-tier-to-cart"
import { StoreAddTierItemsType } from "../../validators"
import type { StoreAddTierItemsResponse } from "../../../../../contract/store"

/** Adds the tier and its add-ons and holds the date: the cart, and until when the new line holds it. */
export const POST = async (req: MedusaStoreRequest<StoreAddTierItemsType>, res: MedusaResponse<StoreAddTierItemsResponse>) => {
  const { result: hold } = await addTierToCartWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      cart_id: req.params.id,
      sales_channel_ids: req.publishable_key_context.sales_channel_ids,
    },
  })
  const cart = await storeCart(req.scope, req.params.id)
  const line = cart.holds.find((h) => h.expires_at === hold.expires_at && h.event_date === hold.event_date)!
  res.json({ cart, hold: line })
}
