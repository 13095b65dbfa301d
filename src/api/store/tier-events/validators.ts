import { z } from "@medusajs/framework/zod"
import { MAX_LCP_MS } from "../../../lib/funnel"
import { FUNNEL_EVENTS } from "../../../modules/tier-analytics/models/tier-event"
import { id } from "../../utils/validators"
import { visitorId } from "../upsell/validators"

const value = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()])

const isLcp = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= MAX_LCP_MS

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
  // A page load carries the Largest Contentful Paint the rollout's page-load guardrail reads.
  .refine((e) => e.name !== "page_load" || isLcp(e.properties?.lcp_ms), {
    message: `page_load needs properties.lcp_ms, a number of milliseconds from 0 to ${MAX_LCP_MS}`,
    path: ["properties", "lcp_ms"],
  })
export type StoreTierEventType = z.infer<typeof StoreTierEvent>
