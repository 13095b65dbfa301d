import { model } from "@medusajs/framework/utils"

/** A tenant's (sales channel's) booking rules; a tenant without a row gets the defaults. */
export const AvailabilitySettings = model
  .define("availability_settings", {
    id: model.id({ prefix: "avset" }).primaryKey(),
    sales_channel_id: model.text(),
    capacity_per_date: model.number().default(1),
    min_lead_days: model.number().default(0),
    max_advance_days: model.number().nullable(),
    high_demand_threshold: model.number().default(0),
  })
  .indexes([{ on: ["sales_channel_id"], unique: true, where: "deleted_at IS NULL" }])
