import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import { pricingRuleProblems } from "../../lib/pricing"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import { PricingRuleFields } from "../../modules/segments/types"

export type PricingRuleCandidate = { id?: string } & Partial<PricingRuleFields>

/**
 * Checks each rule as it will be after the change (a partial update is merged
 * with the stored rule first) and that its scope names existing segments.
 */
export const validatePricingRulesStep = createStep(
  "validate-pricing-rules",
  async (candidates: PricingRuleCandidate[], { container }) => {
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const ids = candidates.flatMap((c) => (c.id ? [c.id] : []))
    const stored = ids.length ? await service.listPricingRules({ id: ids }) : []
    const segmentIds = new Set<string>()
    for (const candidate of candidates) {
      const before = candidate.id ? stored.find((r) => r.id === candidate.id) : undefined
      if (candidate.id && !before) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pricing rule ${candidate.id} was not found`)
      }
      const merged = { ...(before ?? {}), ...candidate } as PricingRuleFields
      const problems = pricingRuleProblems({
        ...merged,
        priority: merged.priority ?? 0,
        stackable: merged.stackable ?? true,
      })
      if (problems.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Pricing rule "${merged.label}": ${problems.join("; ")}`)
      }
      candidate.segment_ids?.forEach((id) => segmentIds.add(id))
    }
    if (segmentIds.size) {
      const found = await service.listSegments({ id: [...segmentIds] }, { select: ["id"] })
      const missing = [...segmentIds].find((id) => !found.some((s) => s.id === id))
      if (missing) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Segment ${missing} in the rule's scope does not exist`)
      }
    }
  }
)
