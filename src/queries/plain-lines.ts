import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { TierItemProducts, VariantSale } from "../lib/plain-lines"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import type { ReadOptions } from "./catalog"
import { cachedRead } from "./store-cache"

type VariantRow = {
  id: string
  product?: { id: string; title: string; status: string; sales_channels_link?: ({ sales_channel_id: string } | null)[] | null } | null
}

/**
 * The variants' products with their status and sales channels, read from the database: the ids
 * come from the storefront, so caching them would let anyone fill the cache.
 */
export async function loadVariantSales(scope: MedusaContainer, variantIds: string[]): Promise<Map<string, VariantSale>> {
  const ids = [...new Set(variantIds)]
  if (!ids.length) {
    return new Map()
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "variant",
    // The link's own rows: the channel ids are all we need, without reading the sales channels.
    fields: ["id", "product.id", "product.title", "product.status", "product.sales_channels_link.sales_channel_id"],
    filters: { id: ids },
  })
  const sales = new Map<string, VariantSale>()
  const rows: VariantRow[] = data
  for (const row of rows) {
    if (!row.product) {
      continue
    }
    sales.set(row.id, {
      variant_id: row.id,
      product_id: row.product.id,
      title: row.product.title,
      status: row.product.status,
      sales_channel_ids: (row.product.sales_channels_link ?? []).flatMap((link) => (link ? [link.sales_channel_id] : [])),
    })
  }
  return sales
}

/** Every tier's package (archived tiers and inactive segments included) and every add-on product. */
export async function loadTierItemProducts(scope: MedusaContainer, options: ReadOptions = {}): Promise<TierItemProducts> {
  const compute = async (): Promise<TierItemEntries> => {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const service: SegmentsModuleService = scope.resolve(SEGMENTS_MODULE)
    const [{ data: tiers }, rules] = await Promise.all([
      query.graph({ entity: "tier", fields: ["id", "name", "product.id"] }),
      service.listAddonRules({}, { select: ["product_id"] }),
    ])
    // Entries, not a Map, so the answer survives a JSON cache (Redis).
    return {
      packages: tiers.flatMap((t: { name: string; product?: { id: string } | null }) =>
        t.product ? [[t.product.id, t.name] as [string, string]] : []
      ),
      addons: [...new Set(rules.map((r) => r.product_id))],
    }
  }
  const entries = options.cached ? await cachedRead(scope, "tierItemProducts", {}, compute) : await compute()
  let products = built.get(entries)
  if (!products) {
    products = { packages: new Map(entries.packages), addons: new Set(entries.addons) }
    built.set(entries, products)
  }
  return products
}

type TierItemEntries = { packages: [string, string][]; addons: string[] }

// An in-memory cache hands back the same entries until they change: build their lookups once.
const built = new WeakMap<TierItemEntries, TierItemProducts>()
