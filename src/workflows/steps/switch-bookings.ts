import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

export type SwitchBookingsInput = {
  /** Every day's booking of the package before the move, and the new dates' claims (by date). */
  from_bookings: { id: string; day: number; event_date: string }[]
  to_claims: { id: string; event_date: string }[]
  /** The package's new dates, in order. */
  to_dates: string[]
  tier_line_id: string
  record_ids: string[]
  from: string
  to: string
}

/**
 * Makes the new dates' bookings the line's (a day the old and new dates share keeps its booking)
 * and cancels the rest of the old ones, moving the line's records to the new date, in one
 * transaction; undone by the same switch the other way round.
 */
export const switchBookingsStep = createStep(
  "switch-bookings",
  async (input: SwitchBookingsInput, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const rows = [...input.from_bookings, ...input.to_claims]
    const keep = input.to_dates.map((date, day) => ({ id: rows.find((r) => r.event_date === date)!.id, day }))
    const kept = new Set(keep.map((k) => k.id))
    await service.switchBookings({
      tier_line_id: input.tier_line_id,
      record_ids: input.record_ids,
      event_date: input.to,
      keep,
      cancel_ids: input.from_bookings.filter((b) => !kept.has(b.id)).map((b) => b.id),
    })
    return new StepResponse(undefined, input)
  },
  async (input, { container }) => {
    if (!input) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const old = new Set(input.from_bookings.map((b) => b.id))
    await service.switchBookings({
      tier_line_id: input.tier_line_id,
      record_ids: input.record_ids,
      event_date: input.from,
      keep: input.from_bookings.map(({ id, day }) => ({ id, day })),
      cancel_ids: input.to_claims.filter((c) => !old.has(c.id)).map((c) => c.id),
    })
  }
)
