import { model } from "@medusajs/framework/utils"
import type { Trigger } from "../../../lib/upsell"

/** Trigger -> action, with copy and an optional incentive; evaluated by src/lib/upsell.ts. */
export const UpsellRule = model
  .define("upsell_rule", {
    id: model.id({ prefix: "upsr" }).primaryKey(),
    name: model.text(),
    trigger: model.json<Trigger>(),
    action: model.enum(["show_comparison", "suggest_upgrade", "emphasize_scarcity", "suggest_addon_bundle"]),
    incentive_percent: model.float().nullable(),
    headline: model.text(),
    body: model.text().nullable(),
    priority: model.number().default(0),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    is_active: model.boolean().default(true),
    /** Tenants (sales channels) the rule runs for; empty = every tenant. */
    sales_channel_ids: model.json<string[]>().default([]),
  })
  .indexes([{ on: ["is_active", "priority"] }])
