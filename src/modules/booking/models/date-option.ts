import { model } from "@medusajs/framework/utils"

/**
 * A merchant's option on an event date for a named client: the date is pencilled in for them.
 * A `live` option holds the date through a `held` booking (`booking_id`, lapsing at `expires_at`);
 * when the date has no room the option waits `queued`, in `position` order (1 = first option),
 * and moves up when the live one is released or lapses, holding the date for `hold_hours` from
 * then. `converted`: a draft order was made for it (its hold stays until `expires_at`). `booked`:
 * the draft order became an order, and the option's hold its confirmed booking.
 */
export const DateOption = model
  .define("date_option", {
    id: model.id({ prefix: "dopt" }).primaryKey(),
    sales_channel_id: model.text(),
    event_date: model.text(),
    tier_id: model.text(),
    product_id: model.text(),
    client_name: model.text(),
    client_email: model.text(),
    note: model.text().nullable(),
    /** How long the option holds the date once live, in hours. */
    hold_hours: model.number(),
    /** When a live (or converted) option lets go of the date; null while queued. */
    expires_at: model.dateTime().nullable(),
    position: model.number(),
    status: model.enum(["live", "queued", "released", "lapsed", "converted", "booked"]).default("queued"),
    booking_id: model.text().nullable(),
    draft_order_id: model.text().nullable(),
  })
  .indexes([
    { on: ["sales_channel_id", "event_date", "position"] },
    { on: ["status", "expires_at"], where: "deleted_at IS NULL" },
    // Every order.placed asks whether the order was an option's draft.
    { on: ["draft_order_id"], where: "draft_order_id IS NOT NULL AND deleted_at IS NULL" },
  ])
