import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ConflictError } from "../../lib/errors"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import type { SlotRequest } from "../../modules/booking/service"

export type DateHold = { booking_id: string; event_date: string; expires_at: string }

/**
 * Holds the date of a tier put into a cart: the lowest free slot of its pool, as a `held` booking
 * that lapses after the tenant's hold time. Racing carts meet at the slot's unique index: one
 * holds it, the others get a 409 before their cart changes. Undone (the hold canceled) when a
 * later step fails.
 */
export const holdTierDateStep = createStep(
  "hold-tier-date",
  async (input: { hold: SlotRequest; tier_name: string }, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const taken = await service.takeSlot(input.hold)
    if (!taken) {
      throw new ConflictError(`${input.hold.event_date} was just taken or held for ${input.tier_name}; choose another date`)
    }
    const hold: DateHold = { booking_id: taken.id, event_date: input.hold.event_date, expires_at: new Date(input.hold.expires_at!).toISOString() }
    return new StepResponse(hold, taken.created ? taken.id : null)
  },
  async (bookingId, { container }) => {
    if (bookingId) {
      const service: BookingModuleService = container.resolve(BOOKING_MODULE)
      await service.changeStatusWhere({ ids: [bookingId], from: "held", to: "canceled" })
    }
  }
)
