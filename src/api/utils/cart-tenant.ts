import { MedusaNextFunction, MedusaRequest, MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * Medusa checks a cart's sales channel against the publishable key only when
 * the cart is created; this makes every cart route answer 404 for a cart of
 * another tenant, as our catalog routes do for its tiers.
 */
export async function ensureCartOfKey(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "sales_channel_id"], filters: { id: req.params.id } })
  const cart = data[0] as { id: string; sales_channel_id: string | null } | undefined
  // Store routes run after Medusa has resolved the publishable key.
  const channels = (req as MedusaStoreRequest).publishable_key_context?.sales_channel_ids ?? []
  if (cart && (!cart.sales_channel_id || !channels.includes(cart.sales_channel_id))) {
    return next(new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${req.params.id} was not found`))
  }
  next()
}
