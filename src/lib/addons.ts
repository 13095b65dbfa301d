/** An eligibility rule: an add-on product a tier (or every tier of a segment) may take. */
export type AddonEligibility = {
  product_id: string
  max_quantity: number
  tier_id?: string | null
  segment_id?: string | null
}

/** Bundle incentive: this percent off each add-on line when enough add-ons hang on one tier line. */
export const BUNDLE_MIN_ADDONS = 3
export const BUNDLE_PERCENT = -10

/** The add-ons a tier may take and their limits; the tier's own rule wins over its segment's. */
export function allowedAddons(
  tier: { id: string; segment_id: string },
  rules: AddonEligibility[]
): Map<string, number> {
  const allowed = new Map<string, number>()
  for (const rule of rules) {
    if (rule.segment_id === tier.segment_id && !rule.tier_id) {
      allowed.set(rule.product_id, rule.max_quantity)
    }
  }
  for (const rule of rules) {
    if (rule.tier_id === tier.id) {
      allowed.set(rule.product_id, rule.max_quantity)
    }
  }
  return allowed
}

/**
 * Why a selection of add-ons (product id -> quantity) cannot go on the tier;
 * `names` gives readable product names for the messages. Empty when it can.
 */
export function addonSelectionProblems(
  selection: Map<string, number>,
  allowed: Map<string, number>,
  names: Map<string, string> = new Map()
): string[] {
  const problems: string[] = []
  for (const [productId, quantity] of selection) {
    const name = names.get(productId) ?? productId
    const max = allowed.get(productId)
    if (max === undefined) {
      problems.push(`${name} is not an add-on this tier can take`)
    } else if (quantity > max) {
      problems.push(`${name} can be added at most ${max} time${max === 1 ? "" : "s"} (asked for ${quantity})`)
    }
  }
  return problems
}

/** Whether the bundle incentive applies to a tier line carrying this many add-on units. */
export function bundleApplies(addonUnits: number): boolean {
  return addonUnits >= BUNDLE_MIN_ADDONS
}
