/** The shapes our API answers, built from the rows in queries/rows. */
import { byLevel } from "../../lib/tier-rules"
import { SEGMENT_FIELDS, SegmentRow, TIER_FIELDS, TIER_PRODUCT_FIELDS, TierRow } from "../../queries/rows"

export const ADMIN_SEGMENT_FIELDS = [
  ...SEGMENT_FIELDS,
  ...TIER_FIELDS.map((f) => `tiers.${f}`),
  ...TIER_PRODUCT_FIELDS.map((f) => `tiers.${f}`),
]

export const ADMIN_TIER_FIELDS = [
  ...TIER_FIELDS,
  ...TIER_PRODUCT_FIELDS,
  "segment.id",
  "segment.handle",
  "segment.name",
]

const num = (v: number | string | null | undefined) =>
  v === null || v === undefined ? null : Number(v)

export function toAdminTier(row: TierRow) {
  return {
    id: row.id,
    segment_id: row.segment_id,
    level: row.level,
    name: row.name,
    max_guests: row.max_guests,
    features: row.features ?? [],
    is_popular: row.is_popular,
    rank: row.rank,
    archived_at: row.archived_at,
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
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

export function toAdminSegment(row: SegmentRow, includeArchived = false) {
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
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

export type AdminSegment = ReturnType<typeof toAdminSegment>
export type AdminTier = ReturnType<typeof toAdminTier>

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

type OfferRow = {
  id: string
  rule_id: string
  action: string
  headline: string
  body: string | null
  from_tier_id: string | null
  to_tier_id: string | null
  event_date: string | null
  incentive_percent: number | null
  price_difference: unknown
  currency_code: string | null
  remaining_slots: number | null
  experiment_key: string | null
  experiment_variant: string | null
  status: string
}

/** An offer as the storefront reads it; absent parts are left out rather than null. */
export function toStoreOffer(row: OfferRow) {
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

export type StoreOffer = ReturnType<typeof toStoreOffer>
