import { z } from "@medusajs/framework/zod"
import { FLAG_KEYS } from "../../../lib/flags"
import { id } from "../../utils/validators"

/** A rollout stage: a whole percent of tenants. */
const stage = z.number().int("must be a whole percent").min(0).max(100)

export const AdminSetFlags = z
  .object({
    segments: z.boolean().optional(),
    upsell: z.boolean().optional(),
    tiered_catalog_rollout_percent: stage.optional(),
    upsell_rollout_percent: stage.optional(),
    tenant_allowlist: z.array(id).max(500).nullable().optional(),
    tenant_overrides: z
      .record(id, z.object({ tiered_catalog: z.boolean().optional(), upsell: z.boolean().optional() }).strict())
      .refine((o) => Object.keys(o).length <= 500, { message: "at most 500 tenants" })
      .optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Nothing to update" })
export type AdminSetFlagsType = z.infer<typeof AdminSetFlags>

export const AdminResetFlags = z
  .object({ key: z.enum(FLAG_KEYS as [string, ...string[]]).optional() })
  .strict()
export type AdminResetFlagsType = z.infer<typeof AdminResetFlags>
