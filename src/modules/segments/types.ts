import type { TierFeature } from "../../lib/comparison"
import { PricingRule } from "../../lib/pricing"

export type PriceRange = { min: number | null; max: number | null }

export type SegmentFields = {
  handle: string
  name: string
  description?: string | null
  audience?: string | null
  price_min?: number | null
  price_max?: number | null
  rank?: number
  image?: string | null
  is_active?: boolean
  commission_percent?: number
  metadata?: Record<string, unknown> | null
}

export type TierFields = {
  segment_id: string
  level: number
  name: string
  max_guests?: number | null
  days?: number
  features?: TierFeature[]
  is_popular?: boolean
  rank?: number
  metadata?: Record<string, unknown> | null
}

export type SegmentRecord = Required<Omit<SegmentFields, "metadata">> & {
  id: string
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
}

export type TierRecord = Required<Omit<TierFields, "metadata">> & {
  id: string
  archived_at: Date | null
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
}

/** A pricing rule as stored: the pricing function's rule without its id, plus metadata. */
export type PricingRuleFields = Omit<PricingRule, "id" | "segment_ids" | "priority" | "stackable"> & {
  priority?: number
  stackable?: boolean
  segment_ids?: string[]
  metadata?: Record<string, unknown> | null
}
