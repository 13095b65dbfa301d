import { model } from "@medusajs/framework/utils"
import type { TierFeature } from "../../../lib/comparison"
import { AddonRule } from "./addon-rule"
import { Segment } from "./segment"

export const Tier = model
  .define("tier", {
    id: model.id({ prefix: "tier" }).primaryKey(),
    level: model.number(),
    name: model.text().searchable(),
    max_guests: model.number().nullable(),
    /** Consecutive days the package takes, from its event date (a wedding weekend: 2 or 3). */
    days: model.number().default(1),
    features: model.json<TierFeature[]>().default([]),
    is_popular: model.boolean().default(false),
    rank: model.number().default(0),
    archived_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
    segment: model.belongsTo(() => Segment, { mappedBy: "tiers" }),
    addon_rules: model.hasMany(() => AddonRule, { mappedBy: "tier" }),
  })
  .cascades({ delete: ["addon_rules"] })
  .checks([{ name: "tier_days_check", expression: (columns) => `${columns.days} BETWEEN 1 AND 14` }])
  .indexes([
    {
      // Live tiers of a segment have distinct levels; archived ones keep theirs for history.
      name: "IDX_tier_segment_level_live_unique",
      on: ["segment_id", "level"],
      unique: true,
      where: "archived_at IS NULL AND deleted_at IS NULL",
    },
    {
      name: "IDX_tier_segment_popular_unique",
      on: ["segment_id"],
      unique: true,
      where: "is_popular = true AND archived_at IS NULL AND deleted_at IS NULL",
    },
  ])
