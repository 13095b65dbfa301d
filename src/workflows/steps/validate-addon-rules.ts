import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import TierProductLink from "../../links/tier-product"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"

export type AddonRuleCandidate = {
  product_id: string
  tier_id?: string | null
  segment_id?: string | null
  max_quantity?: number
}

/** Each rule names an existing tier or segment and an existing product that is not a package. */
export const validateAddonRulesStep = createStep(
  "validate-addon-rules",
  async (candidates: AddonRuleCandidate[], { container }) => {
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    for (const rule of candidates) {
      if (!!rule.tier_id === !!rule.segment_id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "An add-on rule needs either a tier_id or a segment_id")
      }
    }
    const tierIds = candidates.flatMap((r) => (r.tier_id ? [r.tier_id] : []))
    const segmentIds = candidates.flatMap((r) => (r.segment_id ? [r.segment_id] : []))
    const productIds = [...new Set(candidates.map((r) => r.product_id))]
    const [tiers, segments, products, packages] = await Promise.all([
      tierIds.length ? service.listTiers({ id: tierIds }, { select: ["id"] }) : [],
      segmentIds.length ? service.listSegments({ id: segmentIds }, { select: ["id"] }) : [],
      query.graph({ entity: "product", fields: ["id"], filters: { id: productIds } }).then((r) => r.data),
      query
        .graph({ entity: TierProductLink.entryPoint, fields: ["product_id"], filters: { product_id: productIds } })
        .then((r) => r.data),
    ])
    const missing = (ids: string[], found: { id: string }[]) => ids.find((id) => !found.some((f) => f.id === id))
    const tier = missing(tierIds, tiers)
    if (tier) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${tier} was not found`)
    const segment = missing(segmentIds, segments)
    if (segment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment ${segment} was not found`)
    const product = missing(productIds, products as { id: string }[])
    if (product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${product} was not found`)
    const pkg = packages[0]?.product_id as string | undefined
    if (pkg) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Product ${pkg} is a tier's package and cannot be an add-on`)
    }
  }
)
