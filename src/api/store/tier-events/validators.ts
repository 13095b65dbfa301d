import { z } from "@medusajs/framework/zod"
import { FUNNEL_EVENTS } from "../../../modules/tier-analytics/models/tier-event"
import { id } from "../../utils/validators"
import { visitorId } from "../upsell/validators"

const value = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()])

export const StoreTierEvent = z
  .object({
    name: z.enum(FUNNEL_EVENTS),
    visitor_id: visitorId,
    /** A segment's handle or id. */
    segment: z.string().trim().min(1).max(100).optional(),
    tier_id: id.optional(),
    properties: z
      .record(z.string().min(1).max(60), value)
      .refine((p) => Object.keys(p).length <= 20, { message: "at most 20 properties" })
      .optional(),
  })
  .strict()
export type StoreTierEventType = z.infer<typeof StoreTierEvent>
