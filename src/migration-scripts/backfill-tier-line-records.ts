import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import { isAddonLine, isTierLine } from "../lib/cart-lines"
import type { TierPrice } from "../lib/pricing"
import { BOOKING_MODULE, BookingModuleService } from "../modules/booking"

type OrderItem = {
  id: string
  variant_id: string | null
  product_id: string | null
  unit_price: unknown
  detail?: { quantity: unknown } | null
  metadata: Record<string, unknown> | null
}
type OrderRow = { id: string; sales_channel_id: string | null; currency_code: string; items?: OrderItem[] | null }

const PAGE = 200

/**
 * Orders placed before tier line records existed carry what was decided only in their lines'
 * metadata (written by the server at the time and verified at their checkout). This gives each
 * such order's package and add-on lines a record, once, and points their bookings at them, so
 * the order widget, upgrades, commission and the reconciler see them as they see new orders.
 * Carts still open are left alone: their checkout asks the couple to add the package again.
 */
export default async function backfillTierLineRecords({ container }: { container: MedusaContainer }) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  let orders = 0
  let records = 0
  // Bookings that cannot be linked stay unlinked; later pages start after them.
  let stuck = 0
  for (;;) {
    const unlinked = await service.listBookings(
      { tier_line_id: null, order_id: { $ne: null } },
      { select: ["id", "order_id", "line_item_id"], skip: stuck, take: PAGE, order: { created_at: "ASC" } }
    )
    if (!unlinked.length) {
      break
    }
    const orderIds = [...new Set(unlinked.map((b) => b.order_id!))]
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "sales_channel_id", "currency_code", "items.id", "items.variant_id", "items.product_id", "items.unit_price", "items.detail.quantity", "items.metadata"],
      filters: { id: orderIds },
    })
    const linked: string[] = []
    for (const order of data as OrderRow[]) {
      const existing = await service.listTierLines({ order_id: order.id }, { select: ["id", "order_line_item_id"] })
      const recordOf = new Map(existing.map((r) => [r.order_line_item_id, r.id]))
      const items = (order.items ?? []).filter((i) => (isTierLine(i) || isAddonLine(i)) && i.variant_id && i.product_id)
      const drafts = []
      for (const item of items) {
        if (recordOf.has(item.id)) {
          continue
        }
        recordOf.set(item.id, generateEntityId(undefined, "tlrec"))
      }
      const quantity = (i: OrderItem) => Number(i.detail?.quantity ?? 0)
      const liveTierOfKey = new Map(
        items.filter((i) => isTierLine(i) && quantity(i) > 0).map((i) => [String(i.metadata!.tier_line_key), recordOf.get(i.id)!])
      )
      for (const item of items) {
        const id = recordOf.get(item.id)!
        if (existing.some((r) => r.id === id)) {
          continue
        }
        const m = item.metadata!
        const kind: "tier" | "addon" = isTierLine(item) ? "tier" : "addon"
        drafts.push({
          id,
          kind,
          line_key: String(m.tier_line_key),
          parent_id: kind === "addon" ? liveTierOfKey.get(String(m.tier_line_key)) ?? null : null,
          sales_channel_id: order.sales_channel_id ?? "",
          order_id: order.id,
          order_line_item_id: item.id,
          tier_id: String(m.tier_id),
          segment_id: String(m.segment_id),
          product_id: item.product_id!,
          variant_id: item.variant_id!,
          event_date: String(m.event_date),
          guest_count: kind === "tier" && typeof m.guest_count === "number" ? m.guest_count : null,
          quantity: Math.max(1, quantity(item)),
          unit_price: Number(item.unit_price),
          currency_code: order.currency_code,
          price_breakdown: (m.price_breakdown ?? { base: Number(item.unit_price), adjustments: [], final: Number(item.unit_price), currency_code: order.currency_code }) as TierPrice,
          upgraded_from_tier_id: typeof m.upgraded_from_tier_id === "string" ? m.upgraded_from_tier_id : null,
          upsell_offer_id: typeof m.upsell_offer_id === "string" ? m.upsell_offer_id : null,
          upgrade_incentive_percent: Number(m.upgrade_incentive_percent ?? 0),
          status: (quantity(item) > 0 ? "active" : "replaced") as "active" | "replaced",
        })
      }
      if (drafts.length) {
        await service.createTierLines(drafts)
        records += drafts.length
      }
      orders++
      for (const booking of unlinked.filter((b) => b.order_id === order.id)) {
        const recordId = booking.line_item_id ? recordOf.get(booking.line_item_id) : undefined
        if (recordId) {
          await service.updateBookings({ id: booking.id, tier_line_id: recordId })
          linked.push(booking.id)
        }
      }
    }
    const unmatched = unlinked.filter((b) => !linked.includes(b.id))
    if (unmatched.length) {
      logger.warn(`${unmatched.length} bookings could not be matched to a package line of their order: ${unmatched.slice(0, 5).map((b) => b.id).join(", ")}`)
    }
    stuck += unmatched.length
  }
  logger.info(`Tier line records: ${records} written for ${orders} orders placed before records existed`)
}
