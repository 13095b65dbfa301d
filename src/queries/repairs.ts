import { MedusaContainer } from "@medusajs/framework/types"
import { BOOKING_MODULE, BookingModuleService } from "../modules/booking"
import type { TierRepairQuery } from "../contract/admin"

export type RepairFilter = TierRepairQuery

const REPAIR_FIELDS = [
  "id",
  "kind",
  "sales_channel_id",
  "order_id",
  "cart_id",
  "booking_id",
  "tier_line_id",
  "event_date",
  "reason",
  "needs_attention",
  "resolved_at",
  "resolved_by",
  "created_at",
] as const

/** The reconciler's repairs and flags, newest first, and its last finished run. */
export async function listTierRepairs(scope: MedusaContainer, filter: RepairFilter) {
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const where = {
    ...(filter.sales_channel_id ? { sales_channel_id: filter.sales_channel_id } : {}),
    ...(filter.order_id ? { order_id: filter.order_id } : {}),
    ...(filter.needs_attention === undefined ? {} : { needs_attention: filter.needs_attention }),
    ...(filter.resolved === undefined ? {} : { resolved_at: filter.resolved ? { $ne: null } : null }),
  }
  const [[repairs, count], [last_run]] = await Promise.all([
    service.listAndCountBookingRepairs(where, { select: [...REPAIR_FIELDS], skip: filter.offset, take: filter.limit, order: { created_at: "DESC" } }),
    service.listReconcileRuns({ finished_at: { $ne: null } }, { order: { finished_at: "DESC" }, take: 1 }),
  ])
  return { repairs, count, offset: filter.offset, limit: filter.limit, last_run: last_run ?? null }
}

/** An order's repairs and flags, for its admin widget. */
export async function orderRepairs(scope: MedusaContainer, orderId: string) {
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  return service.listBookingRepairs({ order_id: orderId }, { select: [...REPAIR_FIELDS], order: { created_at: "DESC" } })
}
