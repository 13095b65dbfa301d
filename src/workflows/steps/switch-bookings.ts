import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

export type SwitchBookingsInput = {
  /** The booking given up and the one the record moves to. */
  from_booking_id: string
  to_booking_id: string
  tier_line_id: string
  record_ids: string[]
  from: string
  to: string
}

/**
 * Makes the new date's booking the line's (the old one canceled) and moves the line's records to
 * its date, in one transaction; undone by the same switch the other way round.
 */
export const switchBookingsStep = createStep(
  "switch-bookings",
  async (input: SwitchBookingsInput, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const shared = { tier_line_id: input.tier_line_id, record_ids: input.record_ids }
    await service.switchBookings({ ...shared, cancel_id: input.from_booking_id, confirm_id: input.to_booking_id, event_date: input.to })
    return new StepResponse(undefined, input)
  },
  async (input, { container }) => {
    if (!input) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const shared = { tier_line_id: input.tier_line_id, record_ids: input.record_ids }
    await service.switchBookings({ ...shared, cancel_id: input.to_booking_id, confirm_id: input.from_booking_id, event_date: input.from })
  }
)
