import { model } from "@medusajs/framework/utils"

/**
 * What an order meant for the funnel, once per (order, reference): the order
 * itself ("placed"), and later changes as signed deltas: an upgrade, a
 * cancellation or a refund (negative), so reports net them out by summing.
 */
export const Conversion = model
  .define("conversion", {
    id: model.id({ prefix: "conv" }).primaryKey(),
    order_id: model.text(),
    kind: model.enum(["order", "upgrade", "reversal"]),
    /** "placed", "canceled", "upgrade:<line>", or a refund id: the key of exactly-once. */
    reference: model.text(),
    sales_channel_id: model.text(),
    currency_code: model.text(),
    revenue: model.bigNumber(),
    addon_revenue: model.bigNumber(),
    commission: model.bigNumber(),
    upsell_offer_id: model.text().nullable(),
    upsell_rule_id: model.text().nullable(),
    experiment_id: model.text().nullable(),
    experiment_key: model.text().nullable(),
    experiment_variant: model.text().nullable(),
    visitor_id: model.text().nullable(),
    occurred_at: model.dateTime(),
  })
  .indexes([
    { on: ["order_id", "reference"], unique: true },
    { on: ["sales_channel_id", "occurred_at"] },
    { on: ["experiment_id"] },
  ])
