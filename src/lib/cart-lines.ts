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
  /** The plugin's record of the line. */
  tier_line_id: string
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
  tier_line_id: string
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

/** A tier line record before its line exists (see TierLineRecord in ./tier-lines). */
export type TierLineDraft = {
  id: string
  kind: "tier" | "addon"
  line_key: string
  parent_id: string | null
  sales_channel_id: string
  tier_id: string
  segment_id: string
  product_id: string
  variant_id: string
  event_date: string
  /** Consecutive days the package takes from `event_date` (1 unless a multi-day tier's). */
  days?: number
  guest_count: number | null
  quantity: number
  unit_price: number
  currency_code: string
  price_breakdown: TierPrice
  upgraded_from_tier_id?: string | null
  upsell_offer_id?: string | null
  upgrade_incentive_percent?: number
}

/** A line to add and the record that says what it is. */
export type PlannedLine = { item: CartLineInput; record: TierLineDraft }

export type AddonChoice = { variant_id: string; product_id: string; quantity: number; base: number }

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

/** The display copy of a record that goes in its line's metadata. */
export function lineMetadata(record: TierLineDraft): TierLineMetadata | AddonLineMetadata {
  const shared = {
    tier_line_key: record.line_key,
    tier_line_id: record.id,
    tier_id: record.tier_id,
    segment_id: record.segment_id,
    event_date: record.event_date,
    price_breakdown: record.price_breakdown,
  }
  if (record.kind === "addon") {
    return { tiered_kind: "addon", ...shared }
  }
  return {
    tiered_kind: "tier",
    ...shared,
    guest_count: record.guest_count,
    ...(record.upgraded_from_tier_id
      ? {
          upgraded_from_tier_id: record.upgraded_from_tier_id,
          upsell_offer_id: record.upsell_offer_id ?? null,
          upgrade_incentive_percent: record.upgrade_incentive_percent ?? 0,
        }
      : {}),
  }
}

/** A record's line, ready for Medusa's add-to-cart (a service: no shipping). */
export function plannedLine(record: TierLineDraft): PlannedLine {
  return {
    item: {
      variant_id: record.variant_id,
      quantity: record.quantity,
      unit_price: record.unit_price,
      requires_shipping: false,
      metadata: lineMetadata(record),
    },
    record,
  }
}

/** The tier line and its add-on lines, priced, with their records; `newId` names each record. */
export function tierCartLines(input: {
  key: string
  newId: () => string
  sales_channel_id: string
  tier: { id: string; segment_id: string; variant_id: string; product_id: string }
  price: TierPrice
  event_date: string
  days?: number
  guest_count: number | null
  addons: AddonChoice[]
}): PlannedLine[] {
  const tierRecord: TierLineDraft = {
    id: input.newId(),
    kind: "tier",
    line_key: input.key,
    parent_id: null,
    sales_channel_id: input.sales_channel_id,
    tier_id: input.tier.id,
    segment_id: input.tier.segment_id,
    product_id: input.tier.product_id,
    variant_id: input.tier.variant_id,
    event_date: input.event_date,
    days: input.days ?? 1,
    guest_count: input.guest_count,
    quantity: 1,
    unit_price: input.price.final,
    currency_code: input.price.currency_code,
    price_breakdown: input.price,
  }
  const units = input.addons.reduce((sum, a) => sum + a.quantity, 0)
  return [
    plannedLine(tierRecord),
    ...input.addons.map((addon) => {
      const price = addonPrice(addon.base, input.price.currency_code, units)
      return plannedLine({
        ...tierRecord,
        id: input.newId(),
        kind: "addon",
        parent_id: tierRecord.id,
        product_id: addon.product_id,
        variant_id: addon.variant_id,
        guest_count: null,
        quantity: addon.quantity,
        unit_price: price.final,
        price_breakdown: price,
      })
    }),
  ]
}

/**
 * The record of the line an upgrade puts in place of a tier line: same date, guests and line key,
 * the target tier at its price (with the offer's incentive), and where it came from.
 */
export function upgradedRecord(
  current: Pick<TierLineDraft, "line_key" | "sales_channel_id" | "tier_id" | "event_date" | "guest_count">,
  upgrade: {
    id: string
    tier: { id: string; segment_id: string; product_id: string; variant_id: string; days?: number }
    price: TierPrice
    offer_id: string | null
    incentive_percent: number
  }
): TierLineDraft {
  return {
    id: upgrade.id,
    kind: "tier",
    line_key: current.line_key,
    parent_id: null,
    sales_channel_id: current.sales_channel_id,
    tier_id: upgrade.tier.id,
    segment_id: upgrade.tier.segment_id,
    product_id: upgrade.tier.product_id,
    variant_id: upgrade.tier.variant_id,
    event_date: current.event_date,
    // The new package's length: an upgrade to a weekend package takes its days.
    days: upgrade.tier.days ?? 1,
    guest_count: current.guest_count,
    quantity: 1,
    unit_price: upgrade.price.final,
    currency_code: upgrade.price.currency_code,
    price_breakdown: upgrade.price,
    upgraded_from_tier_id: current.tier_id,
    upsell_offer_id: upgrade.offer_id,
    upgrade_incentive_percent: upgrade.incentive_percent,
  }
}

/** The incentive an upgraded tier line is priced with (checkout prices it again). */
export function recordIncentive(record: { upgrade_incentive_percent?: number | null; upsell_offer_id?: string | null }): Incentive | null {
  const percent = Number(record.upgrade_incentive_percent ?? 0)
  return percent > 0 ? { rule_id: record.upsell_offer_id ?? "upgrade", label: "Upgrade offer", percent: -percent } : null
}

export type WithMetadata = { metadata?: Record<string, unknown> | null }

/** A cart or order line that is a tier line (its metadata says which tier, date and price breakdown). */
export function isTierLine<T extends WithMetadata>(item: T): item is T & { metadata: TierLineMetadata } {
  return item.metadata?.tiered_kind === "tier"
}

/** A cart or order line that is an add-on of a tier line (same `tier_line_key`). */
export function isAddonLine<T extends WithMetadata>(item: T): item is T & { metadata: AddonLineMetadata } {
  return item.metadata?.tiered_kind === "addon"
}
