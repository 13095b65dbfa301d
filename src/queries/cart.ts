import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { addonUnitsByParent, TierLineRecord } from "../lib/tier-lines"
import { cartTierLineRecords } from "./tier-lines"
import { packageDates } from "../lib/availability"
import { graphRows } from "./rows"
import type { CartHold, StoreTierCart } from "../contract/store"
import { BOOKING_MODULE, BookingModuleService } from "../modules/booking"

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
  /** The plugin's record of the line. */
  record: TierLineRecord
  tier_id: string
  tier_line_key: string
  event_date: string
  guest_count: number | null
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
  /** Records of the cart's tier and add-on lines that are still in the cart. */
  records: TierLineRecord[]
  tier_lines: CartTierLine[]
  /** Sum of unit price x quantity over the lines, before taxes and discounts. */
  subtotal: number
}

/**
 * A cart of one of the key's sales channels (404 otherwise) with its tier lines, as the plugin's
 * records say (never the lines' metadata, which a storefront can write).
 */
export async function loadCartTierLines(
  scope: MedusaContainer,
  cartId: string,
  salesChannelIds: string[]
): Promise<CartWithTierLines> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data }, allRecords] = await Promise.all([
    query.graph({
      entity: "cart",
      fields: ["id", "sales_channel_id", "region_id", "currency_code", "completed_at", ...ITEM_FIELDS],
      filters: { id: cartId },
    }),
    cartTierLineRecords(scope, cartId),
  ])
  const cart = data[0] as (Omit<CartWithTierLines, "tier_lines" | "subtotal" | "items" | "records"> & { items?: CartItemRow[] | null }) | undefined
  if (!cart || !cart.sales_channel_id || !salesChannelIds.includes(cart.sales_channel_id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`)
  }
  const items = (cart.items ?? []).map((i) => ({ ...i, unit_price: Number(i.unit_price), quantity: Number(i.quantity) }))
  const present = new Set(items.map((i) => i.id))
  const records = allRecords.filter((r) => r.cart_line_item_id && present.has(r.cart_line_item_id) && r.sales_channel_id === cart.sales_channel_id)
  const tierIds = new Set(records.filter((r) => r.kind === "tier").map((r) => r.id))
  const live = records.filter((r) => r.kind === "tier" || (r.parent_id && tierIds.has(r.parent_id)))
  const units = addonUnitsByParent(live)
  const tier_lines = live
    .filter((r) => r.kind === "tier")
    .map((r) => ({
      id: r.cart_line_item_id!,
      record: r,
      tier_id: r.tier_id,
      tier_line_key: r.line_key,
      event_date: r.event_date,
      guest_count: r.guest_count,
      unit_price: items.find((i) => i.id === r.cart_line_item_id)!.unit_price,
      addon_units: units.get(r.id) ?? 0,
    }))
  return {
    ...cart,
    items,
    records: live,
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
export async function storeCart(scope: MedusaContainer, cartId: string): Promise<StoreTierCart> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data }, holds] = await Promise.all([query.graph({
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
  }), cartHolds(scope, cartId)])
  const cart = graphRows<Omit<StoreTierCart, "holds">>(data)[0]
  const lines = new Set(cart.items.map((i) => i.id))
  return { ...cart, holds: holds.filter((h) => lines.has(h.line_item_id)) }
}

/** The dates a cart's tier lines hold, by line, with when each hold lapses (the plugin's records, not line metadata). */
export async function cartHolds(scope: MedusaContainer, cartId: string): Promise<CartHold[]> {
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const [bookings, records] = await Promise.all([
    // A canceled hold is one that lapsed (and was cleaned up, or its slot taken): the line shows it lapsed.
    service.listBookings(
      // A multi-day package's first day speaks for it (all its days share status and expiry).
      { cart_id: cartId, day: 0, status: ["held", "pending", "canceled"], expires_at: { $ne: null } },
      { select: ["tier_line_id", "event_date", "expires_at", "status"], order: { expires_at: "ASC" } }
    ),
    service.listTierLines({ cart_id: cartId, kind: "tier" }, { select: ["id", "cart_line_item_id", "days"] }),
  ])
  const lineOf = new Map(records.map((r) => [r.id, r.cart_line_item_id]))
  const daysOf = new Map(records.map((r) => [r.id, r.days ?? 1]))
  const now = Date.now()
  const byLine = new Map<string, CartHold>()
  for (const b of bookings) {
    const line = b.tier_line_id ? lineOf.get(b.tier_line_id) : null
    if (!line || (byLine.has(line) && b.status === "canceled")) {
      continue
    }
    const expires = new Date(b.expires_at!)
    const dates = packageDates(b.event_date, daysOf.get(b.tier_line_id!))
    byLine.set(line, {
      line_item_id: line,
      event_date: b.event_date,
      ...(dates.length > 1 ? { days: dates.length, end_date: dates[dates.length - 1] } : {}),
      expires_at: expires.toISOString(),
      lapsed: b.status === "canceled" || expires.getTime() <= now,
    })
  }
  return [...byLine.values()]
}
