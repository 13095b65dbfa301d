import { model } from "@medusajs/framework/utils"

/** Dates a tenant takes no bookings, inclusive. */
export const Blackout = model
  .define("blackout", {
    id: model.id({ prefix: "blk" }).primaryKey(),
    sales_channel_id: model.text(),
    start_date: model.text(),
    end_date: model.text(),
    reason: model.text().nullable(),
  })
  .indexes([{ on: ["sales_channel_id", "start_date", "end_date"] }])
