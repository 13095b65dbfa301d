import { model } from "@medusajs/framework/utils"
import { AddonRule } from "./addon-rule"
import { Tier } from "./tier"

export const Segment = model
  .define("segment", {
    id: model.id({ prefix: "seg" }).primaryKey(),
    handle: model.text().searchable(),
    name: model.text().searchable(),
    description: model.text().nullable(),
    audience: model.text().nullable(),
    price_min: model.bigNumber().nullable(),
    price_max: model.bigNumber().nullable(),
    rank: model.number().default(0),
    image: model.text().nullable(),
    is_active: model.boolean().default(true),
    commission_percent: model.float().default(0),
    metadata: model.json().nullable(),
    tiers: model.hasMany(() => Tier, { mappedBy: "segment" }),
    addon_rules: model.hasMany(() => AddonRule, { mappedBy: "segment" }),
  })
  .cascades({ delete: ["tiers", "addon_rules"] })
  .indexes([
    {
      name: "IDX_segment_handle_unique",
      on: ["handle"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
