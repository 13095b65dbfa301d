import { z } from "@medusajs/framework/zod"
import { pagination } from "../../utils/validators"

/** Why: kept with the change in the rollout's history. */
const reason = z.string().trim().min(1, "a reason is required").max(500, "must be at most 500 characters")

export const AdminRolloutChange = z.object({ reason }).strict()
export type AdminRolloutChangeType = z.infer<typeof AdminRolloutChange>

export const AdminSetRolloutStage = z
  .object({ percent: z.number().int("must be a whole percent").min(0).max(100), reason })
  .strict()
export type AdminSetRolloutStageType = z.infer<typeof AdminSetRolloutStage>

export const AdminListRolloutChanges = z.object({ ...pagination }).strict()
export type AdminListRolloutChangesType = z.infer<typeof AdminListRolloutChanges>
