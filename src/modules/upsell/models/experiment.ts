import { model } from "@medusajs/framework/utils"

import type { ExperimentVariant } from "../../../contract/admin"

export type { ExperimentVariant }

/**
 * An A/B test of upsell behaviour. Visitors are bucketed by src/lib/bucketing.ts;
 * a running experiment's variants are frozen (stop it and start a new one).
 */
export const Experiment = model
  .define("experiment", {
    id: model.id({ prefix: "exp" }).primaryKey(),
    key: model.text(),
    name: model.text(),
    status: model.enum(["draft", "running", "stopped"]).default("draft"),
    traffic_percent: model.float().default(100),
    variants: model.json<ExperimentVariant[]>(),
    sales_channel_ids: model.json<string[]>().default([]),
    /** Upsell rules whose offers the variants change; empty = every rule. */
    rule_ids: model.json<string[]>().default([]),
    started_at: model.dateTime().nullable(),
    stopped_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["key"], unique: true, where: "deleted_at IS NULL" }])
