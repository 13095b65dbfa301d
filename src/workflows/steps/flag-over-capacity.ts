import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { overCapacity } from "../../lib/reconcile"
import { addDays, todayUtc } from "../../lib/dates"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { LIVE_BOOKING_STATUSES, RepairInput } from "../../modules/booking/service"
import { tenantAvailability } from "../../queries/availability"

/**
 * No date should hold more live bookings than its capacity. The slot indexes make that true when
 * a booking is made; a merchant lowering a capacity afterwards can break it, and the merchant is
 * told (bookings are never canceled for them).
 */
export const flagOverCapacityStep = createStep("flag-over-capacity", async (_input: Record<string, never>, { container }) => {
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  // The earliest today of any zone (UTC-12); each tenant's own today is applied below.
  const earliest = addDays(todayUtc(), -1)
  const live = await service.listBookings(
    { status: [...LIVE_BOOKING_STATUSES], event_date: { $gte: earliest } },
    { select: ["sales_channel_id", "event_date", "pool"] }
  )
  const repairs: RepairInput[] = []
  for (const channel of [...new Set(live.map((b) => b.sales_channel_id))]) {
    const mine = live.filter((b) => b.sales_channel_id === channel)
    const dates = mine.map((b) => b.event_date).sort()
    const tenant = await tenantAvailability(container, { sales_channel_id: channel, from: dates[0], to: dates[dates.length - 1] })
    const ahead = mine.filter((b) => b.event_date >= tenant.today)
    for (const over of overCapacity(ahead, (_sc, pool) => tenant.capacityOfPool(pool))) {
      repairs.push({
        kind: "order_flagged",
        needs_attention: true,
        sales_channel_id: channel,
        event_date: over.event_date,
        reason: `${over.event_date} holds ${over.booked} bookings for a capacity of ${over.capacity}`,
      })
    }
  }
  return new StepResponse({ repairs: await service.recordRepairs(repairs) })
})
