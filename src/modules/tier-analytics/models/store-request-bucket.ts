import { model } from "@medusajs/framework/utils"

/** The plugin's store requests of a tenant in one minute, and how many of them answered 5xx. */
export const StoreRequestBucket = model
  .define("store_request_bucket", {
    id: model.id({ prefix: "srb" }).primaryKey(),
    sales_channel_id: model.text(),
    /** The minute's start (UTC). */
    minute: model.dateTime(),
    requests: model.number().default(0),
    errors: model.number().default(0),
  })
  .indexes([{ on: ["sales_channel_id", "minute"], unique: true }, { on: ["minute"] }])
