import { model } from "@medusajs/framework/utils"

/** A tenant's own commission percent for a segment, over the segment's rate. */
export const CommissionRate = model
  .define("commission_rate", {
    id: model.id({ prefix: "comr" }).primaryKey(),
    sales_channel_id: model.text(),
    segment_id: model.text(),
    percent: model.float(),
  })
  .indexes([{ on: ["sales_channel_id", "segment_id"], unique: true, where: "deleted_at IS NULL" }])
