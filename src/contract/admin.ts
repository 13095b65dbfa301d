/**
 * The admin API's request and response shapes (README "Admin API"): the routes type their
 * answers with them (`MedusaResponse<...>`) and the admin screens read and send them. Shapes the
 * server's pure rules define are taken from src/lib, type-only. Times are ISO 8601 strings, as
 * JSON carries them.
 */
import type { DateAvailability, DateStatus } from "../lib/availability"
import type { NoticeTemplate } from "../lib/notices"
import type { FeatureValue, TierFeature, ValuedFeature } from "../lib/comparison"
import type { Flags } from "../lib/flags"
import type { FunnelCounts, FunnelRates, FunnelStep } from "../lib/funnel"
import type { ExperimentVariantResult, SequentialDecision, SequentialResult } from "../lib/experiment-results"
import type { SampleRatio } from "../lib/sample-ratio"
import type { AlwaysValid } from "../lib/sequential"
import type { PricingRule as PricingRuleInput, PricingRuleKind, TierPrice } from "../lib/pricing"
import type { Trigger, UpsellAction } from "../lib/upsell"
import type { RolloutAction, RolloutFeature } from "../lib/rollout"
import type { GuardrailResult, GuardrailSettings } from "../lib/guardrails"

import type { OrderPaymentPlan, PaymentPlanStatus } from "./store"

export type { OrderPaymentPlan, PaymentPlanStatus }

export type { AlwaysValid, DateAvailability, DateStatus, ExperimentVariantResult, SampleRatio, SequentialDecision, SequentialResult, FeatureValue, TierFeature, ValuedFeature, FunnelCounts, FunnelRates, FunnelStep, NoticeTemplate, PricingRuleKind, Trigger, UpsellAction }

/** An ISO 8601 time, as JSON carries a Date. */
export type Timestamp = string

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string

/** A list route's page. */
export type Page = { count: number; offset: number; limit: number }

/** A list route's query: Medusa's `limit`, `offset`, `order` and `fields`. */
export type ListQuery = { limit?: number; offset?: number; order?: string; fields?: string }

/** What a DELETE answers. */
export type DeleteResponse<O extends string> = { id: string; object: O; deleted: true }

/** Main currency units; `max: null` is an open band ("$10,000+"). */
export type PriceRange = { min: number | null; max: number | null }

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
  /** Consecutive days the package takes from its event date (1..14). */
  days: number
  /** Plain strings and valued features as the merchant set them (README "Tier features"). */
  features: TierFeature[]
  is_popular: boolean
  rank: number
  archived_at: Timestamp | null
  product: TierProduct | null
  segment?: { id: string; handle: string; name: string }
  created_at: Timestamp
  updated_at: Timestamp
}

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
  metadata: Record<string, unknown> | null
  tiers: Tier[]
  created_at: Timestamp
  updated_at: Timestamp
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
  days?: number
  features?: TierFeature[]
  is_popular?: boolean
}

export type CreateTierPayload = TierPayload & { product_id?: string }

export type UpdateTierPayload = Partial<TierPayload> & { segment_id?: string }

export type SegmentList = { segments: Segment[]; count: number; offset: number; limit: number }
export type TierList = { tiers: Tier[]; count: number; offset: number; limit: number }

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

export type UpsellRule = UpsellRulePayload & { id: string; created_at: Timestamp; updated_at: Timestamp }

export type UpsellRuleList = { upsell_rules: UpsellRule[]; count: number; offset: number; limit: number }

export type ExperimentStatus = "draft" | "running" | "stopped"

/** One arm of an experiment; what it changes in the offers it touches. */
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
  started_at: Timestamp | null
  stopped_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
}

export type ExperimentList = { experiments: Experiment[]; count: number; offset: number; limit: number }

/** `variant` is null when the visitor falls outside the experiment's traffic. */
export type ExperimentAssignment = { experiment_key: string; visitor_id: string; variant: string | null }

export type TierFlags = Flags

export type TierFlagKey = keyof TierFlags

/** The effective flags, the plugin options' defaults, and the keys the merchant set at runtime. */
export type TierFlagsState = { flags: TierFlags; defaults: TierFlags; overrides: Partial<TierFlags> }

export type ReportInterval = "day" | "week" | "month"

/**
 * The reports' filter: dates, inclusive, each day midnight to midnight in the tenant's time zone
 * (UTC for every tenant together, when there is no sales_channel_id).
 */
export type ReportQuery = { from: string; to: string; sales_channel_id?: string }

/** The time zone a report's days ran in: the tenant's, or UTC for every tenant together. */
type ReportDays = { from: string; to: string; time_zone: string }

export type FunnelSegment = {
  segment_id: string
  segment_handle: string | null
  segment_name: string
  steps: FunnelCounts
  rates: FunnelRates
}

export type FunnelReport = ReportDays & { segments: FunnelSegment[]; total: { steps: FunnelCounts; rates: FunnelRates } }

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

export type TierReport = ReportDays & { tiers: TierReportRow[] }

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

export type UpsellReport = ReportDays & { rules: UpsellReportRow[] }

export type RevenueTotals = { orders: number; revenue: number; addon_revenue: number; commission: number; currency_code: string }

/** Of the booked revenue (package and add-ons) and commission, what the orders' payments hold now (README "Balances": collected). */
export type CollectedTotals = { collected: number; commission_collected: number }

export type RevenueReport = ReportDays & {
  interval: ReportInterval
  /** Per currency: booked revenue and commission, and the part of each collected. */
  totals: (CollectedTotals & { currency_code: string; booked: number; commission: number })[]
  by_segment: (RevenueTotals & CollectedTotals & { segment_id: string; segment_name: string | null })[]
  by_tier: (RevenueTotals & CollectedTotals & { tier_id: string; tier_name: string; segment_id: string; segment_name: string | null })[]
  series: { period: string; segment_id: string; segment_name: string | null; revenue: number; commission: number; currency_code: string }[]
}

export type ExperimentResult = {
  experiment_id: string
  key: string
  name: string
  status: ExperimentStatus
  started_at: Timestamp | null
  stopped_at: Timestamp | null
  /** Revenue per visitor is in the currency of the experiment's orders. */
  currency_code: string | null
  /** Sample-ratio-mismatch check of the split; while flagged, every comparison is withheld. */
  srm: SampleRatio
  /** What the results mean, in words, and whether to wait. */
  verdict: string
  variants: ExperimentVariantResult[]
}

export type ExperimentReport = { experiments: ExperimentResult[] }

export type AnalyticsReport = "funnel" | "revenue" | "tiers" | "upsell" | "experiments"

/** `pending`: the date is claimed by a checkout that has not finished (see the reconciler). */
/** `held`: a cart's hold (until its `expires_at`); `pending`: a checkout's claim. */
export type BookingStatus = "held" | "pending" | "confirmed" | "canceled" | "completed"

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
  resolved_at: Timestamp | null
  resolved_by: string | null
  created_at: Timestamp
}

export type ReconcileRun = {
  id: string
  trigger: "boot" | "schedule" | "admin" | "test"
  started_at: Timestamp
  finished_at: Timestamp | null
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
  status_updated_at: Timestamp | null
  /** The Stripe event time of the status shown: an older event arriving late changes nothing. */
  status_as_of: Timestamp | null
  can_take_payments: boolean
}

/** `configured` is false when the server has no Stripe Connect settings. */
export type ConnectAccountState = { account: ConnectedAccount | null; configured: boolean }

/** `expires_at`: when Stripe's onboarding link stops working. */
export type ConnectOnboarding = { account: ConnectedAccount; onboarding_url: string; expires_at: Timestamp }

// ---- answers of the segment and tier routes ----

export type SegmentResponse = { segment: Segment }
export type TierResponse = { tier: Tier }
export type TiersResponse = { tiers: Tier[] }
export type ListSegmentsQuery = ListQuery & { q?: string; is_active?: boolean; include_archived?: boolean }
export type ListTiersQuery = ListQuery & { segment_id?: string; product_id?: string; include_archived?: boolean }

/** Which segment, and which level in it, a product's price puts it in; `below: null` is the open top band. */
export type PriceBand = { segment_handle: string; below: number | null }

export type BackfillBody = {
  dry_run: boolean
  currency_code: string
  bands?: PriceBand[]
  min_price?: number
  product_ids?: string[]
  collection_ids?: string[]
  type_ids?: string[]
}

export type BackfillAssignment = {
  product_id: string
  title: string
  price: number
  segment_id: string
  segment_handle: string
  level: number
  /** Null on a dry run. */
  tier_id: string | null
}

export type BackfillSkip = { product_id: string; title: string; reason: "already_assigned" | "no_price" | "below_min_price" }

export type BackfillResponse = {
  dry_run: boolean
  currency_code: string
  bands: PriceBand[]
  assignments: BackfillAssignment[]
  skipped: BackfillSkip[]
}

// ---- add-on rules ----

/** A product a tier (or every tier of a segment) may take as an add-on, up to a quantity. */
export type AddonRule = {
  id: string
  product_id: string
  max_quantity: number
  tier_id: string | null
  segment_id: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export type AddonRulePayload = { product_id: string; max_quantity?: number; tier_id?: string; segment_id?: string }
export type AddonRuleResponse = { addon_rule: AddonRule }
export type AddonRuleList = Page & { addon_rules: AddonRule[] }

// ---- pricing rules ----

/** A stored pricing rule: the pricing function's rule (src/lib/pricing.ts, where each field is explained) with every field present. */
export type PricingRule = Required<Omit<PricingRuleInput, "segment_ids">> & {
  /** Empty: every segment. */
  segment_ids: string[]
  metadata: Record<string, unknown> | null
  created_at: Timestamp
  updated_at: Timestamp
}

export type PricingRulePayload = Omit<PricingRule, "id" | "metadata" | "created_at" | "updated_at">
export type PricingRuleResponse = { pricing_rule: PricingRule }
export type PricingRuleList = Page & { pricing_rules: PricingRule[] }

/** A tier's price on each date of a range, with the rules that fired, as the storefront sees it today. */
export type PricePreview = {
  tier_id: string
  currency_code: string
  base: number
  today: CalendarDate
  dates: { date: CalendarDate; final: number; adjustments: TierPrice["adjustments"] }[]
}

export type PricePreviewQuery = { region_id: string; from?: CalendarDate; to?: CalendarDate }

// ---- availability ----

export type AvailabilitySettings = {
  capacity_per_date: number
  min_lead_days: number
  max_advance_days: number | null
  high_demand_threshold: number
  /** Minutes a tier put into a cart holds its date (default 30, 1 to 1440). */
  hold_minutes: number
  /** The tenant's IANA time zone (default "UTC"). */
  time_zone: string
  /** Couples may move their own booking to another date (default false). */
  allow_customer_reschedule: boolean
  /** Days a couple's current event date must still be away for them to move it (default 14). */
  reschedule_notice_days: number
}

export type Blackout = { id: string; start_date: CalendarDate; end_date: CalendarDate; reason: string | null }
export type HighDemandDate = { id: string; date: CalendarDate; note: string | null }
export type CapacityOverride = { id: string; product_id: string; capacity: number }

export type Availability = {
  settings: AvailabilitySettings & { sales_channel_id: string }
  capacity_overrides: CapacityOverride[]
  blackouts: Blackout[]
  high_demand_dates: HighDemandDate[]
}

export type AvailabilityResponse = { availability: Availability }

// ---- notifications ----

/** A tenant's notification switches: every template on unless turned off; option warnings go this many hours before a hold lapses. */
export type NoticeSettings = { sales_channel_id: string; templates: Record<NoticeTemplate, boolean>; option_lapsing_hours: number }

export type NoticeSettingsResponse = { notification_settings: NoticeSettings }

/** `POST /admin/notification-settings/:sales_channel_id`: templates named are turned on or off, the others keep their state. */
export type NoticeSettingsChange = { templates?: Partial<Record<NoticeTemplate, boolean>>; option_lapsing_hours?: number }

/** A tenant's calendar subscription (README "Calendar feed"): whoever has the URL reads the feed. */
export type CalendarFeed = { url: string }
export type CalendarFeedResponse = { feed: CalendarFeed }

export type AvailabilityChange = {
  settings?: Partial<AvailabilitySettings>
  add_blackouts?: { start_date: CalendarDate; end_date?: CalendarDate; reason?: string | null }[]
  remove_blackout_ids?: string[]
  add_high_demand_dates?: { date: CalendarDate; note?: string | null }[]
  remove_high_demand_date_ids?: string[]
  /** A product's own capacity per date; null capacity: back to the tenant's. */
  capacity_override?: { product_id: string; capacity: number | null }
}

/** One date of the merchant's calendar: the storefront's status and the bookings on it. */
/** One booking of a date as the merchant sees it: a cart's hold, a checkout's claim or an order's booking. */
export type DateBooking = {
  id: string
  status: BookingStatus
  slot: number
  /** "" for the tenant's shared capacity, else the product whose own capacity it counts against. */
  pool: string
  tier_id: string
  tier_name: string | null
  guest_count: number | null
  cart_id: string | null
  order_id: string | null
  order_display_id: number | null
  customer_name: string | null
  customer_email: string | null
  /** For a hold: when it lapses (a lapsed hold is left out). */
  expires_at: string | null
  /** For a merchant's option's hold: the option (its client is the customer). */
  option_id: string | null
}
export type DateBookingsResponse = { sales_channel_id: string; date: CalendarDate; bookings: DateBooking[] }

/** `booked` counts carts' live holds too; `held` is how many of them are holds. */
export type CalendarDay = DateAvailability & { booked: number; held: number }

export type AvailabilityCalendar = {
  sales_channel_id: string
  product_id: string | null
  capacity: number
  dates: CalendarDay[]
}

export type AvailabilityCalendarQuery = { from: CalendarDate; to: CalendarDate; product_id?: string }

// ---- answers of the other routes ----

export type UpsellRuleResponse = { upsell_rule: UpsellRule }
export type ExperimentResponse = { experiment: Experiment }
export type OrderTierSummaryResponse = { tier_summary: OrderTierSummary }
export type { RescheduleBody, RescheduleResponse } from "./store"

/** `POST /admin/orders/:id/reschedule/preview`: whether the line can move to the date, and at what difference. */
export type ReschedulePreview = {
  line_item_id: string
  from: CalendarDate
  to: CalendarDate
  /** The date's status for the line's package, as the storefront sees it. */
  status: DateStatus
  remaining: number
  allowed: boolean
  /** Why not, when not allowed. */
  reason: string | null
  price_difference: number
  currency_code: string
}
export type ReschedulePreviewResponse = { preview: ReschedulePreview }
export type TierRepairResponse = { repair: TierRepair }
export type ReconcileRunResponse = { run: ReconcileResult }
export type ConnectedAccountResponse = { account: ConnectedAccount }

/** What the Stripe Connect webhook answers Stripe: a redelivered or older event changes nothing. */
export type ConnectWebhookResponse = { received: true; duplicate: boolean; stale: boolean }

/** Where a merchant's option on a date stands (README "Availability"). */
export type DateOptionStatus = "live" | "queued" | "released" | "lapsed" | "converted" | "booked"

/** A date pencilled in for a named client: `live` holds the date, `queued` waits behind the options before it. */
export type DateOption = {
  id: string
  sales_channel_id: string
  event_date: CalendarDate
  tier_id: string
  client_name: string
  client_email: string
  note: string | null
  /** How long the option holds the date once live. */
  hold_hours: number
  /** When a live option lets go of the date; null while queued. */
  expires_at: Timestamp | null
  /** 1 = the first option pencilled in on the date. */
  position: number
  status: DateOptionStatus
  /** The held booking while live. */
  booking_id: string | null
  draft_order_id: string | null
  created_at: Timestamp
}
export type AdminCreateDateOptionRequest = {
  event_date: CalendarDate
  tier_id: string
  client_name: string
  client_email: string
  note?: string | null
  /** 1..2160 (90 days). */
  expires_in_hours: number
}
export type AdminExtendDateOptionRequest = { expires_in_hours: number }
export type DateOptionResponse = { option: DateOption }
export type DateOptionsResponse = {
  sales_channel_id: string
  options: DateOption[]
  /** The tiers the tenant sells: what an option can be for. */
  tiers: { id: string; name: string }[]
}
export type AdminConvertDateOptionRequest = { region_id: string }

/** A deposit policy: the tenant's default (`segment_id` null) or a segment's override (README "Deposits"). */
export type DepositPolicyPayload = {
  /** null or absent: the tenant's default. */
  segment_id?: string | null
  kind: "percent" | "fixed"
  /** Percent 1-100, or a fixed amount in `currency_code`'s main unit. */
  value: number
  /** Required for a fixed amount (a cart in another currency pays in full); none for a percent. */
  currency_code?: string | null
  /** Default 30. */
  balance_due_days?: number
  /** Kept for cancellations; default false. */
  deposit_refundable?: boolean
  /** Kept for cancellations; default 30. */
  balance_refundable_days?: number
  /** Payments the balance is split into, 1-12 (default 1: one balance payment). The tenant's default only: a segment's override refuses it and answers 1. */
  instalments?: number
}

export type DepositPolicy = Required<DepositPolicyPayload> & { id: string; sales_channel_id: string }

export type DepositPolicies = {
  sales_channel_id: string
  /** The tenant's default; null: orders pay in full unless a segment says otherwise. */
  default: DepositPolicy | null
  /** Segment overrides, each with its segment's handle and name. */
  segments: (DepositPolicy & { segment_handle: string; segment_name: string })[]
}

export type { RolloutFeature, RolloutAction }
export type { GuardrailName, GuardrailResult, GuardrailSettings, GuardrailStatus } from "../lib/guardrails"

/** A feature's rollout as the admin reads it: the stage, its tenants, and the guardrails' figures now. */
export type RolloutState = {
  feature: RolloutFeature
  /** The stage's percent of tenants (kept while paused). */
  percent: number
  paused: boolean
  /** Where advance and a rollback would go; null at the top or the bottom. */
  next_percent: number | null
  previous_percent: number | null
  /** Tenants the feature runs for now, of every sales channel. */
  tenants: { in_stage: number; total: number }
  /** The window the figures read: the settings' window, from the stage's last change at the earliest. */
  window: { since: Timestamp; until: Timestamp }
  guardrails: GuardrailResult[]
  /** Store requests and 5xx of the stage's tenants per minute of the window. */
  requests: { minute: Timestamp; requests: number; errors: number }[]
}

export type RolloutSettings = { ladder: number[]; guardrails: GuardrailSettings }

export type RolloutOverview = { rollouts: RolloutState[]; settings: RolloutSettings }

export type RolloutChange = {
  id: string
  feature: RolloutFeature
  action: RolloutAction
  from_percent: number
  to_percent: number
  from_paused: boolean
  to_paused: boolean
  reason: string
  /** The admin user; null for a rollback by the guardrails. */
  actor_id: string | null
  /** A rollback's figures: the guardrails' results and the window they read. */
  figures: Record<string, unknown> | null
  /** When a rollback's notice and event went out; null for other changes and until then. */
  announced_at: Timestamp | null
  created_at: Timestamp
}

export type RolloutChangeList = { changes: RolloutChange[]; count: number; offset: number; limit: number }

export type RolloutChangeResponse = { rollout: RolloutState; change: RolloutChange }

/** How a merchant took a payment outside the store. */
export type OfflinePaymentMethod = "cheque" | "bank_transfer" | "cash" | "other"

/** One payment collection of an order: checkout's (the deposit), a balance session's, or an offline record. */
export type OrderSchedulePayment = {
  payment_collection_id: string
  kind: "checkout" | "session" | "offline"
  amount: number
  status: string
  /** The provider (checkout, session) or the offline method. */
  method: string | null
  reference: string | null
  note: string | null
}
/** `GET /admin/orders/:id/payment-plan`: the order's plan and payments (README "Balances"). */
export type AdminOrderSchedule = {
  payment_plan: OrderPaymentPlan
  canceled: boolean
  /** The due-date charge of a saved method (README "Balances"); null when the couple saved none and no notice was given. */
  charge: {
    provider_id: string | null
    attempts: number
    last_error: string | null
    last_attempt_at: Timestamp | null
    /** Retries spent: the merchant must step in. */
    flagged_at: Timestamp | null
    reminded_on: CalendarDate | null
    overdue_on: CalendarDate | null
    /** The due date of the instalment last reminded of, marked overdue, and the one `attempts` counts for (a plan of several payments; null before any). */
    reminded_for?: CalendarDate | null
    overdue_for?: CalendarDate | null
    attempts_for?: CalendarDate | null
  } | null
  payments: OrderSchedulePayment[]
}
export type AdminOrderScheduleResponse = { schedule: AdminOrderSchedule }

export type AdminRecordOfflinePaymentRequest = { amount: number; method: OfflinePaymentMethod; reference?: string; note?: string }
export type AdminOfflinePaymentResponse = {
  payment: {
    order_id: string
    payment_id: string
    payment_collection_id: string
    amount: number
    currency_code: string
    method: string
    offline_method: string
    reference: string | null
  }
  schedule: AdminOrderSchedule
}

/** `POST /admin/orders/:id/payment-link`: the pay page's URL, also sent as `tiered.balance.payment_link`. */
export type AdminPaymentLinkResponse = {
  payment_link: {
    order_id: string
    url: string
    email: string | null
    amount: number
    currency_code: string
    balance_due_date: CalendarDate | null
    payment_collection_id: string
    /** The UTC day it was sent: the couple is emailed one link a day. */
    sent_on: CalendarDate
  }
}

export type BalanceStatus = "due" | "overdue"
/** A row of `GET /admin/balances`. */
export type AdminBalanceRow = {
  order_id: string
  display_id: number | null
  email: string | null
  sales_channel_id: string
  sales_channel_name: string | null
  currency_code: string
  total: number
  paid: number
  balance: number
  balance_due_date: CalendarDate | null
  event_date: CalendarDate | null
  status: BalanceStatus
}
export type AdminBalancesResponse = { balances: AdminBalanceRow[]; count: number; offset: number; limit: number }
