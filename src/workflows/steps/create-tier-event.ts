import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../modules/tier-analytics"
import type { FunnelEvent } from "../../modules/tier-analytics/models/tier-event"

export type TierEventInput = {
  name: FunnelEvent
  visitor_id: string
  sales_channel_id: string
  segment_id: string | null
  tier_id: string | null
  properties: Record<string, unknown> | null
}

export const createTierEventStep = createStep(
  "create-tier-event",
  async (input: TierEventInput, { container }) => {
    const service: TierAnalyticsModuleService = container.resolve(TIER_ANALYTICS_MODULE)
    const event = await service.createTierEvents(input)
    return new StepResponse(event, event.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: TierAnalyticsModuleService = container.resolve(TIER_ANALYTICS_MODULE)
    await service.deleteTierEvents(id)
  }
)
