import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../modules/tier-analytics"
import type { ConversionInput } from "../../modules/tier-analytics/service"

const isDuplicate = (e: unknown) => /already exists|unique|duplicate/i.test(String((e as Error)?.message))

/** Writes the conversion once; a second delivery of the same event (or a racing worker) writes nothing. */
export const recordConversionStep = createStep(
  "record-conversion",
  async (input: ConversionInput | null, { container }) => {
    if (!input) {
      return new StepResponse(null, null)
    }
    const service: TierAnalyticsModuleService = container.resolve(TIER_ANALYTICS_MODULE)
    try {
      const conversion = await service.recordConversion(input)
      return new StepResponse(conversion, conversion?.id ?? null)
    } catch (e) {
      if (isDuplicate(e)) {
        return new StepResponse(null, null)
      }
      throw e
    }
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: TierAnalyticsModuleService = container.resolve(TIER_ANALYTICS_MODULE)
    const lines = await service.listConversionLines({ conversion_id: id }, { select: ["id"] })
    await service.deleteConversionLines(lines.map((l) => l.id))
    await service.deleteConversions(id)
  }
)
