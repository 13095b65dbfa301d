import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { trackAnalyticsStep } from "./steps/track-analytics"

export type UpsellEventData = {
  id: string
  rule_id: string
  visitor_id: string
  sales_channel_id: string
  cart_id?: string | null
  from_tier_id?: string | null
  to_tier_id?: string | null
  experiment_key?: string | null
  experiment_variant?: string | null
}

/** Hands an offer shown or decided to the host's Analytics module (view_promotion / select_promotion). */
export const trackUpsellEventWorkflow = createWorkflow(
  "track-upsell-event",
  (input: { name: "upsell_shown" | "upsell_accepted" | "upsell_declined"; offer: UpsellEventData }) => {
    const tracked = trackAnalyticsStep(
      transform({ input }, ({ input }) => [
        {
          name: input.name,
          actor_id: input.offer.visitor_id,
          sales_channel_id: input.offer.sales_channel_id,
          properties: {
            promotion_id: input.offer.rule_id,
            offer_id: input.offer.id,
            creative_name: input.offer.experiment_variant ?? null,
            experiment_key: input.offer.experiment_key ?? null,
            cart_id: input.offer.cart_id ?? null,
            from_tier_id: input.offer.from_tier_id ?? null,
            to_tier_id: input.offer.to_tier_id ?? null,
          },
        },
      ])
    )
    return new WorkflowResponse(tracked)
  }
)
