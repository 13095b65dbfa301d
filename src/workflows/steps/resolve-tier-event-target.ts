import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import { loadVisibleTiers } from "../../queries/catalog"

export type ResolveTierEventTargetInput = {
  /** The publishable key's sales channels: the tier and the segment must be visible in one. */
  sales_channel_ids: string[]
  tier_id?: string
  /** A segment's handle or id. */
  segment?: string
}

export type TierEventTarget = { segment_id: string | null; tier_id: string | null; sales_channel_id: string }

/**
 * The tier, segment and channel a funnel event is about: 404 for what the key cannot see, 400 for
 * a tier outside the named segment, 403 for a key without a channel. The channel is the tier's.
 */
export const resolveTierEventTargetStep = createStep(
  "resolve-tier-event-target",
  async (input: ResolveTierEventTargetInput, { container }) => {
    const channels = input.sales_channel_ids
    let segmentId: string | null = null
    let tierId: string | null = null
    let channel = channels[0]
    if (input.tier_id) {
      const [tier] = await loadVisibleTiers(container, channels, { id: [input.tier_id] }, { cached: true })
      if (!tier) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${input.tier_id} was not found`)
      }
      tierId = tier.row.id
      segmentId = tier.row.segment_id
      channel = channels.find((c) => tier.row.product?.sales_channels?.some((sc) => sc?.id === c)) ?? channel
    }
    if (input.segment) {
      const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
      const [segment] = await service.listSegments({ $or: [{ handle: input.segment }, { id: input.segment }], is_active: true }, { select: ["id"] })
      const visible = segment ? await loadVisibleTiers(container, channels, { segment_id: [segment.id] }, { cached: true }) : []
      if (!segment || !visible.length) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment ${input.segment} was not found`)
      }
      if (segmentId && segmentId !== segment.id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Tier ${input.tier_id} is not in segment ${input.segment}`)
      }
      segmentId = segment.id
    }
    if (!channel) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The publishable key has no sales channel")
    }
    return new StepResponse<TierEventTarget>({ segment_id: segmentId, tier_id: tierId, sales_channel_id: channel })
  }
)
