import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

/** Marks a flag resolved by an admin; resolving it again changes nothing. */
export const resolveBookingRepairStep = createStep(
  "resolve-booking-repair",
  async (input: { id: string; resolved_by: string }, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [repair] = await service.listBookingRepairs({ id: input.id })
    if (!repair) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repair ${input.id} was not found`)
    }
    if (repair.resolved_at) {
      return new StepResponse(repair, null)
    }
    const updated = await service.updateBookingRepairs({ id: repair.id, resolved_at: new Date(), resolved_by: input.resolved_by })
    return new StepResponse(updated, repair.id)
  },
  async (id, { container }) => {
    if (id) {
      const service: BookingModuleService = container.resolve(BOOKING_MODULE)
      await service.updateBookingRepairs({ id, resolved_at: null, resolved_by: null })
    }
  }
)
