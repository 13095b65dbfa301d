import { z } from "@medusajs/framework/zod"
import { id, listParams } from "../../utils/validators"

const quantity = z.number().int().min(1).max(99)

export const AdminCreateAddonRule = z
  .object({ product_id: id, tier_id: id.optional(), segment_id: id.optional(), max_quantity: quantity.default(1) })
  .strict()
  .refine((r) => !!r.tier_id !== !!r.segment_id, { message: "give either tier_id or segment_id" })
export type AdminCreateAddonRuleType = z.infer<typeof AdminCreateAddonRule>

export const AdminUpdateAddonRule = z.object({ max_quantity: quantity }).strict()
export type AdminUpdateAddonRuleType = z.infer<typeof AdminUpdateAddonRule>

export const AdminListAddonRules = z
  .object({ tier_id: id.optional(), segment_id: id.optional(), product_id: id.optional(), ...listParams(["created_at", "updated_at", "max_quantity"]) })
  .strict()
export type AdminListAddonRulesType = z.infer<typeof AdminListAddonRules>
