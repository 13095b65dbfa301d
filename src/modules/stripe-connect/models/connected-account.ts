import { model } from "@medusajs/framework/utils"

/** A tenant's Stripe Express account and what Stripe last said of it (kept current by account.updated). */
export const ConnectedAccount = model
  .define("connected_account", {
    id: model.id({ prefix: "cacc" }).primaryKey(),
    sales_channel_id: model.text(),
    stripe_account_id: model.text(),
    details_submitted: model.boolean().default(false),
    charges_enabled: model.boolean().default(false),
    payouts_enabled: model.boolean().default(false),
    /** Stripe's `requirements.currently_due`, to tell the merchant what is missing. */
    requirements_due: model.json<string[]>().default([]),
    status_updated_at: model.dateTime().nullable(),
    /**
     * The moment the stored status describes: the `created` time of the Stripe event it came
     * from, or when a refresh read it; an account.updated older than this is not applied.
     */
    status_as_of: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["sales_channel_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["stripe_account_id"], unique: true, where: "deleted_at IS NULL" },
  ])
