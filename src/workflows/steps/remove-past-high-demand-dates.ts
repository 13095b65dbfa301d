import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

/** Flags on dates that have passed mean nothing any more; they are removed (restorable). */
export const removePastHighDemandDatesStep = createStep(
  "remove-past-high-demand-dates",
  async (today: string, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const past = await service.listHighDemandDates({ date: { $lt: today } }, { select: ["id"] })
    const ids = past.map((p) => p.id)
    if (ids.length) {
      await service.softDeleteHighDemandDates(ids)
    }
    return new StepResponse(ids.length, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    await service.restoreHighDemandDates(ids)
  }
)
