import { model } from "@medusajs/framework/utils"

/**
 * One reserved event date. `pool` is the capacity the booking counts against:
 * "" for the tenant's shared capacity, or the product id of a tier with its own.
 * `slot` numbers the bookings of a pool on a date from 1; the partial unique
 * index is the last guard against overselling under concurrent checkouts.
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
    status: model.enum(["confirmed", "canceled", "completed"]).default("confirmed"),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    guest_count: model.number().nullable(),
  })
  .indexes([
    {
      name: "IDX_booking_slot_unique",
      on: ["sales_channel_id", "event_date", "pool", "slot"],
      unique: true,
      where: "status <> 'canceled' AND deleted_at IS NULL",
    },
    { on: ["sales_channel_id", "event_date"] },
    { on: ["order_id"] },
  ])
