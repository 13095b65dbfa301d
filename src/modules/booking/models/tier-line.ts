import { model } from "@medusajs/framework/utils"

/**
 * What the plugin decided about one cart or order line: a tier package booked for a date, or an
 * add-on hanging on one. Written only by the plugin's workflows (tier-items, cart and order
 * upgrades, checkout); checkout, bookings, commission, conversions and the Connect fee read it,
 * never the line's metadata, which only carries a display copy.
 *
 * A record starts on a cart line and, when the cart becomes an order, is pointed at the order
 * line Medusa made from it. `status`: `active` while its line is live; `pending` for an order
 * upgrade's new line until the order edit is confirmed; `replaced` once upgraded away.
 */
export const TierLine = model
  .define("tier_line", {
    id: model.id({ prefix: "tlrec" }).primaryKey(),
    kind: model.enum(["tier", "addon"]),
    /** Shared by a tier line and its add-on lines. */
    line_key: model.text(),
    /** For an add-on: the record of the tier line it hangs on. */
    parent_id: model.text().nullable(),
    sales_channel_id: model.text(),
    cart_id: model.text().nullable(),
    cart_line_item_id: model.text().nullable(),
    order_id: model.text().nullable(),
    order_line_item_id: model.text().nullable(),
    tier_id: model.text(),
    segment_id: model.text(),
    product_id: model.text(),
    variant_id: model.text(),
    /** YYYY-MM-DD; the check constraint keeps it a date between 2000 and 2200. */
    event_date: model.text(),
    /** Consecutive days the package takes from `event_date`, as its tier said when the line was added. */
    days: model.number().default(1),
    guest_count: model.number().nullable(),
    quantity: model.number(),
    unit_price: model.bigNumber(),
    currency_code: model.text(),
    price_breakdown: model.json(),
    upgraded_from_tier_id: model.text().nullable(),
    upsell_offer_id: model.text().nullable(),
    upgrade_incentive_percent: model.float().default(0),
    status: model.enum(["active", "pending", "replaced"]).default("active"),
  })
  .indexes([
    { on: ["cart_line_item_id"], unique: true, where: "cart_line_item_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["order_line_item_id"], where: "order_line_item_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["cart_id"], where: "cart_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["order_id"], where: "order_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["line_key"] },
  ])
  .checks([
    {
      name: "tier_line_event_date_check",
      expression: (columns) =>
        `${columns.event_date} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND ${columns.event_date}::date BETWEEN '2000-01-01' AND '2200-12-31'`,
    },
    { name: "tier_line_days_check", expression: (columns) => `${columns.days} BETWEEN 1 AND 14` },
    { name: "tier_line_quantity_check", expression: (columns) => `${columns.quantity} > 0` },
  ])
