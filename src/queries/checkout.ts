import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { allowedAddons } from "../lib/addons"
import { recordIncentive } from "../lib/cart-lines"
import { stalePrices } from "../lib/checkout"
import { dateAvailability, isBookable, packageDates } from "../lib/availability"
import { CatalogFacts, cartLineProblems, CheckoutItem, pairLines, TierLineRecord } from "../lib/tier-lines"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import { tenantAvailability } from "./availability"
import { loadVisibleTiers, tierPricer, variantPrices } from "./catalog"

export type CheckoutCart = {
  id: string
  sales_channel_id: string
  region_id: string
  currency_code: string
  items: CheckoutItem[]
}

export type CheckoutVerdict = {
  /** Lines that are bad input (400): they must be removed or added again. */
  invalid: string[]
  /** Prices or dates that moved since the lines were added (409). */
  conflicts: string[]
  /** The records of the cart's tier and add-on lines, each matched to its line. */
  records: (TierLineRecord & { title: string })[]
  /** Each tier line record's capacity pool and what it takes, read with the dates (for its claim). */
  slots: Map<string, { pool: string; capacity: number }>
}

type ProductRow = {
  id: string
  status: string
  sales_channels?: ({ id: string } | null)[] | null
  tier?: { id: string; archived_at?: unknown } | null
}

/**
 * The whole cart checked against the plugin's records and today's catalog, from the database
 * (never the cache): what checkout refuses, and the records it will book. Reads only.
 */
export async function verifyCheckout(
  scope: MedusaContainer,
  cart: CheckoutCart,
  records: TierLineRecord[],
  options: { today?: string; ownClaims?: Map<string, { event_date: string; pool: string }> } = {}
): Promise<CheckoutVerdict> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const segments: SegmentsModuleService = scope.resolve(SEGMENTS_MODULE)
  const channel = cart.sales_channel_id
  const productIds = [...new Set([...cart.items.map((i) => i.product_id), ...records.map((r) => r.product_id)].filter((id): id is string => !!id))]
  const tierIds = [...new Set(records.map((r) => r.tier_id))]
  const [{ data: products }, addonRules, visible] = await Promise.all([
    productIds.length
      ? query.graph({ entity: "product", fields: ["id", "status", "sales_channels.id", "tier.id", "tier.archived_at"], filters: { id: productIds } })
      : Promise.resolve({ data: [] as unknown[] }),
    productIds.length ? segments.listAddonRules({ product_id: productIds }, { select: ["product_id", "max_quantity", "tier_id", "segment_id"] }) : Promise.resolve([]),
    tierIds.length ? loadVisibleTiers(scope, [channel], { id: tierIds }, { ignoreFlags: true }) : Promise.resolve([]),
  ])
  const byProduct = new Map((products as ProductRow[]).map((p) => [p.id, p]))
  const facts: CatalogFacts = {
    sales_channel_id: channel,
    isPackage: (id) => {
      const tier = byProduct.get(id)?.tier
      return !!tier && !tier.archived_at
    },
    isAddon: (id) => addonRules.some((r) => r.product_id === id),
    sells: (id) => {
      const product = byProduct.get(id)
      return !!product && product.status === "published" && (product.sales_channels ?? []).some((sc) => sc?.id === channel)
    },
    maxGuests: (tierId) => {
      const tier = visible.find((t) => t.row.id === tierId)
      return tier ? tier.row.max_guests : undefined
    },
    addonLimit: (tierId, productId) => {
      const tier = visible.find((t) => t.row.id === tierId)
      return tier ? allowedAddons({ id: tier.row.id, segment_id: tier.row.segment_id }, addonRules).get(productId) : undefined
    },
  }
  const invalid = cartLineProblems(cart.items, records, facts)
  const paired = pairLines(cart.items, records).filter((p) => p.record) as { item: CheckoutItem; record: TierLineRecord }[]
  const live = paired.map(({ item, record }) => ({ ...record, title: item.title }))
  if (invalid.length || !live.some((r) => r.kind === "tier")) {
    return { invalid, conflicts: [], records: live, slots: new Map() }
  }

  const tierRecords = live.filter((r) => r.kind === "tier")
  // Every day of a multi-day package is wanted.
  const dates = tierRecords.flatMap((r) => packageDates(r.event_date, r.days)).sort()
  const tenant = await tenantAvailability(scope, { sales_channel_id: channel, from: dates[0], to: dates[dates.length - 1] })
  const today = options.today ?? tenant.today
  const region = { id: cart.region_id, currency_code: cart.currency_code }
  // The tenant's today (read with its availability) prices the date rules, with no query of its own.
  const price = await tierPricer(scope, visible, region, { today })
  const addonBases = await variantPrices(scope, live.filter((r) => r.kind === "addon").map((r) => r.variant_id), region)
  const conflicts = stalePrices(live, {
    tier: (record) => {
      const tier = visible.find((t) => t.row.id === record.tier_id)
      return tier ? price(tier, record.event_date, recordIncentive(record)) : null
    },
    addonBase: (record) => addonBases.get(record.variant_id) ?? null,
  })

  const own = options.ownClaims ?? new Map()
  const wanted = new Map<string, { count: number; product: string; title: string; date: string; pool: string; own: number }>()
  const slots = new Map<string, { pool: string; capacity: number }>()
  for (const record of tierRecords) {
    const pool = tenant.poolOf(record.product_id)
    slots.set(record.id, { pool, capacity: tenant.rulesFor(record.product_id).capacity })
    for (const date of packageDates(record.event_date, record.days)) {
      const key = `${pool}|${date}`
      const entry = wanted.get(key) ?? { count: 0, product: record.product_id, title: record.title, date, pool, own: 0 }
      entry.count += 1
      wanted.set(key, entry)
    }
  }
  // A claim this cart already holds (an earlier attempt of this checkout) is its own, not a rival's.
  for (const claim of own.values()) {
    const entry = wanted.get(`${claim.pool}|${claim.event_date}`)
    if (entry) {
      entry.own += 1
    }
  }
  for (const want of wanted.values()) {
    const held = tenant.held(want.pool, want.date)
    // Say `held` when rivals' holds are what stand in the way (this cart's own are not rivals).
    const day = dateAvailability(want.date, today, tenant.rulesFor(want.product), tenant.booked(want.pool, want.date) - want.own, {
      count: Math.max(0, held.count - want.own),
      until: held.until,
    })
    if (!isBookable(day.status) || day.remaining < want.count) {
      conflicts.push(`${want.date} is no longer available for ${want.title} (${day.status.replace("_", " ")})`)
    }
  }
  return { invalid, conflicts, records: live, slots }
}

/** The capacity pool and the number of bookings it takes, for a tier product on a date. */
export async function slotRules(scope: MedusaContainer, salesChannelId: string, productId: string, date: string) {
  const tenant = await tenantAvailability(scope, { sales_channel_id: salesChannelId, from: date, to: date })
  return { pool: tenant.poolOf(productId), capacity: tenant.rulesFor(productId).capacity }
}
