import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

/** Marks an order's live bookings canceled, freeing their slots; compensation confirms them again. */
export const cancelOrderBookingsStep = createStep(
  "cancel-order-bookings",
  async (orderId: string, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const live = await service.listBookings({ order_id: orderId, status: "confirmed" }, { select: ["id"] })
    if (live.length) {
      await service.updateBookings(live.map((b) => ({ id: b.id, status: "canceled" as const })))
    }
    return new StepResponse(live.map((b) => b.id), live.map((b) => b.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    await service.updateBookings(ids.map((id) => ({ id, status: "confirmed" as const })))
  }
)
