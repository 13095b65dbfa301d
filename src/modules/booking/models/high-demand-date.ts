import { model } from "@medusajs/framework/utils"

/** A date the merchant flagged as high demand: shown `limited` while it has room. */
export const HighDemandDate = model
  .define("high_demand_date", {
    id: model.id({ prefix: "hdd" }).primaryKey(),
    sales_channel_id: model.text(),
    date: model.text(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["sales_channel_id", "date"], unique: true, where: "deleted_at IS NULL" }])
