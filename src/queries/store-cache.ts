import { AsyncLocalStorage } from "node:async_hooks"
import { randomUUID } from "node:crypto"
import { ICachingModuleService, MedusaContainer } from "@medusajs/framework/types"
import { FeatureFlag, Modules, toCamelCase, upperCaseFirst } from "@medusajs/framework/utils"
import { nextMidnightMs } from "../lib/dates"
import { tenantTimeZones } from "./time-zones"

/**
 * The entities whose writes change what a store read answers. Medusa's Caching module drops an
 * entry tagged `<Entity>:list:*` on every write to that entity (its strategy turns each module
 * event into those tags), so listing them here is what keeps the cached reads fresh.
 */
const TIER_VISIBILITY = [
  "Segment",
  "Tier",
  "LinkSegmentsTierProductProduct",
  "Product",
  "ProductVariant",
  "LinkProductSalesChannel",
  "SalesChannel",
  "FlagSettings",
]
const PRICES = [
  "Region",
  "PriceSet",
  "Price",
  "PriceRule",
  "PriceList",
  "PriceListRule",
  "PricePreference",
  "LinkProductVariantPriceSet",
]

export const STORE_READS = {
  region: ["Region"],
  /** Live tiers the key's channels see (and the flags that switch the catalog off). */
  visibleTiers: TIER_VISIBILITY,
  /** Medusa's calculated prices of variants in a region. */
  variantPrices: [...PRICES, "ProductVariant"],
  /** The merchant's date rules. */
  pricingRules: ["PricingRule"],
  /** Active upsell rules and running experiments. */
  upsell: ["UpsellRule", "Experiment"],
  /** The runtime flags. */
  flags: ["FlagSettings"],
  /** Each tenant's time zone, which sets its today. */
  timeZones: ["AvailabilitySettings"],
  /** Priced catalog answers: segments, one segment, a comparison. */
  catalog: [...TIER_VISIBILITY, ...PRICES, "PricingRule"],
  /** A tier's add-ons with their prices. */
  addons: [...TIER_VISIBILITY, ...PRICES, "AddonRule"],
  /** The products sold only through tier-items (tiers' packages and add-ons), for Medusa's line routes. */
  tierItemProducts: ["Segment", "Tier", "LinkSegmentsTierProductProduct", "AddonRule"],
  /** Date statuses: the tenant's availability and its bookings. */
  availability: [
    ...TIER_VISIBILITY,
    "AvailabilitySettings",
    "CapacityOverride",
    "Blackout",
    "HighDemandDate",
    "Booking",
  ],
  /** A returning visitor's offers: tiers, prices, date statuses, upsell rules and experiments, flags (and the visitor's own offers, by a tag of its own). */
  offers: [
    ...TIER_VISIBILITY,
    ...PRICES,
    "PricingRule",
    "AvailabilitySettings",
    "CapacityOverride",
    "Blackout",
    "HighDemandDate",
    "Booking",
    "UpsellRule",
    "Experiment",
  ],
} as const satisfies Record<string, readonly string[]>

export type StoreRead = keyof typeof STORE_READS

const CACHED_ENTITIES: ReadonlySet<string> = new Set(Object.values(STORE_READS).flat())

/**
 * The tags a module event drops from the store reads, named as Medusa's caching strategy names
 * them (`product.product-variant.updated` -> `ProductVariant:list:*`); none for other entities.
 */
export function invalidationTags(eventName: string): string[] {
  const entity = upperCaseFirst(toCamelCase(eventName.split(".").slice(-2)[0] ?? ""))
  return CACHED_ENTITIES.has(entity) ? [`${entity}:list:*`] : []
}

/**
 * How long the answer being computed stays true without any write: a cart's hold lapses at a
 * known time, and a read that counted it must not be served after. Each cached read computes in
 * a scope of its own; `answerValidUntil` shortens it (and the scopes around it).
 */
type Validity = { until: number; outer?: Validity }
const validity = new AsyncLocalStorage<Validity>()

/** The answer being computed changes by itself at `ms` (epoch milliseconds): cache it until then at most. */
export function answerValidUntil(ms: number): void {
  for (let scope = validity.getStore(); scope; scope = scope.outer) {
    scope.until = Math.min(scope.until, ms)
  }
}

type Entry<T> = { value: T }
type Stamp = { id: string }

const DEFAULT_TTL_SECONDS = 3600

function cachingModule(scope: MedusaContainer): ICachingModuleService | null {
  if (!FeatureFlag.isFeatureEnabled("caching")) {
    return null
  }
  return (scope.resolve(Modules.CACHING, { allowUnregistered: true }) as ICachingModuleService | undefined) ?? null
}

/**
 * `compute()`'s answer, from Medusa's Caching module when the host has it (in memory, or Redis
 * shared by every instance), else computed each time. `key` must hold everything the answer
 * depends on besides the entities of `read` (sales channels, region, dates); `tags` are
 * more tags the entry is dropped by (the writer clears them); an entry `fresh` says is not is
 * replaced.
 *
 * A write that lands while an answer is being computed could leave that answer cached stale,
 * so a miss first takes a stamp carrying the same tags: a write in between drops the stamp
 * with the entries, and the answer is then returned without being cached.
 */
export async function cachedRead<T>(
  scope: MedusaContainer,
  read: StoreRead,
  key: Record<string, unknown>,
  compute: () => Promise<T>,
  tags: string[] = [],
  fresh: (value: T) => boolean = () => true
): Promise<T> {
  const caching = cachingModule(scope)
  if (!caching) {
    return compute()
  }
  // A cache that is full or unreachable costs speed, never an answer: each call falls back to computing.
  const get = (k: string) => caching.get({ key: k }).catch(() => null)
  const put = (k: string, data: unknown, tags: string[], ttl = DEFAULT_TTL_SECONDS) =>
    caching.set({ key: k, data: data as object, tags, ttl }).then(() => true, () => false)
  // Keys are built by this plugin's code in a fixed order, so their JSON is stable.
  const entryKey = `tiered:${read}:${JSON.stringify(key)}`
  const hit = (await get(entryKey)) as Entry<T> | null
  // A stale entry is computed again like a miss, and the new answer stored over it.
  if (hit && fresh(hit.value)) {
    return hit.value
  }
  const allTags = [...STORE_READS[read].map((entity) => `${entity}:list:*`), ...tags]
  const stampKey = `${entryKey}:stamp`
  let stamp = (await get(stampKey)) as Stamp | null
  if (!stamp) {
    stamp = { id: randomUUID() }
    if (!(await put(stampKey, stamp, allTags))) {
      return compute()
    }
  }
  const valid: Validity = { until: Infinity, outer: validity.getStore() }
  const value = await validity.run(valid, compute)
  // Whole seconds, rounded down: an entry leaves the cache before what it counted lapses.
  const ttl = Math.min(DEFAULT_TTL_SECONDS, Math.floor((valid.until - Date.now()) / 1000))
  const after = (await get(stampKey)) as Stamp | null
  if (after?.id === stamp.id && ttl > 0) {
    await put(entryKey, { value } as Entry<T>, allTags, ttl)
  }
  return value
}

/** An answer and the instants it holds between: from when it was computed to the first midnight after. */
type DatedAnswer<T> = { value: T; since: number; until: number }

/**
 * A store route's whole answer for a publishable key's channels, cached by `key` until the first
 * of the channels' tenants reaches midnight in its time zone, since date rules and booking windows
 * count from today. A hit reads nothing more; a miss reads the zones (one more cached read). A
 * tenant changing its zone drops the answers, as the zone moves its today.
 */
export async function cachedStoreAnswer<T>(
  scope: MedusaContainer,
  read: StoreRead,
  channels: string[],
  key: Record<string, unknown>,
  compute: () => Promise<T>,
  tags: string[] = []
): Promise<T> {
  const sorted = [...new Set(channels)].sort()
  const answer = await cachedRead<DatedAnswer<T>>(
    scope,
    read,
    { ...key, channels: sorted },
    async () => {
      // Taken before computing: a midnight passing meanwhile ends the answer at once.
      const now = Date.now()
      const zones = await tenantTimeZones(scope, sorted, { cached: true })
      // UTC's midnight too: a key without channels, or a tier without a tenant, reads UTC's today.
      const until = Math.min(...[...new Set(["UTC", ...zones.values()])].map((zone) => nextMidnightMs(zone, now)))
      return { value: await compute(), since: now, until }
    },
    [...tags, "AvailabilitySettings:list:*"],
    // A clock behind the one that computed it (another instance's, or one set back) computes it again.
    (answer) => answer.since <= Date.now() && Date.now() < answer.until
  )
  return answer.value
}
