import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, QueryContext } from "@medusajs/framework/utils"
import { allowedAddons } from "../lib/addons"
import { buildComparison, ComparisonMatrix, featureStrings } from "../lib/comparison"
import { todayUtc } from "../lib/dates"
import { Incentive, priceTier, PricingRule, TierPrice } from "../lib/pricing"
import { Flags, segmentChannels } from "../lib/flags"
import { byLevel } from "../lib/tier-rules"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import { UPSELL_MODULE, UpsellModuleService } from "../modules/upsell"
import type { StoreAddon, StoreSegment, StoreTier } from "../contract/store"
import { graphRows, SegmentRow, TIER_FIELDS, TierRow } from "./rows"
import { cachedRead, StoreRead } from "./store-cache"
import { tenantTodays } from "./time-zones"

// The storefront types are the typed client's, so the API and the client cannot drift apart.
export type { StoreAddon, StoreTier }

/** The storefront's view: tiers whose product is published in one of the key's sales channels. */
type CatalogTierRow = TierRow & {
  segment: SegmentRow
  product: {
    id: string
    status: string
    thumbnail: string | null
    sales_channels?: { id: string }[] | null
    variants?: { id: string; variant_rank?: number | null }[] | null
  } | null
}

export type Region = { id: string; currency_code: string }

/** `sales_channel_id`: the tenant the tier is seen through (the first of the asked channels selling it), whose today prices it. */
export type VisibleTier = { row: CatalogTierRow; variant_id: string; sales_channel_id: string }

const CATALOG_FIELDS = [
  ...TIER_FIELDS,
  "segment.*",
  "product.id",
  "product.status",
  "product.thumbnail",
  "product.sales_channels.id",
  "product.variants.id",
  "product.variants.variant_rank",
]

/**
 * How a read may be answered: `cached` reads come from Medusa's Caching module (store reads,
 * which checkout verifies again); the default reads the database, as checkout and bookings must.
 */
export type ReadOptions = { cached?: boolean }

function maybeCached<T>(scope: MedusaContainer, options: ReadOptions, read: StoreRead, key: Record<string, unknown>, compute: () => Promise<T>) {
  return options.cached ? cachedRead(scope, read, key, compute) : compute()
}

export async function loadRegion(scope: MedusaContainer, regionId: string, options: ReadOptions = {}): Promise<Region> {
  const region = await maybeCached(scope, options, "region", { region: regionId }, async () => {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "region",
      fields: ["id", "currency_code"],
      filters: { id: regionId },
    })
    return (data[0] as Region | undefined) ?? null
  })
  if (!region) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Region ${regionId} was not found`)
  }
  return region
}

/** The flags in force (plugin options with the merchant's overrides). */
export function loadFlags(scope: MedusaContainer, options: ReadOptions = {}): Promise<Flags> {
  return maybeCached(scope, options, "flags", {}, () => (scope.resolve(UPSELL_MODULE) as UpsellModuleService).getFlags())
}

/**
 * Live tiers of active segments that the sales channels can see, ordered by
 * segment rank and level. Channels where the merchant's flags turn the tiered
 * catalog off see none; checkout passes `ignoreFlags` so carts filled before a
 * switch still complete.
 */
export async function loadVisibleTiers(
  scope: MedusaContainer,
  channelIds: string[],
  filters: { id?: string[]; segment_id?: string[] } = {},
  options: ReadOptions & { ignoreFlags?: boolean } = {}
): Promise<VisibleTier[]> {
  const salesChannelIds = options.ignoreFlags
    ? channelIds
    : segmentChannels(await loadFlags(scope, options), channelIds)
  if (!salesChannelIds.length) {
    return []
  }
  const channels = [...new Set(salesChannelIds)].sort()
  // A tenant's whole visible catalog is one cache entry; the filters apply to it in memory.
  const visible = options.cached
    ? await cachedRead(scope, "visibleTiers", { channels }, () => queryVisibleTiers(scope, channels, {}))
    : await queryVisibleTiers(scope, channels, filters)
  const ids = filters.id && new Set(filters.id)
  const segmentIds = filters.segment_id && new Set(filters.segment_id)
  return visible.filter((t) => (!ids || ids.has(t.row.id)) && (!segmentIds || segmentIds.has(t.row.segment_id)))
}

/** The live tiers of the channels (whatever the flags) by their package product. */
export async function packageTiers(
  scope: MedusaContainer,
  channelIds: string[],
  options: ReadOptions = {}
): Promise<Map<string, VisibleTier>> {
  const tiers = await loadVisibleTiers(scope, channelIds, {}, { ...options, ignoreFlags: true })
  return new Map(tiers.map((t) => [t.row.product!.id, t]))
}

async function queryVisibleTiers(
  scope: MedusaContainer,
  salesChannelIds: string[],
  filters: { id?: string[]; segment_id?: string[] }
): Promise<VisibleTier[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "tier",
    fields: CATALOG_FIELDS,
    filters: { ...filters, archived_at: null },
  })
  const visible: VisibleTier[] = []
  const rows = graphRows<CatalogTierRow>(data)
  for (const row of rows) {
    const product = row.product
    if (!row.segment?.is_active || !product || product.status !== "published") {
      continue
    }
    const tenant = salesChannelIds.find((id) => (product.sales_channels ?? []).some((sc) => sc?.id === id))
    if (!tenant) {
      continue
    }
    const variants = [...(product.variants ?? [])].sort(
      (a, b) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0) || a.id.localeCompare(b.id)
    )
    if (!variants.length) {
      continue
    }
    visible.push({ row, variant_id: variants[0].id, sales_channel_id: tenant })
  }
  return visible.sort(
    (a, b) =>
      a.row.segment.rank - b.row.segment.rank ||
      a.row.segment.id.localeCompare(b.row.segment.id) ||
      byLevel(a.row, b.row)
  )
}

/** Medusa's calculated price of each variant for the region, or null when it has none. */
export async function variantPrices(
  scope: MedusaContainer,
  variantIds: string[],
  region: Region,
  options: ReadOptions = {}
): Promise<Map<string, number | null>> {
  if (!variantIds.length) {
    return new Map()
  }
  const ids = [...new Set(variantIds)].sort()
  // Entries, not a Map, so the answer survives a JSON cache (Redis).
  const entries = await maybeCached(scope, options, "variantPrices", { region: region.id, currency: region.currency_code, ids }, async () => {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "variant",
      fields: ["id", "calculated_price.calculated_amount", "calculated_price.currency_code"],
      filters: { id: ids },
      context: {
        calculated_price: QueryContext({ region_id: region.id, currency_code: region.currency_code }),
      },
    })
    return (data as { id: string; calculated_price?: { calculated_amount: number | null } | null }[]).map((variant) => {
      const amount = variant.calculated_price?.calculated_amount
      return [variant.id, amount === null || amount === undefined ? null : Number(amount)] as [string, number | null]
    })
  })
  return new Map(entries)
}

/** The merchant's active date rules, as the pricing function takes them. */
export function loadActivePricingRules(scope: MedusaContainer, options: ReadOptions = {}): Promise<PricingRule[]> {
  return maybeCached(scope, options, "pricingRules", {}, async () => {
    const service: SegmentsModuleService = scope.resolve(SEGMENTS_MODULE)
    const rules = await service.listPricingRules({ is_active: true })
    return rules.map(toPricingRule)
  })
}

function toPricingRule(r: Awaited<ReturnType<SegmentsModuleService["listPricingRules"]>>[number]): PricingRule {
  return {
    id: r.id,
    label: r.label,
    kind: r.kind,
    percent: Number(r.percent),
    priority: r.priority,
    stackable: r.stackable,
    is_active: r.is_active,
    segment_ids: r.segment_ids as string[],
    months: r.months as number[] | null,
    start_date: r.start_date,
    end_date: r.end_date,
    repeats_yearly: r.repeats_yearly,
    days: r.days,
    weekdays: r.weekdays as number[] | null,
  }
}

export type TierPricer = (tier: VisibleTier, eventDate?: string | null, incentive?: Incentive | null) => TierPrice | null

/** How tiers are priced: `today` when the caller already knows its one tenant's, else each tier's tenant's. */
export type PricingOptions = ReadOptions & { today?: string }

/**
 * Loads what pricing the tiers needs once (Medusa prices for the region, the
 * active date rules, the tenants' todays) and answers each tier's price for any date and incentive.
 */
export async function tierPricer(
  scope: MedusaContainer,
  tiers: VisibleTier[],
  region: Region,
  options: PricingOptions = {}
): Promise<TierPricer> {
  const [prices, rules, todays] = await Promise.all([
    variantPrices(
      scope,
      tiers.map((t) => t.variant_id),
      region,
      options
    ),
    loadActivePricingRules(scope, options),
    options.today ? null : tenantTodays(scope, tiers.map((t) => t.sales_channel_id), options),
  ])
  return (tier, eventDate, incentive) => {
    const today = options.today ?? todays?.get(tier.sales_channel_id) ?? todayUtc()
    const base = prices.get(tier.variant_id)
    return base === null || base === undefined
      ? null
      : priceTier({
          base,
          currency_code: region.currency_code,
          event_date: eventDate,
          today,
          segment_id: tier.row.segment_id,
          rules,
          incentive,
        })
  }
}

export function toStoreTier(tier: VisibleTier, price: TierPrice | null): StoreTier {
  const { row, variant_id } = tier
  return {
    id: row.id,
    segment_id: row.segment_id,
    level: row.level,
    name: row.name,
    product_id: row.product!.id,
    variant_id,
    thumbnail: row.product!.thumbnail ?? null,
    max_guests: row.max_guests,
    days: row.days ?? 1,
    features: featureStrings(row.features ?? []),
    is_popular: row.is_popular,
    price,
  }
}

/** The comparison of visible tiers in the order given (catalog order), from their features as the merchant set them. */
export function compareVisibleTiers(tiers: VisibleTier[]): ComparisonMatrix {
  return buildComparison(tiers.map((tier) => ({ features: tier.row.features ?? [] })))
}

/** Prices visible tiers for the region and, when given, the event date. */
export async function priceVisibleTiers(
  scope: MedusaContainer,
  tiers: VisibleTier[],
  region: Region,
  eventDate?: string,
  options: PricingOptions = {}
): Promise<StoreTier[]> {
  const price = await tierPricer(scope, tiers, region, options)
  return tiers.map((tier) => toStoreTier(tier, price(tier, eventDate)))
}

export function toStoreSegment(segment: SegmentRow): StoreSegment {
  return {
    id: segment.id,
    handle: segment.handle,
    name: segment.name,
    description: segment.description,
    audience: segment.audience,
    price_range: {
      min: segment.price_min === null ? null : Number(segment.price_min),
      max: segment.price_max === null ? null : Number(segment.price_max),
    },
    rank: segment.rank,
    image: segment.image,
  }
}

/**
 * The add-ons a visible tier may take that the same sales channels sell
 * (published), with their region prices; ordered by title.
 */
export function loadTierAddons(
  scope: MedusaContainer,
  tier: VisibleTier,
  salesChannelIds: string[],
  region: Region,
  options: ReadOptions = {}
): Promise<StoreAddon[]> {
  const channels = [...new Set(salesChannelIds)].sort()
  return maybeCached(scope, options, "addons", { tier: tier.row.id, channels, region: region.id, currency: region.currency_code }, () => queryTierAddons(scope, tier, channels, region))
}

async function queryTierAddons(scope: MedusaContainer, tier: VisibleTier, salesChannelIds: string[], region: Region): Promise<StoreAddon[]> {
  const service: SegmentsModuleService = scope.resolve(SEGMENTS_MODULE)
  const rules = await service.listAddonRules(
    { $or: [{ tier_id: tier.row.id }, { segment_id: tier.row.segment_id }] },
    { select: ["product_id", "max_quantity", "tier_id", "segment_id"] }
  )
  const allowed = allowedAddons({ id: tier.row.id, segment_id: tier.row.segment_id }, rules)
  if (!allowed.size) {
    return []
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "title", "thumbnail", "status", "sales_channels.id", "variants.id", "variants.variant_rank"],
    filters: { id: [...allowed.keys()] },
  })
  const channels = new Set(salesChannelIds)
  const rows = graphRows<{
    id: string
    title: string
    thumbnail: string | null
    status: string
    sales_channels?: { id: string }[] | null
    variants?: { id: string; variant_rank?: number | null }[] | null
  }>(data)
  const products = rows
    .filter((p) => p.status === "published" && (p.sales_channels ?? []).some((sc) => sc && channels.has(sc.id)))
    .map((p) => ({ ...p, variant: [...(p.variants ?? [])].sort((a, b) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0))[0] }))
    .filter((p) => p.variant)
  const prices = await variantPrices(scope, products.map((p) => p.variant.id), region)
  return products
    .map((p) => {
      const amount = prices.get(p.variant.id)
      return {
        product_id: p.id,
        variant_id: p.variant.id,
        title: p.title,
        thumbnail: p.thumbnail,
        max_quantity: allowed.get(p.id)!,
        price: amount === null || amount === undefined ? null : { amount, currency_code: region.currency_code },
      }
    })
    .sort((a, b) => a.title.localeCompare(b.title))
}
