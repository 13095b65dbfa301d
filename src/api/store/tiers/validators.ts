import { z } from "@medusajs/framework/zod"
import { eventDate, id, MAX_RANGE_DAYS, rangeLength } from "../../utils/validators"

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

/** At most MAX_RANGE_DAYS a call; without `from`/`to`, the query fills them from the tenant's today. */
export const StoreTierAvailability = z
  .object({ from: eventDate.optional(), to: eventDate.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to" })
  .refine((q) => !q.from || !q.to || rangeLength(q.from, q.to) <= MAX_RANGE_DAYS, {
    message: `at most ${MAX_RANGE_DAYS} days a call`,
  })
export type StoreTierAvailabilityType = z.infer<typeof StoreTierAvailability>

export const StoreTierAddons = z.object({ region_id: id }).strict()
export type StoreTierAddonsType = z.infer<typeof StoreTierAddons>

export const StoreUpgradeQuote = z
  .object({
    from_tier_id: id,
    to_tier_id: id,
    region_id: id,
    event_date: eventDate.optional(),
    /** A cart line or an order of the tier: the difference is measured from what it costs. */
    line_item_id: id.optional(),
    order_id: id.optional(),
    /** An accepted upgrade offer: its incentive is in the quote. */
    offer_id: id.optional(),
  })
  .strict()
  .refine((b) => !(b.line_item_id && b.order_id), { message: "give line_item_id or order_id, not both" })
export type StoreUpgradeQuoteType = z.infer<typeof StoreUpgradeQuote>
