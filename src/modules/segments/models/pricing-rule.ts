import { model } from "@medusajs/framework/utils"

/** A date-driven price adjustment; see src/lib/pricing.ts for how rules combine. */
export const PricingRule = model
  .define("pricing_rule", {
    id: model.id({ prefix: "prule" }).primaryKey(),
    label: model.text(),
    kind: model.enum(["season", "last_minute", "early_bird", "weekday"]),
    percent: model.float(),
    priority: model.number().default(0),
    stackable: model.boolean().default(true),
    is_active: model.boolean().default(true),
    /** Segments in scope; empty = every segment. */
    segment_ids: model.json<string[]>().default([]),
    months: model.json<number[]>().nullable(),
    start_date: model.text().nullable(),
    end_date: model.text().nullable(),
    repeats_yearly: model.boolean().default(false),
    days: model.number().nullable(),
    weekdays: model.json<number[]>().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["is_active", "priority"] }])
