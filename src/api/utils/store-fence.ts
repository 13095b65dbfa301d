import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { firstPlainLineRefusal, PlainLine } from "../../lib/plain-lines"
import { regionProviders } from "../../queries/balances"
import { loadTierItemProducts, loadVariantSales } from "../../queries/plain-lines"
import { cartChannel, cartNotFound, checkedCartChannel, keyChannels } from "./cart-tenant"

/**
 * Fences on Medusa's own store routes. Medusa scopes a publishable key's reads of the catalog, but
 * not its carts' contents, payment collections or orders: a key could add another tenant's
 * products, move a cart into another tenant's channel, pay for or read another tenant's cart or
 * order. These answer 404 for what belongs to another tenant and 400 for what a cart may not hold.
 */

type Body = Record<string, unknown>

function bodyOf(req: MedusaRequest): Body {
  const body = (req as MedusaRequest & { validatedBody?: unknown }).validatedBody ?? req.body
  return body && typeof body === "object" && !Array.isArray(body) ? (body as Body) : {}
}

/** Whether a channel (a cart's, an order's) is one of the request key's; a missing channel is not. */
const isKeys = (req: MedusaRequest, channel: string | null) => !!channel && keyChannels(req).includes(channel)

/** The channel Medusa gives a new cart: the body's, else the key's only one. */
function newCartChannel(req: MedusaRequest): string | undefined {
  const wanted = bodyOf(req).sales_channel_id
  if (typeof wanted === "string") {
    return wanted
  }
  const channels = keyChannels(req)
  return channels.length === 1 ? channels[0] : undefined
}

/**
 * `POST /store/carts` and `POST /store/carts/:id`: a cart is created in, or moved to, one of the
 * key's sales channels only (Medusa checks the body's channel on create, but puts a cart of a key
 * without channels in the store's default one, and does not check a move at all).
 */
export function refuseForeignSalesChannel(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = bodyOf(req)
  const creating = !req.params.id
  const wanted = body.sales_channel_id
  if (wanted === undefined || (creating && wanted === null)) {
    if (creating && !keyChannels(req).length) {
      return next(
        new MedusaError(MedusaError.Types.INVALID_DATA, "This publishable key has no sales channel, so it cannot create a cart")
      )
    }
    return next()
  }
  if (typeof wanted !== "string" || !keyChannels(req).includes(wanted)) {
    const named = typeof wanted === "string" ? `Sales channel ${wanted} is` : "A cart without a sales channel is"
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `${named} not one of this publishable key's sales channels`))
  }
  next()
}

const isPlainLine = (item: unknown): item is PlainLine =>
  !!item && typeof item === "object" && typeof (item as { variant_id?: unknown }).variant_id === "string"

/**
 * `POST /store/carts` (`items`) and `POST /store/carts/:id/line-items`: Medusa does not check that
 * a variant's product is published in the cart's sales channel, nor does it know that packages and
 * add-ons are sold only with a date, through tier-items. Refuses, naming the line, any of those and
 * any line metadata the plugin reserves for its own lines.
 */
export async function refuseUnsellableLines(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = bodyOf(req)
  const cartId = req.params.id as string | undefined
  const lines = (cartId ? [body] : Array.isArray(body.items) ? body.items : []).filter(isPlainLine)
  if (!lines.length) {
    return next()
  }
  let channel: string | null | undefined = cartId ? checkedCartChannel(req) : newCartChannel(req)
  if (cartId && channel === undefined) {
    // Not seen by ensureCartOfKey: no such cart (Medusa answers), or a route registered without it.
    channel = await cartChannel(req.scope, cartId)
    if (channel !== undefined && !isKeys(req, channel)) {
      return next(cartNotFound(cartId))
    }
  }
  if (!channel) {
    // No cart, or no channel Medusa would accept: Medusa refuses the request itself.
    return next()
  }
  const [sales, products] = await Promise.all([
    loadVariantSales(req.scope, lines.map((l) => l.variant_id)),
    loadTierItemProducts(req.scope, { cached: true }),
  ])
  const route = cartId ? `POST /store/carts/${cartId}/tier-items` : "POST /store/carts/:id/tier-items once the cart is created"
  const refusal = firstPlainLineRefusal(lines, sales, channel, products, route)
  if (refusal) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, refusal))
  }
  next()
}

/**
 * Routes that name a cart in their body or query (`cart_id`: payment collections, shipping options)
 * answer 404 for a cart of another tenant, as the cart's own routes do.
 */
export function ensureNamedCartOfKey(part: "body" | "query") {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const cartId = (part === "body" ? bodyOf(req) : (req.query as Body | undefined) ?? {}).cart_id
    if (typeof cartId !== "string") {
      return next()
    }
    const channel = await cartChannel(req.scope, cartId)
    if (channel !== undefined && !isKeys(req, channel)) {
      return next(cartNotFound(cartId))
    }
    next()
  }
}

type CollectionOwners = { cart?: { sales_channel_id: string | null } | null; order?: { sales_channel_id: string | null } | null }

/**
 * `/store/payment-collections/:id*`: a payment collection belongs to its cart's (or order's)
 * tenant; another tenant's key cannot add sessions to it.
 */
export async function ensurePaymentCollectionOfKey(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "cart.sales_channel_id", "order.sales_channel_id"],
    filters: { id: req.params.id },
  })
  const owner = (data[0] as CollectionOwners | undefined)?.cart ?? (data[0] as CollectionOwners | undefined)?.order
  if (owner && !isKeys(req, owner.sales_channel_id)) {
    return next(new MedusaError(MedusaError.Types.NOT_FOUND, `Payment collection with id: ${req.params.id} was not found`))
  }
  next()
}

type CollectionPayments = {
  status: string
  cart?: { completed_at: Date | string | null } | null
  order?: { region_id: string | null } | null
  payments?: { id: string; canceled_at: Date | string | null }[] | null
}

/**
 * `POST /store/payment-collections/:id/payment-sessions`: Medusa makes the new session by deleting
 * the collection's others, and deleting a session cancels its payment at the provider (Stripe
 * cancels the intent). A collection that holds a live payment (a placed cart's deposit, a paid
 * balance), a completed cart's or a canceled one takes no new session. Medusa checks the provider
 * against a cart's region only: an order's collection takes only a provider of the order's region
 * (the system provider, which takes no money, would otherwise pay a balance). 400, nothing changed.
 */
export async function refuseUnpayableCollection(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "status", "cart.completed_at", "order.region_id", "payments.id", "payments.canceled_at"],
    filters: { id: req.params.id },
  })
  const collection = data[0] as CollectionPayments | undefined
  if (!collection) {
    return next()
  }
  const live = (collection.payments ?? []).some((p) => !p.canceled_at)
  if (live || collection.cart?.completed_at || collection.status === "canceled") {
    const why = live ? "holds a payment already" : collection.status === "canceled" ? "is canceled" : "belongs to a completed cart"
    return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, `Payment collection ${req.params.id} ${why}; it takes no new payment session`))
  }
  // Without a provider id Medusa's own validation answers.
  const provider = bodyOf(req).provider_id
  if (typeof provider === "string" && collection.order && !collection.cart && !(await regionProviders(req.scope, collection.order.region_id)).includes(provider)) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Payment provider ${provider} is not one this order's region takes`))
  }
  next()
}

async function orderChannel(scope: MedusaContainer, orderId: string): Promise<string | null | undefined> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "sales_channel_id"], filters: { id: orderId } })
  const order = data[0] as { sales_channel_id: string | null } | undefined
  return order ? order.sales_channel_id : undefined
}

const orderNotFound = (orderId: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)

/**
 * `/store/orders/:id*` (reading it, its transfers, our tier upgrade) answers 404 for another
 * tenant's order, before any customer authentication, so nothing tells it exists.
 */
export async function ensureOrderOfKey(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const channel = await orderChannel(req.scope, req.params.id)
  if (channel !== undefined && !isKeys(req, channel)) {
    return next(orderNotFound(req.params.id))
  }
  next()
}

/** `POST /store/returns` names its order in the body: 404 for another tenant's. */
export async function ensureNamedOrderOfKey(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const orderId = bodyOf(req).order_id
  if (typeof orderId !== "string") {
    return next()
  }
  const channel = await orderChannel(req.scope, orderId)
  if (channel !== undefined && !isKeys(req, channel)) {
    return next(orderNotFound(orderId))
  }
  next()
}
