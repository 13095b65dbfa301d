import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  beginOrderEditOrderWorkflow,
  confirmOrderEditRequestWorkflow,
  emitEventStep,
  orderEditAddNewItemWorkflow,
  orderEditUpdateItemQuantityWorkflow,
  releaseLockStep,
  requestOrderEditRequestWorkflow,
} from "@medusajs/medusa/core-flows"
import { completeOrderUpgradeStep } from "./steps/complete-order-upgrade"
import { createTierLinesStep } from "./steps/create-tier-lines"
import { ORDER_UPGRADE_DESCRIPTION, prepareOrderTierUpgradeStep, UpgradeOrderTierInput } from "./steps/prepare-order-tier-upgrade"
import { redeemUpsellOfferStep } from "./steps/redeem-upsell-offer"
import { TIER_UPGRADED } from "./upgrade-cart-tier"

export type UpgradeOrderTierWorkflowInput = UpgradeOrderTierInput

/**
 * Upgrades a placed booking through Medusa's order edit: the new tier line is
 * added at its server price, the old one set to 0, and the edit requested and
 * confirmed, so the order shows the new tier and what is due; the booking
 * follows the new line. The new line's record is written first as `pending`:
 * a process that dies before the end leaves a record the reconciler finishes
 * (when the edit was confirmed) or drops with the edit (when it was not).
 */
export const upgradeOrderTierWorkflow = createWorkflow("upgrade-order-tier", (input: UpgradeOrderTierWorkflowInput) => {
  acquireLockStep({ key: input.order_id, timeout: 5, ttl: 60 })
  const plan = prepareOrderTierUpgradeStep(input)
  // The offer is used up first: of two upgrades racing with it, the loser changes nothing.
  redeemUpsellOfferStep(transform({ input, plan }, ({ input, plan }) => ({ offer_id: plan.event.offer_id, redeemed_by: input.order_id })))
  createTierLinesStep(
    transform({ input, plan }, ({ input, plan }) => ({ order_id: input.order_id, records: [plan.record], status: "pending" as const }))
  )
  beginOrderEditOrderWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      created_by: input.customer_id,
      description: ORDER_UPGRADE_DESCRIPTION,
    })),
  })
  orderEditAddNewItemWorkflow.runAsStep({
    input: transform({ input, plan }, ({ input, plan }) => ({ order_id: input.order_id, items: [plan.new_item] })),
  })
  orderEditUpdateItemQuantityWorkflow.runAsStep({
    input: transform({ input, plan }, ({ input, plan }) => ({ order_id: input.order_id, items: [{ id: plan.old_item_id, quantity: 0 }] })),
  })
  requestOrderEditRequestWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({ order_id: input.order_id, requested_by: input.customer_id })),
  })
  const preview = confirmOrderEditRequestWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({ order_id: input.order_id, confirmed_by: input.customer_id })),
  })
  completeOrderUpgradeStep(transform({ input, plan }, ({ input, plan }) => ({ order_id: input.order_id, record_id: plan.record.id })))
  emitEventStep({ eventName: TIER_UPGRADED, data: transform({ plan }, ({ plan }) => plan.event) })
  releaseLockStep({ key: input.order_id })
  return new WorkflowResponse({ preview, upgrade: transform({ plan }, ({ plan }) => plan.event) })
})
