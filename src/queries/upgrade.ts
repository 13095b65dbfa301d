import { generateEntityId } from "@medusajs/framework/utils"
import { TierLineDraft, upgradedRecord } from "../lib/cart-lines"
import { TierPrice } from "../lib/pricing"
import { UpgradeQuote, UpgradeTier } from "../lib/upgrade"
import { VisibleTier } from "./catalog"

export type UpgradeLine = {
  tier_id: string
  event_date: string | null
  guest_count: number | null
  unit_price: number
  /** Products and units of the add-ons hanging on the line. */
  addons: { product_id: string; title: string; quantity: number }[]
}

export type PlannedUpgrade = {
  quote: UpgradeQuote
  from: VisibleTier
  to: VisibleTier
  /** The target's price for the line's date, with the offer's incentive. */
  price: TierPrice
  incentive_percent: number
  offer_id: string | null
}

/** The record of the line a planned upgrade puts in place of the current tier line. */
export function recordOfUpgrade(current: Parameters<typeof upgradedRecord>[0], plan: PlannedUpgrade): TierLineDraft {
  return upgradedRecord(current, {
    id: generateEntityId(undefined, "tlrec"),
    tier: { id: plan.to.row.id, segment_id: plan.to.row.segment_id, product_id: plan.to.row.product!.id, variant_id: plan.to.variant_id, days: plan.to.row.days },
    price: plan.price,
    offer_id: plan.offer_id,
    incentive_percent: plan.incentive_percent,
  })
}

/** A visible tier as the upgrade rules see it, at a price. */
export const asUpgradeTier = (tier: VisibleTier, price: number): UpgradeTier => ({
  id: tier.row.id,
  segment_id: tier.row.segment_id,
  segment_rank: tier.row.segment.rank,
  level: tier.row.level,
  name: tier.row.name,
  features: tier.row.features ?? [],
  price,
})