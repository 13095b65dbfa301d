import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { asOrderRevenue } from "../lib/commission"
import { BOOKING_MODULE, BookingModuleService } from "../modules/booking"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../modules/tier-analytics"
import { loadOrder } from "./order"

/**
 * What the plugin knows of an order, for its admin page: each booked tier line
 * with its segment, event date and booking, and the commission so far (net of
 * upgrades, cancellations and refunds).
 */
export async function orderTierSummary(scope: MedusaContainer, orderId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "sales_channel_id"], filters: { id: orderId } })
  const channel = (data[0] as { sales_channel_id?: string | null } | undefined)?.sales_channel_id
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} was not found`)
  }
  const order = await loadOrder(scope, orderId, { sales_channel_ids: channel ? [channel] : [] }).catch(() => null)
  const items = order?.items ?? []
  const analytics: TierAnalyticsModuleService = scope.resolve(TIER_ANALYTICS_MODULE)
  const bookingService: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const segmentsService: SegmentsModuleService = scope.resolve(SEGMENTS_MODULE)
  const [lines, bookings] = await Promise.all([
    analytics.recordedLines(orderId),
    bookingService.listBookings({ order_id: orderId }, { order: { created_at: "ASC" } }),
  ])
  const currency = order?.currency_code ?? "usd"
  const net = asOrderRevenue(lines, currency)
  const tierLines = items.filter((i) => i.metadata?.tiered_kind === "tier" && i.quantity > 0)
  const tierIds = [...new Set(tierLines.map((i) => String(i.metadata!.tier_id)))]
  const tiers = tierIds.length ? await segmentsService.listTiers({ id: tierIds }, { relations: ["segment"], withDeleted: true }) : []
  return {
    order_id: orderId,
    currency_code: currency,
    revenue: net.revenue,
    addon_revenue: net.addon_revenue,
    commission: net.commission,
    lines: tierLines.map((item) => {
      const tier = tiers.find((t) => t.id === item.metadata!.tier_id)
      const booking = bookings.find((b) => b.line_item_id === item.id) ?? null
      const money = net.lines.find((l) => l.tier_line_key === item.metadata!.tier_line_key && l.tier_id === item.metadata!.tier_id)
      return {
        line_item_id: item.id,
        tier_id: tier?.id ?? String(item.metadata!.tier_id),
        tier_name: tier?.name ?? item.title,
        level: tier?.level ?? null,
        segment_id: tier?.segment?.id ?? String(item.metadata!.segment_id),
        segment_name: tier?.segment?.name ?? null,
        event_date: String(item.metadata!.event_date),
        guest_count: (item.metadata!.guest_count as number | null) ?? null,
        booking: booking ? { id: booking.id, status: booking.status, slot: booking.slot } : null,
        commission: money?.commission ?? 0,
      }
    }),
  }
}
