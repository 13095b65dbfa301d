import { BUNDLE_PERCENT, bundleApplies } from "./addons"
import { roundToMinor } from "./money"
import { Incentive, TierPrice } from "./pricing"

/**
 * Line metadata keys the plugin writes as a display copy of its tier line records. A storefront
 * cannot set them: Medusa's line routes refuse them, and checkout refuses a line that carries them
 * without a record of the plugin's.
 */
export const RESERVED_LINE_METADATA_KEYS = [
  "tiered_kind",
  "tier_line_key",
  "tier_line_id",
  "tier_id",
  "segment_id",
  "event_date",
  "guest_count",
  "price_breakdown",
  "upgraded_from_tier_id",
  "upsell_offer_id",
  "upgrade_incentive_percent",
] as const

/** The reserved keys found in a line's metadata (an empty list for a clean plain line). */
export function reservedMetadataKeys(metadata: unknown): string[] {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) {
    return []
  }
  return RESERVED_LINE_METADATA_KEYS.filter((key) => Object.prototype.hasOwnProperty.call(metadata, key))
}

/** What a tier line carries in its metadata: a display copy; decisions read the tier line record. */
export type TierLineMetadata = {
  tiered_kind: "tier"
  tier_line_key: string
  tier_id: string
  segment_id: string
  event_date: string
  guest_count: number | null
  price_breakdown: TierPrice
  /** Set when the line came from an upgrade: the tier it replaced and the offer whose incentive it carries. */
  upgraded_from_tier_id?: string
  upsell_offer_id?: string | null
  upgrade_incentive_percent?: number
}

export type AddonLineMetadata = {
  tiered_kind: "addon"
  tier_line_key: string
  tier_id: string
  segment_id: string
  event_date: string
  price_breakdown: TierPrice
}

export type CartLineInput = {
  variant_id: string
  quantity: number
  unit_price: number
  requires_shipping: false
  metadata: TierLineMetadata | AddonLineMetadata
}

export type AddonChoice = { variant_id: string; quantity: number; base: number }

/** An add-on's unit price: its base, with the bundle incentive when the tier line carries enough add-ons. */
export function addonPrice(base: number, currencyCode: string, addonUnits: number): TierPrice {
  if (!bundleApplies(addonUnits)) {
    return { base, adjustments: [], final: roundToMinor(base, currencyCode), currency_code: currencyCode }
  }
  const amount = (base * BUNDLE_PERCENT) / 100
  return {
    base,
    adjustments: [
      {
        rule_id: "bundle",
        kind: "incentive",
        label: "Bundle: 3 or more add-ons",
        percent: BUNDLE_PERCENT,
        amount: roundToMinor(amount, currencyCode),
      },
    ],
    final: roundToMinor(base + amount, currencyCode),
    currency_code: currencyCode,
  }
}

/** The tier line and its add-on lines, priced, ready for Medusa's add-to-cart. */
export function tierCartLines(input: {
  key: string
  tier: { id: string; segment_id: string; variant_id: string }
  price: TierPrice
  event_date: string
  guest_count: number | null
  addons: AddonChoice[]
}): CartLineInput[] {
  const shared = {
    tier_line_key: input.key,
    tier_id: input.tier.id,
    segment_id: input.tier.segment_id,
    event_date: input.event_date,
  }
  const units = input.addons.reduce((sum, a) => sum + a.quantity, 0)
  return [
    {
      variant_id: input.tier.variant_id,
      quantity: 1,
      unit_price: input.price.final,
      requires_shipping: false,
      metadata: { tiered_kind: "tier", ...shared, guest_count: input.guest_count, price_breakdown: input.price },
    },
    ...input.addons.map((addon): CartLineInput => {
      const price = addonPrice(addon.base, input.price.currency_code, units)
      return {
        variant_id: addon.variant_id,
        quantity: addon.quantity,
        unit_price: price.final,
        requires_shipping: false,
        metadata: { tiered_kind: "addon", ...shared, price_breakdown: price },
      }
    }),
  ]
}

/** The incentive an upgraded tier line is priced with, read back from its metadata (checkout prices it again). */
export function lineIncentive(metadata: Record<string, unknown> | null | undefined): Incentive | null {
  const percent = Number(metadata?.upgrade_incentive_percent ?? 0)
  return percent > 0 ? { rule_id: String(metadata?.upsell_offer_id ?? "upgrade"), label: "Upgrade offer", percent: -percent } : null
}
