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
    /** How long a tier put into a cart holds its date, in minutes (1 to 1440). */
    hold_minutes: model.number().default(30),
    /** The tenant's IANA time zone: "today", lead time, the window and report days are in it. */
    time_zone: model.text().default("UTC"),
    /** The secret of the tenant's calendar feed URL (rotatable); none until first asked for. */
    feed_token: model.text().nullable(),
    /** A couple may move their own booking to another date from the storefront. */
    allow_customer_reschedule: model.boolean().default(false),
    /** Days a couple's current event date must still be away for them to move it themselves. */
    reschedule_notice_days: model.number().default(14),
  })
  .indexes([{ on: ["sales_channel_id"], unique: true, where: "deleted_at IS NULL" }])
