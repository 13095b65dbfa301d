import type { Segment, SegmentPayload, Tier, TierPayload } from "../../contract/admin"
import { featureRows, rowsFeatures, type FeatureRow } from "./feature-rows"

/** What the forms hold (text as typed) and how it becomes a request body. No rules here: the API validates. */

export type SegmentFormValues = {
  handle: string
  name: string
  description: string
  audience: string
  price_min: string
  price_max: string
  rank: string
  image: string
  commission_percent: string
  is_active: boolean
}

export type TierFormValues = {
  segment_id: string
  level: string
  name: string
  features: FeatureRow[]
  max_guests: string
  /** Consecutive days the package takes (1 unless a wedding weekend and the like). */
  days: string
  is_popular: boolean
}

const text = (value: string | number | null | undefined) => (value == null ? "" : String(value))

/** Empty input means "no value"; anything else goes to the API as a number for it to judge. */
export const numberOrNull = (value: string): number | null =>
  value.trim() === "" ? null : Number(value)

const textOrNull = (value: string): string | null => value.trim() || null

export function segmentFormValues(segment?: Segment): SegmentFormValues {
  return {
    handle: segment?.handle ?? "",
    name: segment?.name ?? "",
    description: text(segment?.description),
    audience: text(segment?.audience),
    price_min: text(segment?.price_range.min),
    price_max: text(segment?.price_range.max),
    rank: text(segment?.rank),
    image: text(segment?.image),
    commission_percent: text(segment?.commission_percent),
    is_active: segment?.is_active ?? true,
  }
}

export function segmentPayload(values: SegmentFormValues): SegmentPayload {
  const rank = numberOrNull(values.rank)
  const commission = numberOrNull(values.commission_percent)
  return {
    handle: values.handle.trim(),
    name: values.name.trim(),
    description: textOrNull(values.description),
    audience: textOrNull(values.audience),
    price_range: { min: numberOrNull(values.price_min), max: numberOrNull(values.price_max) },
    image: textOrNull(values.image),
    is_active: values.is_active,
    ...(rank === null ? {} : { rank }),
    ...(commission === null ? {} : { commission_percent: commission }),
  }
}

export function tierFormValues(
  tier: Tier | undefined,
  defaults: Partial<TierFormValues> = {}
): TierFormValues {
  return {
    segment_id: tier?.segment_id ?? defaults.segment_id ?? "",
    level: text(tier?.level) || (defaults.level ?? "1"),
    name: tier?.name ?? defaults.name ?? "",
    features: tier ? featureRows(tier.features) : defaults.features ?? [],
    max_guests: text(tier?.max_guests) || (defaults.max_guests ?? ""),
    days: text(tier?.days) || (defaults.days ?? "1"),
    is_popular: tier?.is_popular ?? defaults.is_popular ?? false,
  }
}

export function tierPayload(values: TierFormValues): TierPayload {
  return {
    level: Number(values.level),
    name: values.name.trim(),
    max_guests: numberOrNull(values.max_guests),
    days: numberOrNull(values.days) ?? 1,
    features: rowsFeatures(values.features),
    is_popular: values.is_popular,
  }
}

/** The fields of `after` that differ from `before`, so an edit sends only what the merchant changed. */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const changes: Partial<T> = {}
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key] = after[key]
    }
  }
  return changes
}

/** The update body for a tier edit: changed fields only, a segment move as segment_id. */
export function tierChanges(initial: TierFormValues, values: TierFormValues) {
  return changedFields(
    { ...tierPayload(initial), segment_id: initial.segment_id },
    { ...tierPayload(values), segment_id: values.segment_id }
  )
}

/** Matrix columns: levels 1..3, or up to the highest level any segment uses. */
export function matrixLevels(segments: Segment[]): number[] {
  const highest = Math.max(3, ...segments.flatMap((s) => s.tiers.map((t) => t.level)))
  return Array.from({ length: highest }, (_, i) => i + 1)
}

export function tierAtLevel(segment: Segment, level: number): Tier | undefined {
  return segment.tiers.find((t) => t.level === level && !t.archived_at)
}

/** Where "Add tier" starts: the lowest level without a live tier. */
export function nextFreeLevel(segment: Segment): number {
  let level = 1
  while (tierAtLevel(segment, level)) level++
  return level
}

export function formatPriceRange({ min, max }: Segment["price_range"]): string {
  if (min == null && max == null) return "No price range"
  if (max == null) return `${min?.toLocaleString()}+`
  if (min == null) return `up to ${max.toLocaleString()}`
  return `${min.toLocaleString()} – ${max.toLocaleString()}`
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)
