import { model } from "@medusajs/framework/utils"

/**
 * What a checkout charged now and what its order owes later. Written for the cart before the
 * order exists (checkout's validate hook), then given the order's id when the order is placed.
 */
export const PaymentPlan = model
  .define("payment_plan", {
    id: model.id({ prefix: "pplan" }).primaryKey(),
    cart_id: model.text(),
    order_id: model.text().nullable(),
    sales_channel_id: model.text(),
    currency_code: model.text(),
    total: model.bigNumber(),
    deposit: model.bigNumber(),
    balance: model.bigNumber(),
    /** Null when the order paid in full. */
    balance_due_date: model.text().nullable(),
    event_date: model.text().nullable(),
    pay_in_full: model.boolean(),
    reason: model.text(),
    /** The policies the plan was computed with, as they were then. */
    policy: model.json().nullable(),
    /** The balance's payments as checkout computed them (`[{ number, amount, due_date }]`); null when the order paid in full. */
    instalments: model.json().nullable(),
    /** The first payment's due date (the balance's for a single payment), for the due-date run to find the plan by. */
    first_due_date: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_payment_plan_cart_unique", on: ["cart_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_payment_plan_order_unique", on: ["order_id"], unique: true, where: "order_id IS NOT NULL AND deleted_at IS NULL" },
  ])
