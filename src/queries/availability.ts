import { MedusaContainer } from "@medusajs/framework/types"
import {
  dateAvailability,
  DateAvailability,
  datesBetween,
  rulesForProduct,
} from "../../lib/availability"
import { todayUtc } from "../../lib/pricing"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { DEFAULT_AVAILABILITY } from "../../modules/booking/service"

/** A tenant's settings, or the defaults when it has never saved any. */
export async function effectiveSettings(scope: MedusaContainer, salesChannelId: string) {
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const [row] = await service.listAvailabilitySettings({ sales_channel_id: salesChannelId })
  return {
    sales_channel_id: salesChannelId,
    capacity_per_date: row?.capacity_per_date ?? DEFAULT_AVAILABILITY.capacity_per_date,
    min_lead_days: row?.min_lead_days ?? DEFAULT_AVAILABILITY.min_lead_days,
    max_advance_days: row ? row.max_advance_days : DEFAULT_AVAILABILITY.max_advance_days,
    high_demand_threshold: row?.high_demand_threshold ?? DEFAULT_AVAILABILITY.high_demand_threshold,
  }
}

/** Each date's status for one tier product of a tenant, counting its live bookings. */
export async function productAvailability(
  scope: MedusaContainer,
  input: { sales_channel_id: string; product_id: string; from: string; to: string; today?: string }
): Promise<DateAvailability[]> {
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const channel = input.sales_channel_id
  const [settings, overrides, blackouts, flagged] = await Promise.all([
    effectiveSettings(scope, channel),
    service.listCapacityOverrides({ sales_channel_id: channel, product_id: input.product_id }),
    service.listBlackouts({
      sales_channel_id: channel,
      start_date: { $lte: input.to },
      end_date: { $gte: input.from },
    }),
    service.listHighDemandDates({ sales_channel_id: channel, date: { $gte: input.from, $lte: input.to } }),
  ])
  const { rules, pool } = rulesForProduct({
    settings,
    override_capacity: overrides[0]?.capacity ?? null,
    product_id: input.product_id,
    blackouts: blackouts.map((b) => ({ start_date: b.start_date, end_date: b.end_date, reason: b.reason })),
    high_demand_dates: flagged.map((h) => h.date),
  })
  const bookings = await service.listBookings(
    {
      sales_channel_id: channel,
      pool,
      status: ["confirmed", "completed"],
      event_date: { $gte: input.from, $lte: input.to },
    },
    { select: ["event_date"] }
  )
  const booked = new Map<string, number>()
  for (const b of bookings) {
    booked.set(b.event_date, (booked.get(b.event_date) ?? 0) + 1)
  }
  const today = input.today ?? todayUtc()
  return datesBetween(input.from, input.to).map((date) =>
    dateAvailability(date, today, rules, booked.get(date) ?? 0)
  )
}
