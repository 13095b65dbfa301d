import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ConflictError } from "../../lib/errors"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

export type TakeRescheduleSlotInput = { booking_id: string; event_date: string; capacity: number }

/**
 * Takes a slot on the new date for a booking about to move there; the old slot stays taken until
 * the switch, so an undo never has to win its old date back. Undone by deleting the new row.
 */
export const takeRescheduleSlotStep = createStep(
  "take-reschedule-slot",
  async (input: TakeRescheduleSlotInput, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const taken = await service.takeSlotForMove(input.booking_id, { event_date: input.event_date, capacity: input.capacity })
    if (!taken) {
      throw new ConflictError(`${input.event_date} was just taken; choose another date`)
    }
    return new StepResponse(taken, taken.id)
  },
  async (bookingId, { container }) => {
    if (!bookingId) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    await service.deleteBookings(bookingId)
  }
)
