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

/** Conditions on a visitor's context; `all` is AND, `any` is OR, and groups may nest. */
export type Trigger =
  | { all: Trigger[] }
  | { any: Trigger[] }
  | { viewing_tier: { segment?: string; level?: number } }
  | { addon_count_at_least: number }
  | { high_demand_date: true }
  | { cart_subtotal_at_least: number }
  | { segment_in: string[] }

export type UpsellAction = "show_comparison" | "suggest_upgrade" | "emphasize_scarcity" | "suggest_addon_bundle"

export type UpsellRulePayload = {
  name: string
  trigger: Trigger
  action: UpsellAction
  incentive_percent: number | null
  headline: string
  body: string | null
  priority: number
  starts_at: string | null
  ends_at: string | null
  is_active: boolean
  sales_channel_ids: string[]
}

export type UpsellRule = UpsellRulePayload & { id: string; created_at: string; updated_at: string }

export type UpsellRuleList = { upsell_rules: UpsellRule[]; count: number; offset: number; limit: number }

export type ExperimentStatus = "draft" | "running" | "stopped"

export type ExperimentVariant = {
  key: string
  weight: number
  incentive_percent?: number | null
  headline?: string | null
  body?: string | null
  upsell_off?: boolean
}

export type ExperimentPayload = {
  key: string
  name: string
  traffic_percent: number
  variants: ExperimentVariant[]
  sales_channel_ids: string[]
  /** Upsell rules whose offers the variants change; empty = every rule. */
  rule_ids: string[]
}

export type Experiment = ExperimentPayload & {
  id: string
  status: ExperimentStatus
  started_at: string | null
  stopped_at: string | null
  created_at: string
  updated_at: string
}

export type ExperimentList = { experiments: Experiment[]; count: number; offset: number; limit: number }

/** `variant` is null when the visitor falls outside the experiment's traffic. */
export type ExperimentAssignment = { experiment_key: string; visitor_id: string; variant: string | null }

export type TierFlags = {
  segments: boolean
  upsell: boolean
  upsell_rollout_percent: number
  /** null = every tenant; otherwise only these sales channels. */
  tenant_allowlist: string[] | null
}

export type TierFlagKey = keyof TierFlags

/** The effective flags, the plugin options' defaults, and the keys the merchant set at runtime. */
export type TierFlagsState = { flags: TierFlags; defaults: TierFlags; overrides: Partial<TierFlags> }
