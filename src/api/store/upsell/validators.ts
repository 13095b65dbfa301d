import { z } from "@medusajs/framework/zod"
import { eventDate, id } from "../../utils/validators"

/** A visitor id as the storefront keeps it: the server's signed id, or anything else, which is replaced. */
export const visitorId = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200)
  .optional()

export const StoreUpsellOffers = z
  .object({
    visitor_id: visitorId,
    cart_id: id.optional(),
    /** Prices the differences when there is no cart yet. */
    region_id: id.optional(),
    context: z
      .object({
        segment: z.string().trim().min(1).max(100).optional(),
        viewing_tier_id: id.optional(),
        event_date: eventDate.optional(),
        addon_count: z.number().int().min(0).max(1000).optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
export type StoreUpsellOffersType = z.infer<typeof StoreUpsellOffers>

export const StoreUpsellDecision = z.object({ decision: z.enum(["accepted", "declined"]) }).strict()
export type StoreUpsellDecisionType = z.infer<typeof StoreUpsellDecision>
