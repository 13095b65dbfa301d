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

export type ReportInterval = "day" | "week" | "month"

/** The reports' filter: UTC dates, inclusive; no sales_channel_id = every tenant. */
export type ReportQuery = { from: string; to: string; sales_channel_id?: string }

export type FunnelStep = "segment_selected" | "tier_viewed" | "tier_compared" | "checkout_started" | "order"
export type FunnelSteps = Record<FunnelStep, number>
/** Each step over the one before; null when that one is 0. */
export type FunnelRates = Record<Exclude<FunnelStep, "segment_selected">, number | null>

export type FunnelSegment = {
  segment_id: string
  segment_handle: string | null
  segment_name: string
  steps: FunnelSteps
  rates: FunnelRates
}

export type FunnelReport = { from: string; to: string; segments: FunnelSegment[]; total: { steps: FunnelSteps; rates: FunnelRates } }

/** Money in the currency's main unit; a tier only viewed has no currency. */
export type TierReportRow = {
  tier_id: string
  tier_name: string
  level: number | null
  segment_id: string | null
  segment_name: string | null
  views: number
  orders: number
  revenue: number
  addon_revenue: number
  commission: number
  currency_code: string | null
}

export type TierReport = { from: string; to: string; tiers: TierReportRow[] }

export type UpsellReportRow = {
  rule_id: string
  rule_name: string
  action: UpsellAction | null
  shown: number
  accepted: number
  declined: number
  acceptance_rate: number | null
  orders: number
  revenue: number
  currency_code: string | null
}

export type UpsellReport = { from: string; to: string; rules: UpsellReportRow[] }

export type RevenueTotals = { orders: number; revenue: number; addon_revenue: number; commission: number; currency_code: string }

export type RevenueReport = {
  from: string
  to: string
  interval: ReportInterval
  by_segment: (RevenueTotals & { segment_id: string; segment_name: string | null })[]
  by_tier: (RevenueTotals & { tier_id: string; tier_name: string; segment_id: string; segment_name: string | null })[]
  series: { period: string; segment_id: string; segment_name: string | null; revenue: number; commission: number; currency_code: string }[]
}

export type ExperimentVariantResult = {
  key: string
  visitors: number
  conversions: number
  conversion_rate: number | null
  revenue: number
  revenue_per_visitor: number | null
  enough_data: boolean
  comparison: { difference: number; z: number; p_value: number; significant: boolean } | null
}

export type ExperimentResult = {
  experiment_id: string
  key: string
  name: string
  status: ExperimentStatus
  started_at: string | null
  stopped_at: string | null
  variants: ExperimentVariantResult[]
}

export type ExperimentReport = { experiments: ExperimentResult[] }

export type AnalyticsReport = "funnel" | "revenue" | "tiers" | "upsell" | "experiments"

export type BookingStatus = "confirmed" | "canceled" | "completed"

/** One booked tier line of an order; money net of upgrades, cancellations and refunds. */
export type OrderTierLine = {
  line_item_id: string
  tier_id: string
  tier_name: string
  level: number | null
  segment_id: string
  segment_name: string | null
  event_date: string
  guest_count: number | null
  booking: { id: string; status: BookingStatus; slot: number } | null
  commission: number
}

export type OrderTierSummary = {
  order_id: string
  currency_code: string
  revenue: number
  addon_revenue: number
  commission: number
  /** What the reconciler repaired or flagged on this order, newest first. */
  repairs: TierRepair[]
  lines: OrderTierLine[]
}

export type TierRepairKind =
  | "claim_confirmed"
  | "claim_released"
  | "booking_created"
  | "booking_canceled"
  | "booking_moved"
  | "upgrade_completed"
  | "upgrade_undone"
  | "offer_released"
  | "conversion_recorded"
  | "order_canceled"
  | "cart_completed"
  | "order_flagged"

/** One thing the reconciler put right, or a flag (`needs_attention`) the merchant must act on. */
export type TierRepair = {
  id: string
  kind: TierRepairKind
  sales_channel_id: string | null
  order_id: string | null
  cart_id: string | null
  booking_id: string | null
  tier_line_id: string | null
  event_date: string | null
  reason: string
  needs_attention: boolean
  resolved_at: string | null
  resolved_by: string | null
  created_at: string
}

export type ReconcileRun = {
  id: string
  trigger: "boot" | "schedule" | "admin" | "test"
  started_at: string
  finished_at: string | null
  checked_until: string | null
  orders_checked: number
  repairs: number
  error: string | null
}

export type TierRepairQuery = {
  sales_channel_id?: string
  order_id?: string
  needs_attention?: boolean
  resolved?: boolean
  limit: number
  offset: number
}

/** `last_run` is the reconciler's last finished run over every tenant. */
export type TierRepairList = { repairs: TierRepair[]; count: number; offset: number; limit: number; last_run: ReconcileRun | null }

export type ReconcileResult = { id: string; repairs: number; orders_checked: number }

/** A segment's commission percent for one tenant: the tenant's override, else the segment's. */
export type CommissionRate = {
  segment_id: string
  segment_handle: string
  segment_name: string
  segment_percent: number
  override_percent: number | null
  effective_percent: number
}

export type CommissionRates = { sales_channel_id: string; rates: CommissionRate[] }

/** null percent: back to the segment's rate. */
export type CommissionRateChange = { segment_id: string; percent: number | null }

export type ConnectedAccount = {
  id: string
  sales_channel_id: string
  stripe_account_id: string
  details_submitted: boolean
  charges_enabled: boolean
  payouts_enabled: boolean
  /** Stripe's `requirements.currently_due`. */
  requirements_due: string[]
  status_updated_at: string | null
  can_take_payments: boolean
}

/** `configured` is false when the server has no Stripe Connect settings. */
export type ConnectAccountState = { account: ConnectedAccount | null; configured: boolean }

export type ConnectOnboarding = { account: ConnectedAccount; onboarding_url: string; expires_at: number }
