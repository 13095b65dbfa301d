import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { addDays } from "../../lib/dates"
import { ConflictError } from "../../lib/errors"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import type { SlotRequest } from "../../modules/booking/service"
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
  /** The days the old and the new package take (1 unless multi-day). */
  from_days?: number
  days?: number
  guest_count: number | null
  tier_name: string
}

type Before = { tier_line_id: string | null; tier_id: string; product_id: string; pool: string }
/** What a move between packages of several days did: rows re-pointed (with what they were), made, and let go. */
type PackageUndo = { repointed: { id: string; before: Omit<Before, "pool"> }[]; made: string[]; dropped: string[] }
type Undo = { booking_id: string; before: Before } | { created: string } | { package: PackageUndo } | null

/** A hold of the new line, for takeSlot. */
function newHold(input: MoveCartHoldInput, target: { pool: string; capacity: number; expires_at: Date }): SlotRequest {
  return {
    sales_channel_id: input.sales_channel_id,
    tier_id: input.tier_id,
    product_id: input.product_id,
    event_date: input.event_date,
    ...target,
    status: "held",
    tier_line_id: input.to_record_id,
    cart_id: input.cart_id,
    guest_count: input.guest_count,
  }
}

/**
 * A move that involves a package of several days: in the same pool the old rows of the days both
 * packages share are re-pointed at the new record, the days the new one adds are taken and those it
 * drops let go; into another pool the new package takes all its days and the old rows are let go.
 * A day that cannot be taken undoes it all (409).
 */
async function movePackageHold(
  service: BookingModuleService,
  input: MoveCartHoldInput,
  target: { pool: string; capacity: number; expires_at: Date },
  taken: string
): Promise<PackageUndo> {
  const { pool, capacity } = target
  const rows = await service.listBookings(
    { tier_line_id: input.from_record_id, status: "held" },
    { select: ["id", "day", "pool", "tier_line_id", "tier_id", "product_id", "expires_at"], order: { day: "ASC" } }
  )
  const days = input.days ?? 1
  const undo: PackageUndo = { repointed: [], made: [], dropped: [] }
  const changes = { tier_line_id: input.to_record_id, tier_id: input.tier_id, product_id: input.product_id }
  const keep = rows.filter((r) => r.pool === pool && r.day < days)
  if (keep.length) {
    await service.updateBookings(keep.map((r) => ({ id: r.id, ...changes })))
    undo.repointed = keep.map((r) => ({ id: r.id, before: { tier_line_id: r.tier_line_id, tier_id: r.tier_id, product_id: r.product_id } }))
  }
  // The days added keep the old hold's expiry: an upgrade does not extend a hold.
  const made = await service.takeSlot({ ...newHold(input, { pool, capacity, expires_at: rows[0]?.expires_at ?? target.expires_at }), days })
  if (!made) {
    await undoPackageMove(service, undo)
    throw new ConflictError(taken)
  }
  undo.made = made.made
  const dropped = rows.filter((r) => !keep.includes(r)).map((r) => r.id)
  if (dropped.length) {
    // One by one: canceling a package's row through changeStatusWhere would take all its days.
    await service.updateBookings(dropped.map((id) => ({ id, status: "canceled" as const })))
    undo.dropped = dropped
  }
  return undo
}

async function undoPackageMove(service: BookingModuleService, undo: PackageUndo) {
  if (undo.made.length) {
    await service.updateBookings(undo.made.map((id) => ({ id, status: "canceled" as const })))
  }
  if (undo.repointed.length) {
    await service.updateBookings(undo.repointed.map(({ id, before }) => ({ id, ...before })))
  }
  for (const id of undo.dropped) {
    // The slot may have gone meanwhile: then that day is let go, and checkout takes it again if it is free.
    await service.updateBookings({ id, status: "held" as const }).catch(() => undefined)
  }
}

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
    const taken = `${input.event_date} was just taken for ${input.tier_name}; choose another date`
    if ((input.from_days ?? 1) > 1 || (input.days ?? 1) > 1) {
      const settings = await effectiveSettings(container, input.sales_channel_id)
      const expires_at = new Date(Date.now() + settings.hold_minutes * 60_000)
      const undo = await movePackageHold(service, input, { pool, capacity, expires_at }, `A day of ${input.event_date} to ${addDays(input.event_date, (input.days ?? 1) - 1)} was just taken for ${input.tier_name}; choose another date`)
      return new StepResponse(null, { package: undo } as Undo)
    }
    const hold = await service.liveBookingOf(input.from_record_id)
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
    const created = await service.takeSlot(newHold(input, { pool, capacity, expires_at: new Date(Date.now() + settings.hold_minutes * 60_000) }))
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
    if ("package" in undo) {
      await undoPackageMove(service, undo.package)
      return
    }
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
