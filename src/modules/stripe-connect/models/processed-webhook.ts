import { model } from "@medusajs/framework/utils"

/** A Stripe event already handled: Stripe retries, and each event must act once. */
export const ProcessedWebhook = model
  .define("processed_webhook", {
    id: model.id({ prefix: "whk" }).primaryKey(),
    event_id: model.text(),
    type: model.text(),
  })
  .indexes([{ on: ["event_id"], unique: true }])
