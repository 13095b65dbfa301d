import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createTierEventStep, TierEventInput } from "./steps/create-tier-event"
import { trackAnalyticsStep } from "./steps/track-analytics"

/** Stores a storefront funnel event and hands it to the host's Analytics module, if any. */
export const recordTierEventWorkflow = createWorkflow("record-tier-event", (input: TierEventInput) => {
  const event = createTierEventStep(input)
  trackAnalyticsStep(
    // Offers shown and decided are forwarded by the server (subscribers/upsell-offer-events.ts), not twice.
    transform({ input }, ({ input }) => (input.name.startsWith("upsell_") ? [] : [
      {
        name: input.name,
        actor_id: input.visitor_id,
        sales_channel_id: input.sales_channel_id,
        properties: { ...(input.properties ?? {}), segment_id: input.segment_id, tier_id: input.tier_id },
      },
    ]))
  )
  return new WorkflowResponse(event)
})
