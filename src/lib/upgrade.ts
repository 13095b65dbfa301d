import { roundToMinor } from "./money"

export type UpgradeTier = {
  id: string
  segment_id: string
  segment_rank: number
  level: number
  name: string
  features: string[]
  /** Date-adjusted price of the tier, before any incentive. */
  price: number
}

export type UpgradeQuote = {
  allowed: boolean
  reason?: string
  price_difference: number
  discount: number
  features_added: string[]
  currency_code: string
}

/**
 * An upgrade goes to a higher level of the same segment, or to a tier of a
 * higher-ranked segment that costs more. The incentive (percent off the
 * target's date-adjusted price) applies after date rules; the difference is
 * the target's final price minus what the current line costs.
 */
export function upgradeQuote(input: {
  from: UpgradeTier
  to: UpgradeTier
  current_price: number
  incentive_percent: number
  currency_code: string
}): UpgradeQuote {
  const { from, to, currency_code } = input
  const features_added = to.features.filter((f) => !from.features.includes(f))
  const refuse = (reason: string): UpgradeQuote => ({
    allowed: false,
    reason,
    price_difference: 0,
    discount: 0,
    features_added,
    currency_code,
  })
  if (from.id === to.id) {
    return refuse(`${to.name} is the tier already booked`)
  }
  if (from.segment_id === to.segment_id) {
    if (to.level <= from.level) {
      return refuse(`${to.name} is not above ${from.name}; only upgrades to a higher level are allowed`)
    }
  } else if (to.segment_rank <= from.segment_rank) {
    return refuse(`${to.name} is in a segment that is not above ${from.name}'s`)
  } else if (to.price <= input.current_price) {
    return refuse(`${to.name} does not cost more than ${from.name}; it is not an upgrade`)
  }
  const discount = roundToMinor((to.price * Math.max(0, input.incentive_percent)) / 100, currency_code)
  const target = roundToMinor(to.price - discount, currency_code)
  return {
    allowed: true,
    price_difference: roundToMinor(target - input.current_price, currency_code),
    discount,
    features_added,
    currency_code,
  }
}
