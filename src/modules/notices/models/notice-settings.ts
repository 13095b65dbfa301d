import { model } from "@medusajs/framework/utils"

/**
 * A tenant's (sales channel's) notification switches; a tenant without a row gets every template
 * on and the default warning window.
 */
export const NoticeSettings = model
  .define("notice_settings", {
    id: model.id({ prefix: "nset" }).primaryKey(),
    sales_channel_id: model.text(),
    /** Template names the tenant turned off (see NOTICE_TEMPLATES in src/lib/notices.ts). */
    disabled_templates: model.array().default([]),
    /** How many hours before an option lapses its client is warned. */
    option_lapsing_hours: model.number().default(24),
  })
  .indexes([{ on: ["sales_channel_id"], unique: true, where: "deleted_at IS NULL" }])
