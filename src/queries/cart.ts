import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"

/** The line fields our cart and order reads need. */
export const ITEM_FIELDS = [
  "items.id",
  "items.title",
  "items.quantity",
  "items.unit_price",
  "items.variant_id",
  "items.product_id",
  "items.metadata",
]

export type CartItemRow = {
  id: string
  title: string
  quantity: number
  unit_price: number
  variant_id: string | null
  product_id: string | null
  metadata: Record<string, unknown> | null
}

export type CartTierLine = {
  id: string
  tier_id: string
  tier_line_key: string
  event_date: string
  unit_price: number
  /** Units of add-ons hanging on the line. */
  addon_units: number
}

export type CartWithTierLines = {
  id: string
  sales_channel_id: string
  region_id: string | null
  currency_code: string
  completed_at: Date | null
  items: CartItemRow[]
  tier_lines: CartTierLine[]
  /** Sum of unit price x quantity over the lines, before taxes and discounts. */
  subtotal: number
}

/** A cart of one of the key's sales channels (404 otherwise) with its tier lines read back from metadata. */
export async function loadCartTierLines(
  scope: MedusaContainer,
  cartId: string,
  salesChannelIds: string[]
): Promise<CartWithTierLines> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "sales_channel_id", "region_id", "currency_code", "completed_at", ...ITEM_FIELDS],
    filters: { id: cartId },
  })
  const cart = data[0] as (Omit<CartWithTierLines, "tier_lines" | "subtotal" | "items"> & { items?: CartItemRow[] | null }) | undefined
  if (!cart || !cart.sales_channel_id || !salesChannelIds.includes(cart.sales_channel_id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`)
  }
  const items = (cart.items ?? []).map((i) => ({ ...i, unit_price: Number(i.unit_price), quantity: Number(i.quantity) }))
  const units = new Map<string, number>()
  for (const item of items) {
    if (item.metadata?.tiered_kind === "addon") {
      const key = String(item.metadata.tier_line_key)
      units.set(key, (units.get(key) ?? 0) + item.quantity)
    }
  }
  const tier_lines = items
    .filter((i) => i.metadata?.tiered_kind === "tier")
    .map((i) => ({
      id: i.id,
      tier_id: String(i.metadata!.tier_id),
      tier_line_key: String(i.metadata!.tier_line_key),
      event_date: String(i.metadata!.event_date),
      unit_price: i.unit_price,
      addon_units: units.get(String(i.metadata!.tier_line_key)) ?? 0,
    }))
  return {
    ...cart,
    items,
    tier_lines,
    subtotal: items.reduce((sum, i) => sum + i.unit_price * i.quantity, 0),
  }
}

/** A cart's line item with its cart, when the cart is one of the key's sales channels (404 otherwise). */
export async function loadCartLine(
  scope: MedusaContainer,
  lineItemId: string,
  salesChannelIds: string[]
): Promise<{ cart: CartWithTierLines; item: CartItemRow }> {
  const cartModule = scope.resolve(Modules.CART)
  const [line] = await cartModule.listLineItems({ id: lineItemId }, { select: ["id", "cart_id"] })
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, `Line item ${lineItemId} was not found`)
  if (!line) {
    throw notFound
  }
  const cart = await loadCartTierLines(scope, line.cart_id, salesChannelIds).catch(() => {
    throw notFound
  })
  return { cart, item: cart.items.find((i) => i.id === lineItemId)! }
}

/** The cart as our cart routes answer it: totals and the lines with their price breakdowns. */
export async function storeCart(scope: MedusaContainer, cartId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "region_id",
      "sales_channel_id",
      "total",
      "subtotal",
      "item_total",
      "items.id",
      "items.title",
      "items.variant_id",
      "items.product_id",
      "items.quantity",
      "items.unit_price",
      "items.is_custom_price",
      "items.requires_shipping",
      "items.metadata",
      "items.total",
    ],
    filters: { id: cartId },
  })
  return data[0]
}
