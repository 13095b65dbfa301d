/** Rows as query.graph returns them for our entities, and the fields that load them. */
import type { TierFeature } from "../lib/comparison"

export type TierRow = {
  id: string
  segment_id: string
  level: number
  name: string
  max_guests: number | null
  days: number
  features: TierFeature[] | null
  is_popular: boolean
  rank: number
  archived_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
  product?: {
    id: string
    title: string
    handle: string
    thumbnail: string | null
    status: string
  } | null
  segment?: { id: string; handle: string; name: string } | null
}

export type SegmentRow = {
  id: string
  handle: string
  name: string
  description: string | null
  audience: string | null
  price_min: number | string | null
  price_max: number | string | null
  rank: number
  image: string | null
  is_active: boolean
  commission_percent: number
  metadata: Record<string, unknown> | null
  created_at: Date | string
  updated_at: Date | string
  tiers?: TierRow[] | null
}

export const TIER_FIELDS = [
  "id",
  "segment_id",
  "level",
  "name",
  "max_guests",
  "days",
  "features",
  "is_popular",
  "rank",
  "archived_at",
  "created_at",
  "updated_at",
]

export const TIER_PRODUCT_FIELDS = [
  "product.id",
  "product.title",
  "product.handle",
  "product.thumbnail",
  "product.status",
]

export const SEGMENT_FIELDS = [
  "id",
  "handle",
  "name",
  "description",
  "audience",
  "price_min",
  "price_max",
  "rank",
  "image",
  "is_active",
  "commission_percent",
  "metadata",
  "created_at",
  "updated_at",
]

/**
 * query.graph's rows as the fields asked for give them. In an app with Medusa's generated types,
 * query.graph types its answer as whole entities (every relation a Maybe); a read that asks for
 * some fields names the shape it gets instead, here, in one place.
 */
export const graphRows = <T>(data: readonly unknown[]): T[] => data as T[]
