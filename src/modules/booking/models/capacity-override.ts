import { model } from "@medusajs/framework/utils"

/**
 * A tier product with its own capacity per date: its bookings count against
 * this number instead of the tenant's shared capacity.
 */
export const CapacityOverride = model
  .define("capacity_override", {
    id: model.id({ prefix: "capov" }).primaryKey(),
    sales_channel_id: model.text(),
    product_id: model.text(),
    capacity: model.number(),
  })
  .indexes([{ on: ["sales_channel_id", "product_id"], unique: true, where: "deleted_at IS NULL" }])
