import { FeatureGain, featureGains, TierFeature } from "./comparison"
import { roundToMinor } from "./money"

export type UpgradeTier = {
  id: string
  segment_id: string
  segment_rank: number
  level: number
  name: string
  features: TierFeature[]
  /** Date-adjusted price of the tier, before any incentive. */
  price: number
}

export type UpgradeQuote = {
  allowed: boolean
  reason?: string
  price_difference: number
  discount: number
  /** How each gain reads (FeatureGain.text): "Coverage: 10 h → 12 h", "Heirloom album". */
  features_added: string[]
  /** The rows the target offers more of than the current tier, in comparison row order. */
  rows_added: FeatureGain[]
  currency_code: string
}

/**
 * Why moving from one tier to another is not an upgrade, or null when it is:
 * an upgrade goes to a higher level of the same segment, or to a tier of a
 * higher-ranked segment that costs more than the current line.
 */
export function upgradeRefusal(from: UpgradeTier, to: UpgradeTier, currentPrice: number): string | null {
  if (from.id === to.id) {
    return `${to.name} is the tier already booked`
  }
  if (from.segment_id === to.segment_id) {
    return to.level <= from.level
      ? `${to.name} is not above ${from.name}; only upgrades to a higher level are allowed`
      : null
  }
  if (to.segment_rank <= from.segment_rank) {
    return `${to.name} is in a segment that is not above ${from.name}'s`
  }
  return to.price <= currentPrice ? `${to.name} does not cost more than ${from.name}; it is not an upgrade` : null
}

/**
 * The quote of an upgrade: `target_price` is the target's final price with the
 * upgrade incentive (priced once, see priceTier); the difference is measured
 * from what the current line costs.
 */
export function upgradeQuote(input: {
  from: UpgradeTier
  to: UpgradeTier
  current_price: number
  target_price: number
  currency_code: string
}): UpgradeQuote {
  const { from, to, currency_code } = input
  const rows_added = featureGains(from.features, to.features)
  const features_added = rows_added.map((gain) => gain.text)
  const reason = upgradeRefusal(from, to, input.current_price)
  if (reason) {
    return { allowed: false, reason, price_difference: 0, discount: 0, features_added, rows_added, currency_code }
  }
  return {
    allowed: true,
    price_difference: roundToMinor(input.target_price - input.current_price, currency_code),
    discount: Math.max(0, roundToMinor(to.price - input.target_price, currency_code)),
    features_added,
    rows_added,
    currency_code,
  }
}

/**
 * The tier an upsell points to: the next level up in the same segment, else
 * the first tier of a higher-ranked segment (by rank, then level) that costs
 * more than the current price.
 */
export function nextTier<T extends UpgradeTier>(from: UpgradeTier, tiers: T[], currentPrice = from.price): T | null {
  const candidates = tiers
    .filter((t) => upgradeRefusal(from, t, currentPrice) === null)
    .sort(
      (a, b) =>
        Number(a.segment_id !== from.segment_id) - Number(b.segment_id !== from.segment_id) ||
        a.segment_rank - b.segment_rank ||
        a.level - b.level ||
        a.id.localeCompare(b.id)
    )
  return candidates[0] ?? null
}
