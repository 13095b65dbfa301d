import { z } from "@medusajs/framework/zod"
import { FLAG_KEYS } from "../../../lib/flags"
import { id } from "../../utils/validators"

export const AdminSetFlags = z
  .object({
    segments: z.boolean().optional(),
    upsell: z.boolean().optional(),
    upsell_rollout_percent: z.number().min(0).max(100).optional(),
    tenant_allowlist: z.array(id).max(500).nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Nothing to update" })
export type AdminSetFlagsType = z.infer<typeof AdminSetFlags>

export const AdminResetFlags = z
  .object({ key: z.enum(FLAG_KEYS as [string, ...string[]]).optional() })
  .strict()
export type AdminResetFlagsType = z.infer<typeof AdminResetFlags>
