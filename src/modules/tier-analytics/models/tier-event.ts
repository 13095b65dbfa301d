import { model } from "@medusajs/framework/utils"
import { FUNNEL_EVENTS } from "../../../lib/funnel"

export { FUNNEL_EVENTS, type FunnelEvent } from "../../../lib/funnel"

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
