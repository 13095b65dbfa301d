/** The demo catalog: what a newcomer sees after `npm run dev`. Plain data, no Medusa. */
import type { TierFeature, ValuedFeature } from "../lib/comparison"

export const DEMO_ADMIN = { email: "admin@tiered.test", password: "supersecret" }

export const DEMO_REGION = { name: "United States", currency_code: "usd", countries: ["us"] }

export const DEMO_TENANTS = [
  {
    key: "photography",
    sales_channel: "Everafter Photography",
    description: "Full-service wedding photography storefront",
    api_key_title: "Everafter Photography storefront",
  },
  {
    key: "essentials",
    sales_channel: "Everafter Essentials",
    description: "Budget-friendly storefront: Essential and Signature packages only",
    api_key_title: "Everafter Essentials storefront",
  },
] as const

export type DemoTenantKey = (typeof DEMO_TENANTS)[number]["key"]

export const DEMO_SEGMENTS = [
  {
    handle: "essential",
    name: "Essential",
    description: "Beautiful coverage of the moments that matter, at an honest price.",
    audience: "Cost-conscious couples planning an intimate day",
    price_min: 2000,
    price_max: 5000,
    rank: 0,
    commission_percent: 8,
  },
  {
    handle: "signature",
    name: "Signature",
    description: "Our most booked collections: the whole story, from preparations to the last dance.",
    audience: "Couples who want the full day covered without compromise",
    price_min: 5000,
    price_max: 10000,
    rank: 1,
    commission_percent: 10,
  },
  {
    handle: "luxury",
    name: "Luxury",
    description: "A dedicated team, heirloom pieces and every detail handled.",
    audience: "Couples planning a large or destination celebration",
    price_min: 10000,
    price_max: null,
    rank: 2,
    commission_percent: 12,
  },
] as const

type DemoTier = {
  segment: string
  level: number
  name: string
  handle: string
  price: number
  max_guests: number
  is_popular?: boolean
  features: TierFeature[]
  tenants: DemoTenantKey[]
}

const both: DemoTenantKey[] = ["photography", "essentials"]

// The rows every segment's tiers share, by group: the same key lines them up in the comparison.
const row = (key: string, label: string, group: string, unit: string | null = null) => (value: ValuedFeature["value"]): ValuedFeature => ({
  key,
  label,
  group,
  value,
  unit,
})
const coverage = row("coverage", "Coverage", "Coverage", "h")
const eventDays = row("event-days", "Event days", "Coverage")
const engagement = row("engagement-session", "Engagement session", "Coverage")
const rehearsal = row("rehearsal-dinner", "Rehearsal dinner", "Coverage")
const photos = row("edited-photos", "Edited photos", "Deliverables")
const gallery = row("online-gallery", "Online gallery", "Deliverables", "months")
const printRelease = row("print-release", "Print release", "Deliverables")
const album = row("heirloom-album", "Heirloom album", "Deliverables")
const parentAlbums = row("parent-albums", "Parent albums", "Deliverables")
const film = row("film", "Wedding film", "Deliverables", "min")
const lead = row("lead-photographer", "Lead photographer", "Team")
const shooter = row("second-shooter", "Second shooter", "Team")
const assistant = row("lighting-assistant", "Lighting assistant", "Team")

export const DEMO_TIERS: DemoTier[] = [
  { segment: "essential", level: 1, name: "Starter", handle: "essential-starter", price: 2000, max_guests: 30, tenants: both,
    features: [coverage(4), engagement(false), photos(200), gallery(6), printRelease(false), lead(true)] },
  { segment: "essential", level: 2, name: "Classic", handle: "essential-classic", price: 3200, max_guests: 50, is_popular: true, tenants: both,
    features: [coverage(6), engagement(false), photos(400), gallery(12), printRelease(true), lead(true)] },
  { segment: "essential", level: 3, name: "Plus", handle: "essential-plus", price: 4500, max_guests: 80, tenants: both,
    features: [coverage(8), engagement(true), photos(600), gallery(12), printRelease(true), lead(true)] },
  { segment: "signature", level: 1, name: "Essential", handle: "signature-essential", price: 5000, max_guests: 50, tenants: both,
    features: [coverage(8), engagement(true), photos(500), gallery(12), printRelease(true), album(false), lead(true), shooter(false)] },
  { segment: "signature", level: 2, name: "Select", handle: "signature-select", price: 7500, max_guests: 100, is_popular: true, tenants: both,
    features: [coverage(10), engagement(true), photos(700), gallery(24), printRelease(true), album(false), lead(true), shooter(true)] },
  { segment: "signature", level: 3, name: "Complete", handle: "signature-complete", price: 10000, max_guests: 150, tenants: both,
    features: [coverage(12), engagement(true), photos(900), gallery(24), printRelease(true), album(true), lead(true), shooter(true)] },
  { segment: "luxury", level: 1, name: "Prestige", handle: "luxury-prestige", price: 12000, max_guests: 200, tenants: ["photography"],
    features: [coverage(12), eventDays(1), engagement(true), rehearsal(false), photos(1000), gallery(24), album(true), parentAlbums(0), film(5), lead(true), shooter(true), assistant(false)] },
  { segment: "luxury", level: 2, name: "Grand", handle: "luxury-grand", price: 16000, max_guests: 250, is_popular: true, tenants: ["photography"],
    features: [coverage(14), eventDays(1), engagement(true), rehearsal(true), photos(1500), gallery(36), album(true), parentAlbums(0), film(5), lead(true), shooter(true), assistant(true)] },
  { segment: "luxury", level: 3, name: "Ultimate", handle: "luxury-ultimate", price: 22000, max_guests: 400, tenants: ["photography"],
    features: [coverage(16), eventDays(2), engagement(true), rehearsal(true), photos(2000), gallery(36), album(true), parentAlbums(2), film(20), lead(true), shooter(true), assistant(true)] },
]

type DemoAddon = {
  title: string
  handle: string
  price: number
  tenants: DemoTenantKey[]
  /** Segments whose tiers may take it, with a maximum quantity; all segments, 1, when absent. */
  segments?: string[]
  max_quantity?: number
}

export const DEMO_ADDONS: DemoAddon[] = [
  { title: "Extra hour of coverage", handle: "addon-extra-hour", price: 400, tenants: both, max_quantity: 4 },
  { title: "Second shooter", handle: "addon-second-shooter", price: 800, tenants: both },
  { title: "Engagement session", handle: "addon-engagement-session", price: 650, tenants: both },
  { title: "Heirloom album", handle: "addon-heirloom-album", price: 1200, tenants: both },
  { title: "Parent albums (pair)", handle: "addon-parent-albums", price: 900, tenants: both },
  { title: "Drone coverage", handle: "addon-drone", price: 700, tenants: both },
  { title: "Same-day slideshow", handle: "addon-same-day-slideshow", price: 550, tenants: ["photography"] },
  { title: "Photo booth", handle: "addon-photo-booth", price: 950, tenants: both },
  { title: "Rehearsal dinner coverage", handle: "addon-rehearsal-dinner", price: 1100, tenants: ["photography"], segments: ["signature", "luxury"] },
  { title: "Canvas print", handle: "addon-canvas-print", price: 300, tenants: both, max_quantity: 3 },
  { title: "Full-resolution raw files", handle: "addon-raw-files", price: 500, tenants: both },
  { title: "Highlight film", handle: "addon-highlight-film", price: 2400, tenants: ["photography"], segments: ["luxury"] },
]

export const DEMO_COLLECTIONS = {
  packages: { title: "Packages", handle: "packages" },
  addons: { title: "Add-ons", handle: "add-ons" },
  shop: { title: "Shop", handle: "shop" },
}

/** Plain products (neither package nor add-on): bought through Medusa's own cart routes. */
export const DEMO_SHOP_PRODUCTS = [
  { title: "Fine art print (16x20)", handle: "shop-fine-art-print", price: 90, tenants: both },
  { title: "Thank-you cards (set of 50)", handle: "shop-thank-you-cards", price: 120, tenants: both },
]

export const DEMO_PRICING_RULES = [
  { label: "Peak season", kind: "season" as const, months: [6, 7, 8, 9], percent: 20, priority: 1 },
  { label: "Last minute", kind: "last_minute" as const, days: 30, percent: -15, priority: 2 },
]

/** Per tenant: settings, and blackouts / high-demand flags placed in the coming year. */
export const DEMO_AVAILABILITY = {
  settings: { capacity_per_date: 1, min_lead_days: 14, max_advance_days: 730, high_demand_threshold: 0 },
  blackouts: [
    { month_day: "12-24", days: 3, reason: "Holidays" },
    { month_day: "08-10", days: 7, reason: "Studio vacation" },
  ],
  high_demand_month_days: ["06-20", "09-19"],
}

/** Each tenant's deposit: the first takes 30% with the balance 30 days before the event; the second is paid in full. */
export const DEMO_DEPOSITS: Record<DemoTenantKey, { kind: "percent"; value: number; balance_due_days: number } | null> = {
  photography: { kind: "percent", value: 30, balance_due_days: 30 },
  essentials: null,
}

/** The plan's three upsell rules. */
export const DEMO_UPSELL_RULES = [
  {
    name: "Viewing tier 1: compare with tier 2",
    trigger: { viewing_tier: { level: 1 } },
    action: "show_comparison" as const,
    headline: "See what {{to_tier}} adds for {{price_difference}}",
    body: "{{to_tier}} adds {{features_added}}.",
    priority: 10,
  },
  {
    name: "Two or more add-ons: suggest the upgrade",
    trigger: { addon_count_at_least: 2 },
    action: "suggest_upgrade" as const,
    incentive_percent: 5,
    headline: "Upgrade to {{to_tier}} and save {{incentive_percent}}%",
    body: "Your add-ons are already part of {{to_tier}}: upgrade for {{price_difference}}.",
    priority: 20,
  },
  {
    name: "High-demand date: emphasize scarcity",
    trigger: { high_demand_date: true as const },
    action: "emphasize_scarcity" as const,
    headline: "Only {{remaining_slots}} left on this date",
    body: "This date is in high demand; book now to keep it.",
    priority: 30,
  },
]

/** An experiment on the upsell copy: 10% of visitors, two variants. */
export const DEMO_EXPERIMENT = {
  key: "upsell-copy",
  name: "Upsell copy: plain vs. urgent",
  traffic_percent: 10,
  variants: [
    { key: "plain", weight: 1 },
    { key: "urgent", weight: 1, headline: "Last chance: {{to_tier}} for {{price_difference}} more" },
  ],
}

/**
 * Sample orders of the photography storefront, so the analytics page has
 * something to show: a tier (by product handle), how far ahead the event is
 * (moved on to the next bookable day), add-ons (by handle) and the visitor.
 * Each pays the 30% deposit; one then pays its balance by a bank transfer the
 * merchant records, one is overdue (its plan's due date moved into the past),
 * and the last one is canceled, to show a reversal.
 */
export const DEMO_SAMPLE_ORDERS: {
  tier: string
  days_ahead: number
  addons: string[]
  visitor: string
  balance?: "paid" | "overdue"
  canceled?: boolean
}[] = [
  { tier: "signature-select", days_ahead: 60, addons: ["addon-extra-hour", "addon-drone"], visitor: "demo-visitor-01" },
  { tier: "signature-essential", days_ahead: 75, addons: [], visitor: "demo-visitor-02", balance: "paid" },
  { tier: "essential-classic", days_ahead: 90, addons: ["addon-heirloom-album"], visitor: "demo-visitor-03", balance: "overdue" },
  { tier: "luxury-prestige", days_ahead: 120, addons: ["addon-second-shooter", "addon-engagement-session", "addon-drone"], visitor: "demo-visitor-04" },
  { tier: "signature-complete", days_ahead: 150, addons: ["addon-parent-albums"], visitor: "demo-visitor-05" },
  { tier: "essential-starter", days_ahead: 180, addons: [], visitor: "demo-visitor-06", canceled: true },
]

/** How many days ago the overdue sample's balance fell due. */
export const DEMO_OVERDUE_DAYS = 3

/** Funnel events of 40 sample visitors over the last four weeks: how far each one went. */
export const DEMO_VISITORS = 40
