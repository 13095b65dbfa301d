import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { datesBetween, MAX_RANGE_DAYS, todayIn } from "../lib/dates"
import { priceTier } from "../lib/pricing"
import { loadActivePricingRules, loadRegion, variantPrices } from "./catalog"
import type { PricePreview } from "../contract/admin"
import { tenantTimeZones } from "./time-zones"

export type { PricePreview }

type PreviewTierRow = {
  id: string
  segment_id: string
  product?: { variants?: { id: string; variant_rank?: number | null }[]; sales_channels?: { id: string }[] | null } | null
}

/**
 * The tier's price for each date of a range, with the rules that fired, as the storefront would
 * see it today (the tenant's today when one tenant sells the tier, else UTC's). 404 for an unknown tier; 400 when it has no product or no price in the region.
 */
export async function tierPricePreview(
  scope: MedusaContainer,
  input: { tier_id: string; region_id: string; from: string; to: string }
): Promise<PricePreview> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "tier",
    fields: ["id", "segment_id", "product.variants.id", "product.variants.variant_rank", "product.sales_channels.id"],
    filters: { id: input.tier_id },
  })
  const tier = data[0] as PreviewTierRow | undefined
  if (!tier) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${input.tier_id} was not found`)
  }
  const variant = [...(tier.product?.variants ?? [])].sort((a, b) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0))[0]
  if (!variant) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Tier ${tier.id} has no product to price; assign one first`)
  }
  const region = await loadRegion(scope, input.region_id)
  const channels = [...new Set((tier.product?.sales_channels ?? []).map((sc) => sc.id))]
  const [prices, rules, zones] = await Promise.all([
    variantPrices(scope, [variant.id], region),
    loadActivePricingRules(scope),
    tenantTimeZones(scope, channels.length === 1 ? channels : []),
  ])
  const base = prices.get(variant.id)
  if (base === null || base === undefined) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Tier ${tier.id} has no price in ${region.currency_code.toUpperCase()}`)
  }
  const today = todayIn(zones.get(channels[0]) ?? "UTC")
  return {
    tier_id: tier.id,
    currency_code: region.currency_code,
    base,
    today,
    dates: datesBetween(input.from, input.to, MAX_RANGE_DAYS).map((date) => {
      const price = priceTier({ base, currency_code: region.currency_code, event_date: date, today, segment_id: tier.segment_id, rules })
      return { date, final: price.final, adjustments: price.adjustments }
    }),
  }
}
