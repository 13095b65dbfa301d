import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { asOrderRevenue } from "../lib/commission"
import { BOOKING_MODULE, BookingModuleService } from "../modules/booking"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../modules/tier-analytics"
import { loadOrder } from "./order"
import { orderRepairs } from "./repairs"
import { orderTierLineRecords } from "./tier-lines"

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
  const [[lines, totals], bookings, repairs] = await Promise.all([
    Promise.all([analytics.recordedLines(orderId), analytics.recordedTotals(orderId)]),
    bookingService.listBookings({ order_id: orderId }, { order: { created_at: "ASC" } }),
    orderRepairs(scope, orderId),
  ])
  const currency = order?.currency_code ?? "usd"
  const net = asOrderRevenue(lines, currency, totals)
  const tierRecords = (await orderTierLineRecords(scope, orderId)).filter((r) => r.kind === "tier")
  const tierIds = [...new Set(tierRecords.map((r) => r.tier_id))]
  const tiers = tierIds.length ? await segmentsService.listTiers({ id: tierIds }, { relations: ["segment"], withDeleted: true }) : []
  return {
    order_id: orderId,
    currency_code: currency,
    revenue: net.revenue,
    addon_revenue: net.addon_revenue,
    commission: net.commission,
    /** What the reconciler repaired or flagged on this order, newest first. */
    repairs,
    lines: tierRecords.map((record) => {
      const item = items.find((i) => i.id === record.order_line_item_id)
      const tier = tiers.find((t) => t.id === record.tier_id)
      // A multi-day package's first day speaks for it.
      const mine = bookings.filter((b) => b.tier_line_id === record.id && b.day === 0)
      const booking = mine.find((b) => b.status !== "canceled") ?? mine[0] ?? null
      const money = net.lines.find((l) => l.tier_line_key === record.line_key && l.tier_id === record.tier_id)
      return {
        line_item_id: record.order_line_item_id ?? "",
        tier_id: record.tier_id,
        tier_name: tier?.name ?? item?.title ?? record.tier_id,
        level: tier?.level ?? null,
        segment_id: tier?.segment?.id ?? record.segment_id,
        segment_name: tier?.segment?.name ?? null,
        event_date: record.event_date,
        guest_count: record.guest_count,
        booking: booking ? { id: booking.id, status: booking.status, slot: booking.slot } : null,
        commission: money?.commission ?? 0,
      }
    }),
  }
}
