import { model } from "@medusajs/framework/utils"

export const FUNNEL_EVENTS = [
  "segment_selected",
  "tier_viewed",
  "tier_compared",
  "upsell_shown",
  "upsell_accepted",
  "upsell_declined",
  "checkout_started",
] as const
export type FunnelEvent = (typeof FUNNEL_EVENTS)[number]

/** A storefront funnel event of a visitor of a tenant. */
export const TierEvent = model
  .define("tier_event", {
    id: model.id({ prefix: "tev" }).primaryKey(),
    name: model.enum([...FUNNEL_EVENTS]),
    visitor_id: model.text(),
    sales_channel_id: model.text(),
    segment_id: model.text().nullable(),
    tier_id: model.text().nullable(),
    properties: model.json().nullable(),
  })
  .indexes([
    { on: ["sales_channel_id", "created_at"] },
    { on: ["name", "created_at"] },
    { on: ["visitor_id", "created_at"] },
  ])
