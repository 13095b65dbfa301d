import { model } from "@medusajs/framework/utils"

/**
 * One thing the reconciler put right (or could not, `needs_attention`: the merchant is told) after
 * a multi-step write was interrupted: a checkout, an order upgrade, a cancellation, a conversion.
 */
export const BookingRepair = model
  .define("booking_repair", {
    id: model.id({ prefix: "brep" }).primaryKey(),
    kind: model.enum([
      "claim_confirmed",
      "claim_released",
      "booking_created",
      "booking_canceled",
      "booking_moved",
      "upgrade_completed",
      "upgrade_undone",
      "offer_released",
      "conversion_recorded",
      "order_canceled",
      "order_flagged",
      "cart_completed",
    ]),
    sales_channel_id: model.text().nullable(),
    order_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    booking_id: model.text().nullable(),
    tier_line_id: model.text().nullable(),
    event_date: model.text().nullable(),
    reason: model.text(),
    needs_attention: model.boolean().default(false),
    resolved_at: model.dateTime().nullable(),
    resolved_by: model.text().nullable(),
  })
  .indexes([
    { on: ["order_id"] },
    { on: ["sales_channel_id", "created_at"] },
    { on: ["needs_attention", "resolved_at"] },
  ])
