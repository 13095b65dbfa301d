import { model } from "@medusajs/framework/utils"

/**
 * An offer shown to a visitor: what the rule said and computed when last shown,
 * then the visitor's decision, then (for upgrades) the cart or order that used it.
 * One row per visitor, tenant, rule, from/to tiers and day: asking again reuses it.
 */
export const UpsellOffer = model
  .define("upsell_offer", {
    id: model.id({ prefix: "upso" }).primaryKey(),
    rule_id: model.text(),
    sales_channel_id: model.text(),
    visitor_id: model.text(),
    cart_id: model.text().nullable(),
    action: model.enum(["show_comparison", "suggest_upgrade", "emphasize_scarcity", "suggest_addon_bundle"]),
    headline: model.text(),
    body: model.text().nullable(),
    from_tier_id: model.text().nullable(),
    to_tier_id: model.text().nullable(),
    event_date: model.text().nullable(),
    incentive_percent: model.float().nullable(),
    price_difference: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    remaining_slots: model.number().nullable(),
    experiment_key: model.text().nullable(),
    experiment_variant: model.text().nullable(),
    status: model.enum(["shown", "accepted", "declined"]).default("shown"),
    decided_at: model.dateTime().nullable(),
    /** The cart line or order the accepted upgrade went into; an offer is used once. */
    redeemed_by: model.text().nullable(),
    redeemed_at: model.dateTime().nullable(),
    /** The UTC day it was first shown (YYYY-MM-DD); null on offers recorded before once-a-day. */
    shown_on: model.text().nullable(),
    /** `<from_tier_id>><to_tier_id>` ("-" for none): the tiers in the once-a-day key, which nulls would escape. */
    tiers_key: model.text().nullable(),
  })
  .indexes([
    { on: ["sales_channel_id", "created_at"] },
    { on: ["rule_id", "status"] },
    { on: ["visitor_id"] },
    {
      name: "IDX_upsell_offer_once_a_day",
      on: ["sales_channel_id", "visitor_id", "rule_id", "tiers_key", "shown_on"],
      unique: true,
    },
  ])
