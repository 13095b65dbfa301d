import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BuildUpsellOffersInput, buildUpsellOffersStep } from "./steps/build-upsell-offers"
import { recordUpsellOffersStep } from "./steps/record-upsell-offers"

export const UpsellEvents = {
  SHOWN: "upsell.shown",
  ACCEPTED: "upsell.accepted",
  DECLINED: "upsell.declined",
} as const

/**
 * Evaluates the rules for a visitor and records each offer once per visitor, rule and day;
 * `upsell.shown` is emitted for the offers recorded now, not for those shown before today.
 */
export const createUpsellOffersWorkflow = createWorkflow(
  "create-upsell-offers",
  (input: BuildUpsellOffersInput) => {
    const built = buildUpsellOffersStep(input)
    const recorded = recordUpsellOffersStep(built)
    emitEventStep({
      eventName: UpsellEvents.SHOWN,
      data: transform({ recorded }, ({ recorded }) =>
        recorded.created.map((o) => ({
          id: o.id,
          rule_id: o.rule_id,
          action: o.action,
          visitor_id: o.visitor_id,
          sales_channel_id: o.sales_channel_id,
          cart_id: o.cart_id,
          from_tier_id: o.from_tier_id,
          to_tier_id: o.to_tier_id,
          experiment_key: o.experiment_key,
          experiment_variant: o.experiment_variant,
        }))
      ),
    })
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded.offers))
  }
)
