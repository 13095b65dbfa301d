import { z } from "@medusajs/framework/zod"
import { pricingRuleProblems } from "../../../lib/pricing"
import { booleanString, eventDate, id, listParams } from "../../utils/validators"

const ruleFields = {
  label: z.string().trim().min(1, "must not be empty").max(120),
  kind: z.enum(["season", "last_minute", "early_bird", "weekday"]),
  percent: z.number().finite(),
  priority: z.number().int().min(0).max(1000).optional(),
  stackable: z.boolean().optional(),
  is_active: z.boolean().optional(),
  segment_ids: z.array(id).max(100).optional(),
  months: z.array(z.number().int()).max(12).nullable().optional(),
  start_date: eventDate.nullable().optional(),
  end_date: eventDate.nullable().optional(),
  repeats_yearly: z.boolean().optional(),
  days: z.number().int().min(-10000).max(10000).nullable().optional(),
  weekdays: z.array(z.number().int()).max(7).nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
}

export const AdminCreatePricingRule = z
  .object(ruleFields)
  .strict()
  .superRefine((rule, ctx) => {
    for (const message of pricingRuleProblems({ ...rule, priority: rule.priority ?? 0, stackable: rule.stackable ?? true })) {
      ctx.addIssue({ code: "custom", message })
    }
  })
export type AdminCreatePricingRuleType = z.infer<typeof AdminCreatePricingRule>

// A partial change is checked against the stored rule in the workflow.
export const AdminUpdatePricingRule = z
  .object(ruleFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "Nothing to update" })
export type AdminUpdatePricingRuleType = z.infer<typeof AdminUpdatePricingRule>

export const AdminListPricingRules = z
  .object({ is_active: booleanString.optional(), kind: ruleFields.kind.optional(), ...listParams(["priority", "label", "created_at", "updated_at"]) })
  .strict()
export type AdminListPricingRulesType = z.infer<typeof AdminListPricingRules>
