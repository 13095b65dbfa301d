import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { UpsellEvents } from "./create-upsell-offers"
import { DecideUpsellOfferInput, decideUpsellOfferStep } from "./steps/decide-upsell-offer"

export const decideUpsellOfferWorkflow = createWorkflow("decide-upsell-offer", (input: DecideUpsellOfferInput) => {
  acquireLockStep({ key: transform({ input }, ({ input }) => `upsell-offer:${input.id}`), timeout: 5, ttl: 15 })
  const offer = decideUpsellOfferStep(input)
  releaseLockStep({ key: transform({ input }, ({ input }) => `upsell-offer:${input.id}`) })
  emitEventStep({
    eventName: transform({ input }, ({ input }) => (input.decision === "accepted" ? UpsellEvents.ACCEPTED : UpsellEvents.DECLINED)),
    data: transform({ offer }, ({ offer }) => ({
      id: offer.id,
      rule_id: offer.rule_id,
      visitor_id: offer.visitor_id,
      sales_channel_id: offer.sales_channel_id,
      cart_id: offer.cart_id,
      from_tier_id: offer.from_tier_id,
      to_tier_id: offer.to_tier_id,
      experiment_key: offer.experiment_key,
      experiment_variant: offer.experiment_variant,
    })),
  })
  return new WorkflowResponse(offer)
})
