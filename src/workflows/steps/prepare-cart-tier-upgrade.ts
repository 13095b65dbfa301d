import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TierUpgrade } from "../../client/types"
import { CartLineInput, TierLineMetadata } from "../../lib/cart-lines"
import { loadCartTierLines } from "../../queries/cart"
import { addonsOf } from "../../queries/order"
import { checkUpgradeFits, planUpgrade } from "../../queries/upgrade"

export type UpgradeCartTierInput = {
  cart_id: string
  line_item_id: string
  to_tier_id: string
  offer_id?: string
  /** The publishable key's sales channels: the cart must be in one of them. */
  sales_channel_ids: string[]
}

/** What an upgrade did: the storefront reads it in the route's answer, subscribers in `tier.upgraded`. */
export type TierUpgradeEvent = TierUpgrade

/**
 * Checks a cart's tier line can move to the target tier and prices the new
 * line (same date, guests and add-ons, the offer's incentive when one was
 * accepted). Reads only; the calling workflow holds the cart lock.
 */
export const prepareCartTierUpgradeStep = createStep(
  "prepare-cart-tier-upgrade",
  async (input: UpgradeCartTierInput, { container }) => {
    const cart = await loadCartTierLines(container, input.cart_id, input.sales_channel_ids)
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart.id} is already completed`)
    }
    const item = cart.items.find((i) => i.id === input.line_item_id)
    const line = cart.tier_lines.find((l) => l.id === input.line_item_id)
    if (!item) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Line item ${input.line_item_id} was not found in cart ${cart.id}`)
    }
    if (!line) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line item ${item.id} is not a tier line; only a tier can be upgraded`)
    }
    const plan = await planUpgrade(container, {
      sales_channel_ids: [cart.sales_channel_id],
      region: { id: cart.region_id!, currency_code: cart.currency_code },
      from_tier_id: line.tier_id,
      to_tier_id: input.to_tier_id,
      event_date: line.event_date,
      current_price: line.unit_price,
      offer_id: input.offer_id,
    // A cart's prices are verified against the database again at checkout.
    }, { cached: true })
    if (!plan.quote.allowed) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, plan.quote.reason!)
    }
    const metadata = item.metadata as unknown as TierLineMetadata
    const addons = addonsOf(cart.items, line.tier_line_key)
    await checkUpgradeFits(container, {
      sales_channel_id: cart.sales_channel_id,
      from: plan.from,
      to: plan.to,
      line: { tier_id: line.tier_id, event_date: line.event_date, guest_count: metadata.guest_count ?? null, unit_price: line.unit_price, addons },
      pending_products: cart.items
        .filter((i) => i.id !== item.id && i.metadata?.tiered_kind === "tier" && i.metadata.event_date === line.event_date && i.product_id)
        .map((i) => i.product_id!),
      booked: false,
    })
    const newLine: CartLineInput = {
      variant_id: plan.to.variant_id,
      quantity: 1,
      unit_price: plan.price.final,
      requires_shipping: false,
      metadata: {
        ...metadata,
        tier_id: plan.to.row.id,
        segment_id: plan.to.row.segment_id,
        price_breakdown: plan.price,
        upgraded_from_tier_id: line.tier_id,
        upsell_offer_id: plan.offer_id,
        upgrade_incentive_percent: plan.incentive_percent,
      },
    }
    const event: TierUpgradeEvent = {
      cart_id: cart.id,
      order_id: null,
      sales_channel_id: cart.sales_channel_id,
      line_item_id: item.id,
      from_tier_id: line.tier_id,
      to_tier_id: plan.to.row.id,
      offer_id: plan.offer_id,
      price_difference: plan.quote.price_difference,
      currency_code: cart.currency_code,
    }
    return new StepResponse({
      item: newLine,
      old_line_id: item.id,
      // Add-ons follow the new tier: their commission is the parent tier's segment rate.
      addon_updates: addons.map((a) => {
        const current = cart.items.find((i) => i.id === a.id)!.metadata!
        return { id: a.id, metadata: { ...current, tier_id: plan.to.row.id, segment_id: plan.to.row.segment_id } }
      }),
      event,
    })
  }
)
