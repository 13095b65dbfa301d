import { model } from "@medusajs/framework/utils"

/**
 * What a tenant takes at checkout: its default (no segment) or a segment's override. The
 * cancellation fields are answered and kept for refunds; checkout does not read them.
 */
export const DepositPolicy = model
  .define("deposit_policy", {
    id: model.id({ prefix: "dpol" }).primaryKey(),
    sales_channel_id: model.text(),
    segment_id: model.text().nullable(),
    kind: model.enum(["percent", "fixed"]),
    /** Percent (1-100), or a fixed amount in `currency_code`'s main unit. */
    value: model.float(),
    /** The currency of a fixed amount; null for a percent. */
    currency_code: model.text().nullable(),
    balance_due_days: model.number().default(30),
    deposit_refundable: model.boolean().default(false),
    balance_refundable_days: model.number().default(30),
    /** How many payments the balance is split into (1..12); read from the tenant's default only. */
    instalments: model.number().default(1),
  })
  .indexes([
    { name: "IDX_deposit_policy_tenant_default", on: ["sales_channel_id"], unique: true, where: "segment_id IS NULL AND deleted_at IS NULL" },
    { name: "IDX_deposit_policy_tenant_segment", on: ["sales_channel_id", "segment_id"], unique: true, where: "segment_id IS NOT NULL AND deleted_at IS NULL" },
  ])
