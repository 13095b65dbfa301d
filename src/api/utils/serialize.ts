/** The shapes our API answers, built from the rows in queries/rows. */
import { byLevel } from "../../lib/tier-rules"
import { SEGMENT_FIELDS, SegmentRow, TIER_FIELDS, TIER_PRODUCT_FIELDS, TierRow } from "../../queries/rows"
import type { Segment, Tier } from "../../contract/admin"
import type { OfferStatus, StoreUpsellOffer, UpsellAction } from "../../contract/store"
import type { ShownOfferInput } from "../../modules/upsell/service"
import { asJson } from "./as-json"

export const ADMIN_SEGMENT_FIELDS = [
  ...SEGMENT_FIELDS,
  ...TIER_FIELDS.map((f) => `tiers.${f}`),
  ...TIER_PRODUCT_FIELDS.map((f) => `tiers.${f}`),
]

export const ADDON_RULE_FIELDS = ["id", "product_id", "max_quantity", "tier_id", "segment_id", "created_at", "updated_at"]

export const ADMIN_TIER_FIELDS = [
  ...TIER_FIELDS,
  ...TIER_PRODUCT_FIELDS,
  "segment.id",
  "segment.handle",
  "segment.name",
]

const num = (v: number | string | null | undefined) =>
  v === null || v === undefined ? null : Number(v)

export function toAdminTier(row: TierRow): Tier {
  return {
    id: row.id,
    segment_id: row.segment_id,
    level: row.level,
    name: row.name,
    max_guests: row.max_guests,
    days: row.days ?? 1,
    features: row.features ?? [],
    is_popular: row.is_popular,
    rank: row.rank,
    archived_at: asJson(row.archived_at),
    product: row.product
      ? {
          id: row.product.id,
          title: row.product.title,
          handle: row.product.handle,
          thumbnail: row.product.thumbnail,
          status: row.product.status,
        }
      : null,
    ...(row.segment
      ? { segment: { id: row.segment.id, handle: row.segment.handle, name: row.segment.name } }
      : {}),
    created_at: asJson(row.created_at),
    updated_at: asJson(row.updated_at),
  }
}

export function toAdminSegment(row: SegmentRow, includeArchived = false): Segment {
  const tiers = (row.tiers ?? [])
    .filter((t) => includeArchived || !t.archived_at)
    .sort(byLevel)
    .map(toAdminTier)
  return {
    id: row.id,
    handle: row.handle,
    name: row.name,
    description: row.description,
    audience: row.audience,
    price_range: { min: num(row.price_min), max: num(row.price_max) },
    rank: row.rank,
    image: row.image,
    is_active: row.is_active,
    commission_percent: Number(row.commission_percent),
    metadata: row.metadata,
    tiers,
    created_at: asJson(row.created_at),
    updated_at: asJson(row.updated_at),
  }
}

/** Request bodies speak of price_range; the model stores price_min/price_max. */
export function segmentFieldsFromBody<T extends { price_range?: { min?: number | null; max?: number | null } | null }>(
  body: T
): Omit<T, "price_range"> & { price_min?: number | null; price_max?: number | null } {
  const { price_range, ...rest } = body
  if (price_range === undefined) {
    return rest
  }
  return { ...rest, price_min: price_range?.min ?? null, price_max: price_range?.max ?? null }
}

/** A recorded offer: what the service keeps, with its id and status. */
type OfferRow = Omit<ShownOfferInput, "sales_channel_id" | "visitor_id" | "cart_id" | "shown_on" | "action" | "price_difference"> & {
  id: string
  action: UpsellAction
  price_difference: unknown
  status: OfferStatus
}

/** An offer as the storefront reads it; absent parts are left out rather than null. */
export function toStoreOffer(row: OfferRow): StoreUpsellOffer {
  const optional = <T>(key: string, value: T | null | undefined) => (value === null || value === undefined ? {} : { [key]: value })
  return {
    id: row.id,
    rule_id: row.rule_id,
    action: row.action,
    headline: row.headline,
    body: row.body,
    status: row.status,
    ...optional("from_tier_id", row.from_tier_id),
    ...optional("to_tier_id", row.to_tier_id),
    ...optional("event_date", row.event_date),
    ...optional("incentive_percent", row.incentive_percent === null ? null : Number(row.incentive_percent)),
    ...optional("price_difference", row.price_difference === null ? null : Number(row.price_difference)),
    ...optional("currency_code", row.currency_code),
    ...optional("remaining_slots", row.remaining_slots),
    ...(row.experiment_key ? { experiment: { key: row.experiment_key, variant: row.experiment_variant } } : {}),
  }
}
