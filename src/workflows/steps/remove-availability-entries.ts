import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

export type RemoveAvailabilityEntriesInput = {
  sales_channel_id: string
  blackout_ids: string[]
  high_demand_date_ids: string[]
}

/** Soft-deletes a tenant's blackouts and high-demand flags; ids of another tenant are ignored. */
export const removeAvailabilityEntriesStep = createStep(
  "remove-availability-entries",
  async (input: RemoveAvailabilityEntriesInput, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const blackouts = input.blackout_ids.length
      ? await service.listBlackouts({ id: input.blackout_ids, sales_channel_id: input.sales_channel_id }, { select: ["id"] })
      : []
    const flags = input.high_demand_date_ids.length
      ? await service.listHighDemandDates({ id: input.high_demand_date_ids, sales_channel_id: input.sales_channel_id }, { select: ["id"] })
      : []
    const removed = { blackout_ids: blackouts.map((b) => b.id), high_demand_date_ids: flags.map((f) => f.id) }
    if (removed.blackout_ids.length) await service.softDeleteBlackouts(removed.blackout_ids)
    if (removed.high_demand_date_ids.length) await service.softDeleteHighDemandDates(removed.high_demand_date_ids)
    return new StepResponse(removed, removed)
  },
  async (removed, { container }) => {
    if (!removed) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    if (removed.blackout_ids.length) await service.restoreBlackouts(removed.blackout_ids)
    if (removed.high_demand_date_ids.length) await service.restoreHighDemandDates(removed.high_demand_date_ids)
  }
)
