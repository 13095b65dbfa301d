import { z } from "@medusajs/framework/zod"
import { eventDate, id } from "../../utils/validators"

export const StoreCompareTiers = z
  .object({
    tier_ids: z
      .array(id)
      .min(2, "compare at least 2 tiers")
      .max(3, "compare at most 3 tiers")
      .refine((ids) => new Set(ids).size === ids.length, { message: "tier_ids must not repeat" }),
    region_id: id,
    event_date: eventDate.optional(),
  })
  .strict()
export type StoreCompareTiersType = z.infer<typeof StoreCompareTiers>
