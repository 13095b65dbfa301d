import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { beforeTenantsToday, PastDatesInput } from "../../queries/time-zones"

/** Bookings whose event date has passed (in their tenant's time zone) become `completed`; undone by setting them back. */
export const completePastBookingsStep = createStep(
  "complete-past-bookings",
  async (input: PastDatesInput, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const past = await beforeTenantsToday(
      container,
      input,
      (before) => service.listBookings({ status: "confirmed", event_date: { $lt: before } }, { select: ["id", "sales_channel_id", "event_date"] }),
      (b) => b.event_date
    )
    if (past.length) {
      await service.updateBookings(past.map((b) => ({ id: b.id, status: "completed" as const })))
    }
    return new StepResponse(past.length, past.map((b) => b.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    await service.updateBookings(ids.map((id) => ({ id, status: "confirmed" as const })))
  }
)
