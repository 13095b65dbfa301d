import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, addToCartWorkflow, deleteLineItemsWorkflow, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createTierLinesStep } from "./steps/create-tier-lines"
import { moveCartHoldStep } from "./steps/move-cart-hold"
import { prepareCartTierUpgradeStep, UpgradeCartTierInput } from "./steps/prepare-cart-tier-upgrade"
import { redeemUpsellOfferStep } from "./steps/redeem-upsell-offer"
import { updateCartLineMetadataStep } from "./steps/update-cart-line-metadata"

export const TIER_UPGRADED = "tier.upgraded"

export type UpgradeCartTierWorkflowInput = UpgradeCartTierInput

/**
 * Swaps a cart's tier line for a higher tier under the cart's lock: the new
 * line keeps the date, guests, add-ons (which move to the new tier) and the
 * date's hold, the old line goes, and an accepted offer is used up. The records switch in one
 * step after the new line exists, so an interrupted upgrade leaves either the
 * old package or a new line without a record (which checkout refuses).
 */
export const upgradeCartTierWorkflow = createWorkflow("upgrade-cart-tier", (input: UpgradeCartTierWorkflowInput) => {
  acquireLockStep({ key: input.cart_id, timeout: 5, ttl: 30 })
  const plan = prepareCartTierUpgradeStep(input)
  // The offer is used up first: of two upgrades racing with it, the loser changes nothing.
  redeemUpsellOfferStep(transform({ input, plan }, ({ input, plan }) => ({ offer_id: plan.event.offer_id, redeemed_by: input.cart_id })))
  addToCartWorkflow.runAsStep({
    input: transform({ input, plan }, ({ input, plan }) => ({ cart_id: input.cart_id, items: [plan.line.item] })),
  })
  createTierLinesStep(
    transform({ input, plan }, ({ input, plan }) => ({ cart_id: input.cart_id, records: [plan.line.record], updates: plan.record_updates }))
  )
  moveCartHoldStep(transform({ plan }, ({ plan }) => plan.hold))
  updateCartLineMetadataStep(transform({ plan }, ({ plan }) => plan.addon_metadata))
  deleteLineItemsWorkflow.runAsStep({
    input: transform({ input, plan }, ({ input, plan }) => ({ cart_id: input.cart_id, ids: [plan.old_line_id] })),
  })
  emitEventStep({ eventName: TIER_UPGRADED, data: transform({ plan }, ({ plan }) => plan.event) })
  releaseLockStep({ key: input.cart_id })
  return new WorkflowResponse(transform({ plan }, ({ plan }) => plan.event))
})
