import { z } from "@medusajs/framework/zod"
import { booleanString, id, pagination } from "../../utils/validators"

export const AdminListTierRepairs = z
  .object({
    sales_channel_id: id.optional(),
    order_id: id.optional(),
    /** Only what needs the merchant (true) or only what was put right on its own (false). */
    needs_attention: booleanString.optional(),
    /** Only resolved (true) or open (false) flags. */
    resolved: booleanString.optional(),
    ...pagination,
  })
  .strict()
export type AdminListTierRepairsType = z.infer<typeof AdminListTierRepairs>

export const AdminRunReconcile = z
  .object({
    /** Check every order, not only those written since the last run. */
    full: z.boolean().optional(),
    /** Minutes a checkout or upgrade in flight is left alone (default 15). */
    grace_minutes: z.number().int().min(0).max(1440).optional(),
  })
  .strict()
export type AdminRunReconcileType = z.infer<typeof AdminRunReconcile>
