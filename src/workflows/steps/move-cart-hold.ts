import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ConflictError } from "../../lib/errors"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { effectiveSettings } from "../../queries/availability"
import { slotRules } from "../../queries/checkout"

export type MoveCartHoldInput = {
  from_record_id: string
  to_record_id: string
  sales_channel_id: string
  cart_id: string
  tier_id: string
  product_id: string
  event_date: string
  guest_count: number | null
  tier_name: string
}

type Undo = { booking_id: string; before: { tier_line_id: string | null; tier_id: string; product_id: string; pool: string } } | { created: string } | null

/**
 * An upgraded cart line's hold follows it to the new line: the same booking, re-pointed at the new
 * record (moved to the new tier's own capacity when it has one). A line whose hold lapsed and was
 * let go takes a new hold, or the upgrade is a 409. Undone by pointing the hold back.
 */
export const moveCartHoldStep = createStep(
  "move-cart-hold",
  async (input: MoveCartHoldInput, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const { pool, capacity } = await slotRules(container, input.sales_channel_id, input.product_id, input.event_date)
    const hold = await service.liveBookingOf(input.from_record_id)
    const taken = `${input.event_date} was just taken for ${input.tier_name}; choose another date`
    if (hold?.status === "held") {
      const booking = await service.retrieveBooking(hold.id)
      const before = { tier_line_id: booking.tier_line_id, tier_id: booking.tier_id, product_id: booking.product_id, pool: booking.pool }
      const changes = { tier_line_id: input.to_record_id, tier_id: input.tier_id, product_id: input.product_id }
      if (booking.pool === pool) {
        await service.updateBookings({ id: hold.id, ...changes })
      } else if (!(await service.moveToPool(hold.id, { pool, capacity }, changes))) {
        throw new ConflictError(taken)
      }
      return new StepResponse(null, { booking_id: hold.id, before } as Undo)
    }
    const settings = await effectiveSettings(container, input.sales_channel_id)
    const created = await service.takeSlot({
      sales_channel_id: input.sales_channel_id,
      tier_id: input.tier_id,
      product_id: input.product_id,
      event_date: input.event_date,
      pool,
      capacity,
      status: "held",
      expires_at: new Date(Date.now() + settings.hold_minutes * 60_000),
      tier_line_id: input.to_record_id,
      cart_id: input.cart_id,
      guest_count: input.guest_count,
    })
    if (!created) {
      throw new ConflictError(taken)
    }
    return new StepResponse(null, (created.created ? { created: created.id } : null) as Undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    if ("created" in undo) {
      await service.changeStatusWhere({ ids: [undo.created], from: "held", to: "canceled" })
      return
    }
    const { pool, ...back } = undo.before
    const booking = await service.retrieveBooking(undo.booking_id)
    if (booking.pool === pool) {
      await service.updateBookings({ id: undo.booking_id, ...back })
    } else {
      const { capacity } = await slotRules(container, booking.sales_channel_id, back.product_id, booking.event_date)
      // The old pool's slot may have gone meanwhile: then the hold is let go, and checkout takes the date again if it is free.
      if (!(await service.moveToPool(undo.booking_id, { pool, capacity }, back))) {
        await service.changeStatusWhere({ ids: [undo.booking_id], from: "held", to: "canceled" })
      }
    }
  }
)
