import { model } from "@medusajs/framework/utils"

/**
 * One event date taken. `pool` is the capacity the booking counts against:
 * "" for the tenant's shared capacity, or the product id of a tier with its own.
 * `slot` numbers the bookings of a pool on a date from 1; the partial unique
 * index is the last guard against overselling under concurrent checkouts.
 *
 * A checkout first claims the slot (`pending`, with its cart and tier line record) in a step of
 * its own, before Medusa creates the order; the claim is confirmed once the order exists, or
 * released when the checkout fails. A process that dies in between leaves a claim (a slot held
 * too long), never an order without its date: the reconciler settles it.
 */
export const Booking = model
  .define("booking", {
    id: model.id({ prefix: "bkg" }).primaryKey(),
    sales_channel_id: model.text(),
    tier_id: model.text(),
    product_id: model.text(),
    event_date: model.text(),
    pool: model.text().default(""),
    slot: model.number(),
    /**
     * A multi-day package takes a slot on each of its days: `day` 0 is its event date, 1.. the
     * days after. The rows of days 1.. point at day 0's row (`first_day_id`), and every status
     * change of one day changes them all (see `changeStatusWhere`).
     */
    day: model.number().default(0),
    first_day_id: model.text().nullable(),
    status: model.enum(["held", "pending", "confirmed", "canceled", "completed"]).default("confirmed"),
    /**
     * For a `held` booking (a cart's hold): when it lapses. A lapsed hold counts for nobody, even
     * before the cleanup job cancels it; the next taker of its slot cancels it first. A checkout's
     * claim made from a hold keeps it, so a failed checkout gives the slot back to the hold.
     */
    expires_at: model.dateTime().nullable(),
    /** The tier line record the booking is for (one live booking per record and day). */
    tier_line_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    guest_count: model.number().nullable(),
    /** The merchant's date option this hold is for (an option's hold has no cart). */
    option_id: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_booking_slot_unique",
      on: ["sales_channel_id", "event_date", "pool", "slot"],
      unique: true,
      where: "status <> 'canceled' AND deleted_at IS NULL",
    },
    {
      name: "IDX_booking_tier_line_unique",
      on: ["tier_line_id", "day"],
      unique: true,
      where: "tier_line_id IS NOT NULL AND status <> 'canceled' AND deleted_at IS NULL",
    },
    { on: ["sales_channel_id", "event_date"] },
    { on: ["order_id"] },
    { on: ["first_day_id"], where: "first_day_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["cart_id"], where: "cart_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["status", "created_at"] },
    { on: ["expires_at"], where: "status = 'held' AND deleted_at IS NULL" },
  ])
