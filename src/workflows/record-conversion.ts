import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { BuildConversionInput, buildConversionStep } from "./steps/build-conversion"
import { recordConversionStep } from "./steps/record-conversion"
import { trackAnalyticsStep } from "./steps/track-analytics"

export type RecordConversionWorkflowInput = BuildConversionInput

/**
 * Turns an order event (placed, upgraded, canceled, refunded) into its
 * conversion record, exactly once, and hands a newly placed order to the
 * host's Analytics module as a purchase.
 */
export const recordConversionWorkflow = createWorkflow("record-conversion", (input: RecordConversionWorkflowInput) => {
  const built = buildConversionStep(input)
  const conversion = recordConversionStep(built)
  trackAnalyticsStep(
    transform({ built, conversion }, ({ built, conversion }) =>
      conversion && built
        ? [
            {
              name: built.kind === "order" ? "order" : `order_${built.kind}`,
              actor_id: built.visitor_id ?? null,
              sales_channel_id: built.sales_channel_id,
              properties: {
                order_id: built.order_id,
                transaction_id: built.order_id,
                currency: built.currency_code.toUpperCase(),
                value: built.revenue + built.addon_revenue,
                commission: built.commission,
                upsell_rule_id: built.upsell_rule_id ?? null,
                experiment_key: built.experiment_key ?? null,
                experiment_variant: built.experiment_variant ?? null,
                items: built.lines.map((l) => ({ item_id: l.tier_id, item_category: l.segment_id, price: l.revenue + l.addon_revenue })),
              },
            },
          ]
        : []
    )
  )
  return new WorkflowResponse(conversion)
})
