/**
 * Request and response types of the plugin's store API, for storefronts.
 * Shapes the server's pure rules already define are taken from src/lib (type-only, so a
 * browser bundle pulls in nothing of the server).
 */
import type { DateAvailability, DateStatus } from "../lib/availability"
import type { AddonLineMetadata, TierLineMetadata } from "../lib/cart-lines"
import type { ComparisonMatrix, ComparisonRow, FeatureGain, FeatureValue, TierFeature, ValuedFeature } from "../lib/comparison"
import type { FunnelEvent } from "../lib/funnel"
import type { PriceAdjustment, PricingRuleKind, TierPrice } from "../lib/pricing"
import type { UpgradeQuote } from "../lib/upgrade"
import type { UpsellAction } from "../lib/upsell"
import type { Instalment, InstalmentState, NextPayment } from "../lib/instalments"

export type {
  AddonLineMetadata,
  ComparisonMatrix,
  ComparisonRow,
  DateAvailability,
  DateStatus,
  FeatureGain,
  FeatureValue,
  FunnelEvent,
  PriceAdjustment,
  PricingRuleKind,
  TierLineMetadata,
  TierFeature,
  TierPrice,
  UpgradeQuote,
  UpsellAction,
  ValuedFeature,
}

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string

// ---- catalog ----

export type StoreSegment = {
  id: string
  handle: string
  name: string
  description: string | null
  audience: string | null
  /** Main currency units; `max: null` is an open band ("$10,000+"). */
  price_range: { min: number | null; max: number | null }
  rank: number
  image: string | null
}

export type StoreSegmentListItem = StoreSegment & {
  tier_count: number
  /** The lowest final tier price in the region's currency; null when no tier is priced there. */
  from_price: number | null
}

export type StoreTier = {
  id: string
  segment_id: string
  level: number
  name: string
  product_id: string
  variant_id: string
  /** The package product's thumbnail (its picture in Medusa's product media); null when it has none. */
  thumbnail: string | null
  max_guests: number | null
  /** Consecutive days the package takes from its event date (a wedding weekend: 2 or 3); 1 for most. */
  days: number
  /**
   * What the tier includes, as strings: plain features as they are, valued ones it offers as
   * phrases ("Coverage: 8 h", "Second shooter"). The comparison's `rows` carry the values.
   */
  features: string[]
  is_popular: boolean
  /** Null when the tier has no price in the region's currency. */
  price: TierPrice | null
}

export type StoreAddon = {
  product_id: string
  variant_id: string
  title: string
  thumbnail: string | null
  max_quantity: number
  price: { amount: number; currency_code: string } | null
}

export type ListSegmentsQuery = { region_id: string }
export type RetrieveSegmentQuery = { region_id: string; event_date?: CalendarDate }
export type CompareTiersBody = { tier_ids: string[]; region_id: string; event_date?: CalendarDate }
export type TierAddonsQuery = { region_id: string }
/** Without `from`/`to`: the 90 days from the tenant's today (in its time zone); at most 366 days a call. */
export type TierAvailabilityQuery = { from?: CalendarDate; to?: CalendarDate }

export type StoreSegmentListResponse = { segments: StoreSegmentListItem[] }
export type StoreTierComparisonResponse = { tiers: StoreTier[]; comparison: ComparisonMatrix }
export type StoreSegmentResponse = StoreTierComparisonResponse & { segment: StoreSegment }
export type StoreTierAddonsResponse = {
  tier_id: string
  addons: StoreAddon[]
  /** The bundle incentive: `percent` off each add-on line once `min_addons` add-on units hang on a tier line. */
  bundle: { min_addons: number; percent: number }
}
/**
 * `days`: the consecutive days the tier's package takes. For a multi-day tier each date is judged as
 * the package's start (the worst of its days; `blocked_by` names the day that stands in the way).
 */
export type StoreTierAvailabilityResponse = { tier_id: string; days: number; dates: DateAvailability[] }

// ---- carts and orders ----

export type AddTierItemsBody = {
  tier_id: string
  event_date: CalendarDate
  guest_count?: number
  /** Repeat a variant id to add it more than once. */
  addon_variant_ids?: string[]
}

export type StoreTierCartItem = {
  id: string
  title: string
  variant_id: string | null
  product_id: string | null
  quantity: number
  unit_price: number
  is_custom_price: boolean
  requires_shipping: boolean
  /** A tier or add-on line carries TierLineMetadata / AddonLineMetadata (see isTierLine, isAddonLine). */
  metadata: Record<string, unknown> | null
  total: number
}

export type StoreTierCart = {
  id: string
  currency_code: string
  region_id: string | null
  sales_channel_id: string | null
  total: number
  subtotal: number
  item_total: number
  items: StoreTierCartItem[]
  /** The date each tier line holds and until when; a lapsed hold still books at checkout if the date is free. */
  holds: CartHold[]
}

/** A multi-day package's hold also says its `days` and last day (`end_date`): it holds every day between. */
export type CartHold = { line_item_id: string; event_date: CalendarDate; days?: number; end_date?: CalendarDate; expires_at: string; lapsed: boolean }

export type StoreTierCartResponse = { cart: StoreTierCart }

/** tier-items answers the cart and the hold the new tier line took. */
export type StoreAddTierItemsResponse = StoreTierCartResponse & { hold: CartHold }

export type UpgradeQuoteBody = {
  from_tier_id: string
  to_tier_id: string
  region_id: string
  event_date?: CalendarDate
  /** Measure the difference from this cart line (or from the order's line of `from_tier_id`), not one or the other. */
  line_item_id?: string
  order_id?: string
  /** An accepted upgrade offer: its incentive is in the quote. */
  offer_id?: string
}

export type UpgradeTierBody = { line_item_id: string; to_tier_id: string; offer_id?: string }

/** What an upgrade did (also the data of the `tier.upgraded` event). */
export type TierUpgrade = {
  cart_id: string | null
  order_id: string | null
  sales_channel_id: string
  line_item_id: string
  from_tier_id: string
  to_tier_id: string
  offer_id: string | null
  price_difference: number
  currency_code: string
}

export type StoreCartTierUpgradeResponse = StoreTierCartResponse & { upgrade: TierUpgrade }

export type StoreUpgradedOrder = {
  id: string
  status: string
  currency_code: string
  total: number
  summary?: Record<string, unknown> | null
  items: Pick<StoreTierCartItem, "id" | "title" | "quantity" | "unit_price" | "metadata">[]
}

export type StoreOrderTierUpgradeResponse = {
  order: StoreUpgradedOrder
  /** Medusa's preview of the confirmed order edit. */
  preview: Record<string, unknown>
  upgrade: TierUpgrade
  /** What the customer still owes (the order's pending difference). */
  amount_due: number
  currency_code: string
}

/** `POST /store/orders/:id/reschedule` (and the admin's): the package line and the date to move it to. */
export type RescheduleBody = { line_item_id: string; event_date: CalendarDate }

export type RescheduleResponse = {
  /** The booking now holding the new date (the old one is canceled). */
  booking: { id: string; status: "confirmed"; event_date: CalendarDate }
  from: CalendarDate
  to: CalendarDate
  /** The package priced for the new date less what was paid: positive is owed, negative is over-paid. Nothing is charged. */
  price_difference: number
  currency_code: string
}

// ---- upsell and funnel ----

/**
 * The visitor id the server signed, as the storefront keeps it (e.g. in localStorage). An id the
 * server did not sign (or none) is answered with a fresh one: keep the answer's `visitor_id`.
 */
export type VisitorId = string

export type VisitorBody = { visitor_id?: VisitorId }
/** `returning`: the id sent was the server's and is kept; false: a fresh id replaces it. */
export type StoreVisitorResponse = { visitor_id: VisitorId; returning: boolean }

export type UpsellOffersBody = {
  visitor_id?: VisitorId
  /** With a cart, its first tier line fills what the context leaves out. */
  cart_id?: string
  /** Prices the differences when there is no cart yet. */
  region_id?: string
  context?: {
    /** A segment handle. */
    segment?: string
    viewing_tier_id?: string
    event_date?: CalendarDate
    addon_count?: number
  }
}

export type OfferStatus = "shown" | "accepted" | "declined"

export type StoreUpsellOffer = {
  id: string
  rule_id: string
  action: UpsellAction
  headline: string
  body: string | null
  status: OfferStatus
  from_tier_id?: string
  to_tier_id?: string
  event_date?: CalendarDate
  /** Percent off the target tier: 5 = 5% off. */
  incentive_percent?: number
  price_difference?: number
  currency_code?: string
  remaining_slots?: number
  experiment?: { key: string; variant: string | null }
}

/** `visitor_id`: the signed id to keep (the one sent, or a fresh one replacing it). */
export type StoreUpsellOffersResponse = { offers: StoreUpsellOffer[]; visitor_id: VisitorId }
export type OfferDecisionBody = { decision: "accepted" | "declined" }
export type StoreOfferDecisionResponse = { offer: StoreUpsellOffer }

export type TierEventBody = {
  name: FunnelEvent
  visitor_id?: VisitorId
  /** A segment handle or id. */
  segment?: string
  tier_id?: string
  /** At most 20 flat values (strings up to 500 characters); `page_load` needs `lcp_ms` (0-60000). */
  properties?: Record<string, string | number | boolean | null>
}

/** A page load a storefront reports for the rollout's page-load guardrail. */
export type PageLoadBody = {
  visitor_id?: VisitorId
  /** The page's Largest Contentful Paint, in milliseconds (0-60000). */
  lcp_ms: number
  /** The page's path, for the merchant's own reading. */
  path?: string
}

/** `visitor_id`: the signed id the event was recorded under, to keep. */
export type StoreTierEventResponse = { accepted: true; visitor_id: VisitorId }

export type StoreUpgradeQuoteResponse = UpgradeQuote

/** The plugin is loaded and answering for this key's sales channel. */
export type StoreHealthResponse = { status: "ok" }

/** Why a cart pays what it pays now (see README "Deposits"). */
export type PaymentDueReason = "no_packages" | "no_policy" | "deposit" | "balance_due_passed" | "deposit_covers_total"

/** What a cart pays at checkout and what its order will owe: `due_now` is what the payment session charges. */
export type CartPaymentPlan = {
  currency_code: string
  total: number
  due_now: number
  balance: number
  /** When the balance is due; null when the cart pays in full. */
  balance_due_date: CalendarDate | null
  /** The earliest event date of the cart's packages. */
  event_date: CalendarDate | null
  pay_in_full: boolean
  reason: PaymentDueReason
  /** The balance's payments when the policy splits it in several (README "Deposits"); absent for one balance payment. */
  instalments?: Instalment[]
}
export type StoreCartPaymentPlanResponse = { payment_plan: CartPaymentPlan }

/** `canceled`: the order was canceled and owes nothing more. */
export type PaymentPlanStatus = "paid" | "due" | "overdue" | "canceled"

/** One payment of a balance split in several (`due_date` a CalendarDate), an order's with its status, and what the couple pays next. */
export type { Instalment, NextPayment }
export type OrderInstalment = InstalmentState

/** What an order was charged at checkout, has paid and still owes. */
export type OrderPaymentPlan = {
  order_id: string
  currency_code: string
  total: number
  /** What checkout took (the whole total for an order that paid in full). */
  deposit: number
  /** Authorized or captured on the order's payment collections, less refunds. */
  paid: number
  balance: number
  balance_due_date: CalendarDate | null
  /** `overdue` also when an instalment's date passed uncovered. */
  status: PaymentPlanStatus
  /** A plan of several payments: each as checkout scheduled it, with its status (covered in order by what was paid beyond the deposit). Absent for one balance payment. */
  instalments?: OrderInstalment[]
  /** What `POST /store/orders/:id/balance-payment` charges now: through instalment `number`, all not yet covered; null once paid. Absent for one balance payment. */
  next_payment?: NextPayment | null
}
export type StoreOrderPaymentPlanResponse = { payment_plan: OrderPaymentPlan }

/** A balance's payment collection and its session(s): a Stripe session's `data` holds what the storefront confirms the card with. */
export type BalancePaymentCollection = {
  id: string
  /** The order's balance: the server's figure, never the storefront's. */
  amount: number
  currency_code: string
  status: string
  payment_sessions: { id: string; provider_id: string; status: string; amount: number; data: Record<string, unknown> }[]
}
/** `POST /store/orders/:id/balance-payment` (README "Balances"). */
export type StoreStartBalancePaymentRequest = {
  provider_id: string
  /** A plan of several payments: `next` (default) pays what is due now, `balance` pays it all off. */
  pay?: "next" | "balance"
}
export type StoreBalancePaymentResponse = { payment_collection: BalancePaymentCollection; payment_plan: OrderPaymentPlan }
/** `POST /store/orders/:id/balance-payment/authorize`: the balance's payment and the plan it leaves. */
export type StoreAuthorizeBalancePaymentResponse = { payment_id: string; payment_plan: OrderPaymentPlan }
/** `POST /store/orders/:id/balance-payment/saved-method`: what the due-date run will charge. */
export type StoreSaveBalanceMethodRequest = { provider_id: string; payment_method_id?: string }
export type StoreSavedBalanceMethodResponse = {
  saved_method: { order_id: string; provider_id: string | null; payment_method_id: string | null; balance_due_date: CalendarDate | null }
}
/** A method the customer saved with a provider, as a storefront may show it (never the provider's whole record). */
export type SavedPaymentMethod = {
  id: string
  provider_id: string
  type: string | null
  card: { brand: string; last4: string; exp_month: number | null; exp_year: number | null } | null
}
/** `GET /store/orders/:id/balance-payment/saved-method`: what the due-date run will charge and what the customer could choose. */
export type StoreBalanceMethodsResponse = {
  saved_method: { provider_id: string | null; payment_method_id: string | null; method: SavedPaymentMethod | null; attempts: number; flagged: boolean } | null
  payment_methods: SavedPaymentMethod[]
}
/** `POST /store/orders/:id/balance-payment/saved-method/setup`: the provider's setup the browser confirms (Stripe: a setup intent). */
export type StoreSetupBalanceMethodRequest = { provider_id: string }
export type StoreBalanceMethodSetupResponse = { setup: { id: string; provider_id: string; client_secret: string | null; status: string | null } }
