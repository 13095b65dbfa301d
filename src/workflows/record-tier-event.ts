import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { FunnelEvent } from "../modules/tier-analytics/models/tier-event"
import { createTierEventStep, TierEventInput } from "./steps/create-tier-event"
import { identifyVisitorStep } from "./steps/identify-visitor"
import { resolveTierEventTargetStep } from "./steps/resolve-tier-event-target"
import { takeStoreRateLimitsStep } from "./steps/take-store-rate-limits"
import { trackAnalyticsStep } from "./steps/track-analytics"

export type RecordTierEventInput = {
  name: FunnelEvent
  /** The id the storefront sent; replaced by a fresh one when the server did not sign it. */
  visitor_id?: string
  /** A segment's handle or id. */
  segment?: string
  tier_id?: string
  properties?: Record<string, unknown>
  /** The publishable key's sales channels. */
  sales_channel_ids: string[]
  /** The client's address, for its rate limit. */
  address?: string
}

/**
 * Stores a storefront funnel event of the key's tenant under the visitor's signed id, within the
 * rate limits, and hands it to the host's Analytics module, if any. Answers the id the storefront keeps.
 */
export const recordTierEventWorkflow = createWorkflow("record-tier-event", (input: RecordTierEventInput) => {
  const target = resolveTierEventTargetStep(
    transform({ input }, ({ input }) => ({ sales_channel_ids: input.sales_channel_ids, tier_id: input.tier_id, segment: input.segment }))
  )
  const visitor = identifyVisitorStep(transform({ input }, ({ input }) => ({ visitor_id: input.visitor_id })))
  takeStoreRateLimitsStep(
    transform({ input, target, visitor }, ({ input, target, visitor }) => ({
      route: "events" as const,
      tenant: target.sales_channel_id,
      visitor_id: visitor.visitor_id,
      address: input.address,
    }))
  )
  const record = transform({ input, target, visitor }, ({ input, target, visitor }): TierEventInput => ({
    name: input.name,
    visitor_id: visitor.visitor_id,
    sales_channel_id: target.sales_channel_id,
    segment_id: target.segment_id,
    tier_id: target.tier_id,
    properties: input.properties ?? null,
  }))
  const event = createTierEventStep(record)
  trackAnalyticsStep(
    // Offers shown and decided are forwarded by the server (subscribers/upsell-offer-events.ts), not twice.
    transform({ record }, ({ record }) => (record.name.startsWith("upsell_") ? [] : [
      {
        name: record.name,
        actor_id: record.visitor_id,
        sales_channel_id: record.sales_channel_id,
        properties: { ...(record.properties ?? {}), segment_id: record.segment_id, tier_id: record.tier_id },
      },
    ]))
  )
  return new WorkflowResponse(transform({ event, visitor }, ({ event, visitor }) => ({ event, visitor_id: visitor.visitor_id })))
})
