import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { beforeTenantsToday, PastDatesInput } from "../../queries/time-zones"

/** Flags on dates that have passed (in their tenant's time zone) mean nothing any more; they are removed (restorable). */
export const removePastHighDemandDatesStep = createStep(
  "remove-past-high-demand-dates",
  async (input: PastDatesInput, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const past = await beforeTenantsToday(
      container,
      input,
      (before) => service.listHighDemandDates({ date: { $lt: before } }, { select: ["id", "sales_channel_id", "date"] }),
      (h) => h.date
    )
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
