import { z } from "@medusajs/framework/zod"
import { id } from "../../utils/validators"
import { MAX_INSTALMENTS } from "../../../lib/instalments"

const days = (what: string) => z.number().int(`${what} must be a whole number of days`).min(0, `${what} must not be negative`).max(730, `${what} must be at most 730 days`)

/** A tenant's default deposit policy (no segment_id) or a segment's override. */
export const AdminSetDepositPolicy = z
  .object({
    segment_id: id.nullable().optional(),
    kind: z.enum(["percent", "fixed"]),
    value: z.number().finite(),
    currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "must be a 3-letter currency code").nullable().optional(),
    balance_due_days: days("balance_due_days").optional(),
    deposit_refundable: z.boolean().optional(),
    balance_refundable_days: days("balance_refundable_days").optional(),
    /** How many payments the balance is split into; the tenant's default only. */
    instalments: z
      .number()
      .int("instalments must be a whole number of payments")
      .min(1, `instalments must be between 1 and ${MAX_INSTALMENTS}`)
      .max(MAX_INSTALMENTS, `instalments must be between 1 and ${MAX_INSTALMENTS}`)
      .optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.segment_id && body.instalments !== undefined) {
      ctx.addIssue({ code: "custom", path: ["instalments"], message: "instalments are set on the tenant's default policy, not a segment's override" })
    }
    if (body.kind === "percent") {
      if (body.value < 1 || body.value > 100) {
        ctx.addIssue({ code: "custom", path: ["value"], message: "a percent deposit is between 1 and 100" })
      }
      if (body.currency_code) {
        ctx.addIssue({ code: "custom", path: ["currency_code"], message: "a percent deposit takes no currency" })
      }
      return
    }
    if (!(body.value > 0) || body.value > 1_000_000_000) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "a fixed deposit is more than 0 and at most 1,000,000,000" })
    }
    if (!body.currency_code) {
      ctx.addIssue({ code: "custom", path: ["currency_code"], message: "a fixed deposit names its currency" })
    }
  })
export type AdminSetDepositPolicyType = z.infer<typeof AdminSetDepositPolicy>
