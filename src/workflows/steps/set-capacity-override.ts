import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

/** `capacity: null` removes the product's own capacity (it returns to the tenant's pool). */
export type CapacityOverrideChange = { sales_channel_id: string; product_id: string; capacity: number | null }

export const setCapacityOverrideStep = createStep(
  "set-capacity-override",
  async (input: CapacityOverrideChange, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [existing] = await service.listCapacityOverrides({
      sales_channel_id: input.sales_channel_id,
      product_id: input.product_id,
    })
    const before = existing ? { capacity: existing.capacity } : null
    if (input.capacity === null) {
      if (existing) {
        await service.softDeleteCapacityOverrides([existing.id])
      }
      return new StepResponse(null, { id: existing?.id ?? null, before, removed: true })
    }
    const row = existing
      ? await service.updateCapacityOverrides({ id: existing.id, capacity: input.capacity })
      : await service.createCapacityOverrides(input as CapacityOverrideChange & { capacity: number })
    return new StepResponse(row, { id: row.id, before, removed: false })
  },
  async (undo, { container }) => {
    if (!undo?.id) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    if (undo.removed) {
      await service.restoreCapacityOverrides([undo.id])
    } else if (undo.before) {
      await service.updateCapacityOverrides({ id: undo.id, capacity: undo.before.capacity })
    } else {
      await service.deleteCapacityOverrides([undo.id])
    }
  }
)
