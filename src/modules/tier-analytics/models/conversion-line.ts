import { model } from "@medusajs/framework/utils"

/** A conversion's share per tier line (a tier and its add-ons), for reports by segment and tier. */
export const ConversionLine = model
  .define("conversion_line", {
    id: model.id({ prefix: "cvl" }).primaryKey(),
    conversion_id: model.text(),
    order_id: model.text(),
    sales_channel_id: model.text(),
    tier_line_key: model.text(),
    segment_id: model.text(),
    tier_id: model.text(),
    currency_code: model.text(),
    revenue: model.bigNumber(),
    addon_revenue: model.bigNumber(),
    commission: model.bigNumber(),
    occurred_at: model.dateTime(),
  })
  .indexes([{ on: ["conversion_id"] }, { on: ["order_id"] }, { on: ["sales_channel_id", "occurred_at"] }])
