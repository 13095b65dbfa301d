import { LinkDefinition } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import TierProductLink from "../../links/tier-product"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"

export type TierProductAssignment = { tier_id: string; product_id: string | null }

export type TierProductLinkPlan = { create: LinkDefinition[]; dismiss: LinkDefinition[] }

export function tierProductLink(tierId: string, productId: string): LinkDefinition {
  return {
    [SEGMENTS_MODULE]: { tier_id: tierId },
    [Modules.PRODUCT]: { product_id: productId },
  }
}

/**
 * Works out which tier-product links to dismiss and create so that each tier
 * gets the given product (or none). A product stays the package of one live
 * tier only; a link left on an archived or deleted tier is moved.
 */
export const prepareTierProductLinksStep = createStep(
  "prepare-tier-product-links",
  async (assignments: TierProductAssignment[], { container }) => {
    const plan: TierProductLinkPlan = { create: [], dismiss: [] }
    if (!assignments.length) {
      return new StepResponse(plan)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)

    const productIds = [...new Set(assignments.flatMap((a) => (a.product_id ? [a.product_id] : [])))]
    const tierIds = assignments.map((a) => a.tier_id)

    if (productIds.length) {
      const { data: products } = await query.graph({
        entity: "product",
        fields: ["id"],
        filters: { id: productIds },
      })
      const missing = productIds.find((id) => !products.some((p) => p.id === id))
      if (missing) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${missing} was not found`)
      }
    }

    const { data: links } = await query.graph({
      entity: TierProductLink.entryPoint,
      fields: ["tier_id", "product_id"],
      filters: { $or: [{ tier_id: tierIds }, ...(productIds.length ? [{ product_id: productIds }] : [])] },
    })
    const linkedTierIds = [...new Set(links.map((l) => l.tier_id as string))]
    const liveTiers = linkedTierIds.length
      ? await service.listTiers({ id: linkedTierIds, archived_at: null }, { select: ["id", "name"] })
      : []

    for (const { tier_id, product_id } of assignments) {
      for (const link of links) {
        const sameTier = link.tier_id === tier_id
        const sameProduct = product_id && link.product_id === product_id
        if (sameTier && sameProduct) {
          continue
        }
        if (sameTier) {
          plan.dismiss.push(tierProductLink(link.tier_id, link.product_id))
          continue
        }
        if (sameProduct) {
          const holder = liveTiers.find((t) => t.id === link.tier_id)
          if (holder) {
            throw new MedusaError(
              MedusaError.Types.INVALID_DATA,
              `Product ${product_id} is already the package of tier "${holder.name}" (${holder.id}); remove it from that tier first`
            )
          }
          plan.dismiss.push(tierProductLink(link.tier_id, link.product_id))
        }
      }
      const alreadyLinked = links.some((l) => l.tier_id === tier_id && l.product_id === product_id)
      if (product_id && !alreadyLinked) {
        plan.create.push(tierProductLink(tier_id, product_id))
      }
    }
    return new StepResponse(plan)
  }
)
