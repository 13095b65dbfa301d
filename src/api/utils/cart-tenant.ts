import { MedusaNextFunction, MedusaRequest, MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** The sales channels of the request's publishable key (store routes run after Medusa resolved it). */
export function keyChannels(req: MedusaRequest): string[] {
  return (req as MedusaStoreRequest).publishable_key_context?.sales_channel_ids ?? []
}

/** A cart's sales channel: a string, null for a cart without one, undefined when there is no such cart. */
export async function cartChannel(scope: MedusaContainer, cartId: string): Promise<string | null | undefined> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "sales_channel_id"], filters: { id: cartId } })
  const cart = data[0] as { sales_channel_id: string | null } | undefined
  return cart ? cart.sales_channel_id : undefined
}

export const cartNotFound = (cartId: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${cartId} was not found`)

/** The channel of the route's cart once ensureCartOfKey has seen it, so later fences read it once. */
const checkedCarts = new WeakMap<MedusaRequest, string>()

export function checkedCartChannel(req: MedusaRequest): string | undefined {
  return checkedCarts.get(req)
}

/**
 * Medusa checks a cart's sales channel against the publishable key only when
 * the cart is created; this makes every cart route answer 404 for a cart of
 * another tenant, as our catalog routes do for its tiers.
 */
export async function ensureCartOfKey(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  // Express runs a path's middleware for its sub-paths too: check each request once.
  if (checkedCarts.has(req)) {
    return next()
  }
  const channel = await cartChannel(req.scope, req.params.id)
  // An unknown cart is a 404 here too: some of Medusa's cart routes (deleting a line) answer 500 for one.
  if (!channel || !keyChannels(req).includes(channel)) {
    return next(cartNotFound(req.params.id))
  }
  checkedCarts.set(req, channel)
  next()
}
