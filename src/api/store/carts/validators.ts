import { z } from "@medusajs/framework/zod"
import { eventDate, id } from "../../utils/validators"

export const StoreAddTierItems = z
  .object({
    tier_id: id,
    event_date: eventDate,
    guest_count: z.number().int().min(1).max(100000).optional(),
    addon_variant_ids: z.array(id).max(50).optional(),
  })
  .strict()
export type StoreAddTierItemsType = z.infer<typeof StoreAddTierItems>

export const StoreUpgradeCartTier = z
  .object({ line_item_id: id, to_tier_id: id, offer_id: id.optional() })
  .strict()
export type StoreUpgradeCartTierType = z.infer<typeof StoreUpgradeCartTier>
