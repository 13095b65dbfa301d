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
  features?: string[]
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

export type PricingRuleFields = {
  label: string
  kind: "season" | "last_minute" | "early_bird" | "weekday"
  percent: number
  priority?: number
  stackable?: boolean
  is_active?: boolean
  segment_ids?: string[]
  months?: number[] | null
  start_date?: string | null
  end_date?: string | null
  repeats_yearly?: boolean
  days?: number | null
  weekdays?: number[] | null
  metadata?: Record<string, unknown> | null
}
