import { model } from "@medusajs/framework/utils"
import { Segment } from "./segment"
import { Tier } from "./tier"

/**
 * An add-on product a tier may take, or every tier of a segment may take, up
 * to a quantity. A tier's own rule for a product wins over its segment's.
 */
export const AddonRule = model
  .define("addon_rule", {
    id: model.id({ prefix: "addr" }).primaryKey(),
    product_id: model.text(),
    max_quantity: model.number().default(1),
    segment: model.belongsTo(() => Segment, { mappedBy: "addon_rules" }).nullable(),
    tier: model.belongsTo(() => Tier, { mappedBy: "addon_rules" }).nullable(),
  })
  .indexes([
    { name: "IDX_addon_rule_tier_product", on: ["tier_id", "product_id"], unique: true, where: "tier_id IS NOT NULL AND deleted_at IS NULL" },
    { name: "IDX_addon_rule_segment_product", on: ["segment_id", "product_id"], unique: true, where: "segment_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["product_id"] },
  ])
