import { MedusaContainer } from "@medusajs/framework/types"
import type { TierPrice } from "../lib/pricing"
import type { TierLineRecord } from "../lib/tier-lines"
import { BOOKING_MODULE, BookingModuleService } from "../modules/booking"

type Filters = Parameters<BookingModuleService["listTierLines"]>[0]

/** Tier line records as the rules read them (money as numbers). */
export async function listTierLineRecords(scope: MedusaContainer, filters: Filters): Promise<TierLineRecord[]> {
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const rows = await service.listTierLines(filters, { order: { created_at: "ASC" } })
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    line_key: row.line_key,
    parent_id: row.parent_id,
    sales_channel_id: row.sales_channel_id,
    cart_id: row.cart_id,
    cart_line_item_id: row.cart_line_item_id,
    order_id: row.order_id,
    order_line_item_id: row.order_line_item_id,
    tier_id: row.tier_id,
    segment_id: row.segment_id,
    product_id: row.product_id,
    variant_id: row.variant_id,
    event_date: row.event_date,
    days: row.days ?? 1,
    guest_count: row.guest_count,
    quantity: Number(row.quantity),
    unit_price: Number(row.unit_price),
    currency_code: row.currency_code,
    price_breakdown: row.price_breakdown as unknown as TierPrice,
    upgraded_from_tier_id: row.upgraded_from_tier_id,
    upsell_offer_id: row.upsell_offer_id,
    upgrade_incentive_percent: Number(row.upgrade_incentive_percent ?? 0),
    status: row.status,
  }))
}

/** The live records of a cart's lines (a record whose line was deleted since is left for checkout to ignore). */
export function cartTierLineRecords(scope: MedusaContainer, cartId: string) {
  return listTierLineRecords(scope, { cart_id: cartId, status: "active" })
}

/** The records of an order's lines: live ones, and with `withReplaced` the lines upgraded away too. */
export function orderTierLineRecords(scope: MedusaContainer, orderId: string, { withReplaced = false } = {}) {
  return listTierLineRecords(scope, { order_id: orderId, status: withReplaced ? ["active", "replaced"] : "active" })
}
