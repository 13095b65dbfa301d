import { model } from "@medusajs/framework/utils"

/**
 * How an order's balance is collected on its due date and what happened: the method the couple
 * saved to be charged with, each failed attempt (count, last error), and the reminder and
 * overdue notices already given (their tenant day), so each is given once.
 */
export const BalanceSchedule = model
  .define("balance_schedule", {
    id: model.id({ prefix: "bsched" }).primaryKey(),
    order_id: model.text(),
    sales_channel_id: model.text(),
    /** The provider to charge on the due date; null: the couple pays by link or offline. */
    provider_id: model.text().nullable(),
    /** The provider's saved payment method (its id at the provider), charged off-session. */
    payment_method_id: model.text().nullable(),
    attempts: model.number().default(0),
    last_error: model.text().nullable(),
    last_attempt_at: model.dateTime().nullable(),
    /** Set when the retries are spent: the merchant must step in. */
    flagged_at: model.dateTime().nullable(),
    reminded_on: model.text().nullable(),
    overdue_on: model.text().nullable(),
    /** The due date of the instalment last reminded of, last marked overdue, and the one `attempts` counts for. */
    reminded_for: model.text().nullable(),
    overdue_for: model.text().nullable(),
    attempts_for: model.text().nullable(),
  })
  .indexes([{ name: "IDX_balance_schedule_order_unique", on: ["order_id"], unique: true, where: "deleted_at IS NULL" }])
