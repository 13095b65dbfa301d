import { z } from "@medusajs/framework/zod"
import { Trigger, unknownPlaceholders } from "../../../lib/upsell"
import { booleanString, dateTime, id, listParams } from "../../utils/validators"

const trigger: z.ZodType<Trigger> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(trigger).max(20) }).strict(),
    z.object({ any: z.array(trigger).max(20) }).strict(),
    z
      .object({
        viewing_tier: z
          .object({ segment: z.string().min(1).max(100).optional(), level: z.number().int().min(1).max(99).optional() })
          .strict(),
      })
      .strict(),
    z.object({ addon_count_at_least: z.number().int().min(0).max(1000) }).strict(),
    z.object({ high_demand_date: z.literal(true) }).strict(),
    z.object({ cart_subtotal_at_least: z.number().min(0).max(1e12) }).strict(),
    z.object({ segment_in: z.array(z.string().min(1).max(100)).min(1).max(20) }).strict(),
  ])
)

const copy = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((text, ctx) => {
      const unknown = unknownPlaceholders(text)
      if (unknown.length) {
        ctx.addIssue({ code: "custom", message: `unknown placeholder(s): ${unknown.join(", ")}` })
      }
    })

const fields = {
  name: z.string().trim().min(1).max(120),
  trigger,
  action: z.enum(["show_comparison", "suggest_upgrade", "emphasize_scarcity", "suggest_addon_bundle"]),
  incentive_percent: z.number().min(0).max(50).nullable().optional(),
  headline: copy(200).pipe(z.string().min(1, "must not be empty")),
  body: copy(2000).nullable().optional(),
  priority: z.number().int().min(0).max(1000).optional(),
  starts_at: dateTime.nullable().optional(),
  ends_at: dateTime.nullable().optional(),
  is_active: z.boolean().optional(),
  sales_channel_ids: z.array(id).max(100).optional(),
}

const window = (r: { starts_at?: Date | null; ends_at?: Date | null }) => !r.starts_at || !r.ends_at || r.starts_at < r.ends_at

export const AdminCreateUpsellRule = z
  .object(fields)
  .strict()
  .refine(window, { message: "starts_at must be before ends_at" })
export type AdminCreateUpsellRuleType = z.infer<typeof AdminCreateUpsellRule>

export const AdminUpdateUpsellRule = z
  .object(fields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Nothing to update" })
  .refine(window, { message: "starts_at must be before ends_at" })
export type AdminUpdateUpsellRuleType = z.infer<typeof AdminUpdateUpsellRule>

export const AdminListUpsellRules = z
  .object({ is_active: booleanString.optional(), ...listParams(["priority", "name", "created_at", "updated_at"]) })
  .strict()
export type AdminListUpsellRulesType = z.infer<typeof AdminListUpsellRules>
