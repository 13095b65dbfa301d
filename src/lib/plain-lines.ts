import { reservedMetadataKeys } from "./cart-lines"

/** What the store knows of a variant a storefront wants as a plain line (through Medusa's line routes). */
export type VariantSale = {
  variant_id: string
  product_id: string
  /** The product's title, named in refusals only once the product is known to be the cart's channel's. */
  title: string
  status: string
  sales_channel_ids: string[]
}

/** The products sold only through tier-items: tiers' packages (with the tier's name) and add-ons. */
export type TierItemProducts = { packages: Map<string, string>; addons: Set<string> }

export type PlainLine = { variant_id: string; metadata?: unknown }

/**
 * Why a line may not go into a cart of `channelId` through Medusa's line routes, or null when it
 * may: a product the channel does not sell (named by variant only, since it may be another
 * tenant's), a tier's package or an add-on (sold with their date and price by `tierItemsRoute`),
 * or metadata keys the plugin reserves for its own lines.
 */
export function plainLineRefusal(
  line: PlainLine,
  sale: VariantSale | undefined,
  channelId: string,
  products: TierItemProducts,
  tierItemsRoute: string
): string | null {
  if (!sale || sale.status !== "published" || !sale.sales_channel_ids.includes(channelId)) {
    return `Variant ${line.variant_id} is not sold in this cart's sales channel`
  }
  const tierName = products.packages.get(sale.product_id)
  if (tierName !== undefined) {
    return `${tierName} is a package sold for a date: add it with ${tierItemsRoute}`
  }
  if (products.addons.has(sale.product_id)) {
    return `${sale.title} is an add-on sold with a package: add it with ${tierItemsRoute} in addon_variant_ids`
  }
  const reserved = reservedMetadataKeys(line.metadata)
  if (reserved.length) {
    return `${sale.title}: the metadata keys ${reserved.join(", ")} are reserved for the plugin's tier lines`
  }
  return null
}

/** The first refusal among the lines, or null when all of them may go in. */
export function firstPlainLineRefusal(
  lines: PlainLine[],
  sales: Map<string, VariantSale>,
  channelId: string,
  products: TierItemProducts,
  tierItemsRoute: string
): string | null {
  for (const line of lines) {
    const refusal = plainLineRefusal(line, sales.get(line.variant_id), channelId, products, tierItemsRoute)
    if (refusal) {
      return refusal
    }
  }
  return null
}
