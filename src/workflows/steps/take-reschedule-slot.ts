import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ConflictError } from "../../lib/errors"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

export type TakeRescheduleSlotInput = {
  booking_id: string
  /** The package's new dates, and those it holds already (a multi-day package moved by fewer days than it spans). */
  dates: string[]
  held_dates: string[]
  capacity: number
}

/**
 * Takes a slot on each new date a booking about to move there does not hold yet (one for a
 * one-day package); the old slots stay taken until the switch, so an undo never has to win its
 * old dates back. When a day has none left, the claims taken are deleted and it is a 409 naming
 * the day. Undone by deleting the new rows.
 */
export const takeRescheduleSlotStep = createStep(
  "take-reschedule-slot",
  async (input: TakeRescheduleSlotInput, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const claims: { id: string; slot: number; event_date: string }[] = []
    for (const event_date of input.dates.filter((d) => !input.held_dates.includes(d))) {
      const taken = await service.takeSlotForMove(input.booking_id, { event_date, capacity: input.capacity })
      if (!taken) {
        if (claims.length) {
          await service.deleteBookings(claims.map((c) => c.id))
        }
        throw new ConflictError(`${event_date} was just taken; choose another date`)
      }
      claims.push({ ...taken, event_date })
    }
    return new StepResponse(claims, claims.map((c) => c.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    await service.deleteBookings(ids)
  }
)
