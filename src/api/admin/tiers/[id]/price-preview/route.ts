import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { datesBetween, MAX_RANGE_DAYS, todayUtc } from "../../../../../lib/dates"
import { priceTier } from "../../../../../lib/pricing"
import { loadActivePricingRules, loadRegion, variantPrices } from "../../../../../queries/catalog"
import { AdminPricePreviewType } from "../../validators"

/** The tier's price for each date of a range, with the rules that fired, as the storefront would see it today. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminPricePreviewType>,
  res: MedusaResponse
) => {
  const { region_id, from, to } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "tier",
    fields: ["id", "segment_id", "product.variants.id", "product.variants.variant_rank"],
    filters: { id: req.params.id },
  })
  const tier = data[0] as
    | { id: string; segment_id: string; product?: { variants?: { id: string; variant_rank?: number | null }[] } | null }
    | undefined
  if (!tier) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${req.params.id} was not found`)
  }
  const variant = [...(tier.product?.variants ?? [])].sort((a, b) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0))[0]
  if (!variant) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Tier ${tier.id} has no product to price; assign one first`)
  }
  const region = await loadRegion(req.scope, region_id)
  const [prices, rules] = await Promise.all([
    variantPrices(req.scope, [variant.id], region),
    loadActivePricingRules(req.scope),
  ])
  const base = prices.get(variant.id)
  if (base === null || base === undefined) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Tier ${tier.id} has no price in ${region.currency_code.toUpperCase()}`
    )
  }
  const today = todayUtc()
  res.json({
    tier_id: tier.id,
    currency_code: region.currency_code,
    base,
    today,
    dates: datesBetween(from, to, MAX_RANGE_DAYS).map((date) => {
      const price = priceTier({ base, currency_code: region.currency_code, event_date: date, today, segment_id: tier.segment_id, rules })
      return { date, final: price.final, adjustments: price.adjustments }
    }),
  })
}
