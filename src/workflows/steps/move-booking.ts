import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { tenantAvailability } from "../../queries/availability"
import { loadOrder } from "../../queries/order"
import { ConflictError } from "../errors"

export type MoveBookingInput = {
  id: string
  order_id: string
  tier_id: string
  product_id: string
  pool: string
  /** The upgraded order line is found by the tier line key the new line kept. */
  tier_line_key: string
}

const isSlotTaken = (e: unknown) => /already exists|unique|duplicate/i.test(String((e as Error)?.message))

/**
 * Points a booking at the upgraded order line and tier. In a different
 * capacity pool it takes that pool's lowest free slot; the unique index on
 * slots guards against a concurrent checkout taking it first.
 */
export const moveBookingStep = createStep(
  "move-booking",
  async (input: MoveBookingInput, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const booking = await service.retrieveBooking(input.id)
    const { items } = await loadOrder(container, input.order_id, { sales_channel_ids: [booking.sales_channel_id] })
    const line = items.find(
      (i) => i.quantity > 0 && i.metadata?.tiered_kind === "tier" && i.metadata.tier_line_key === input.tier_line_key && i.metadata.tier_id === input.tier_id
    )
    const before = { id: booking.id, tier_id: booking.tier_id, product_id: booking.product_id, pool: booking.pool, slot: booking.slot, line_item_id: booking.line_item_id }
    const update = { id: booking.id, tier_id: input.tier_id, product_id: input.product_id, line_item_id: line?.id ?? booking.line_item_id }
    if (input.pool === booking.pool) {
      await service.updateBookings(update)
      return new StepResponse(update, before)
    }
    const tenant = await tenantAvailability(container, { sales_channel_id: booking.sales_channel_id, from: booking.event_date, to: booking.event_date })
    const capacity = tenant.rulesFor(input.product_id).capacity
    const taken = new Set(
      (
        await service.listBookings(
          { sales_channel_id: booking.sales_channel_id, event_date: booking.event_date, pool: input.pool, status: ["confirmed", "completed"] },
          { select: ["slot"] }
        )
      ).map((b) => b.slot)
    )
    for (let slot = 1; slot <= capacity; slot++) {
      if (taken.has(slot)) {
        continue
      }
      try {
        await service.updateBookings({ ...update, pool: input.pool, slot })
        return new StepResponse({ ...update, pool: input.pool, slot }, before)
      } catch (e) {
        if (!isSlotTaken(e)) {
          throw e
        }
      }
    }
    throw new ConflictError(`${booking.event_date} was just taken for the new tier; the order was not changed`)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    await service.updateBookings(before)
  }
)
