/** The admin API's shapes (README "Admin API"), as the screens read and send them. */

export type TierProduct = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  status: string
}

export type Tier = {
  id: string
  segment_id: string
  level: number
  name: string
  max_guests: number | null
  features: string[]
  is_popular: boolean
  rank: number
  archived_at: string | null
  product: TierProduct | null
  segment?: { id: string; handle: string; name: string }
  created_at: string
  updated_at: string
}

export type PriceRange = { min: number | null; max: number | null }

export type Segment = {
  id: string
  handle: string
  name: string
  description: string | null
  audience: string | null
  price_range: PriceRange
  rank: number
  image: string | null
  is_active: boolean
  commission_percent: number
  tiers: Tier[]
  created_at: string
  updated_at: string
}

export type SegmentPayload = {
  handle: string
  name: string
  description?: string | null
  audience?: string | null
  price_range?: PriceRange | null
  rank?: number
  image?: string | null
  is_active?: boolean
  commission_percent?: number
}

export type TierPayload = {
  level: number
  name: string
  max_guests?: number | null
  features?: string[]
  is_popular?: boolean
}

export type CreateTierPayload = TierPayload & { product_id?: string }

export type UpdateTierPayload = Partial<TierPayload> & { segment_id?: string }

export type SegmentList = { segments: Segment[]; count: number; offset: number; limit: number }
export type TierList = { tiers: Tier[]; count: number; offset: number; limit: number }
