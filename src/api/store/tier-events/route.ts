import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../../modules/segments"
import { loadVisibleTiers } from "../../../queries/catalog"
import { requestVisitor } from "../../../queries/visitor"
import { recordTierEventWorkflow } from "../../../workflows/record-tier-event"
import { takeStoreRateLimits } from "../../utils/rate-limit"
import { StoreTierEventType } from "./validators"

/**
 * Records a funnel event for the key's tenant under the visitor's signed id (a fresh one when
 * the id sent is not the server's): 202 with the id the storefront keeps.
 */
export const POST = async (req: MedusaStoreRequest<StoreTierEventType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const channels = req.publishable_key_context.sales_channel_ids
  let segmentId: string | null = null
  let tierId: string | null = null
  let channel = channels[0]
  if (body.tier_id) {
    const [tier] = await loadVisibleTiers(req.scope, channels, { id: [body.tier_id] }, { cached: true })
    if (!tier) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${body.tier_id} was not found`)
    }
    tierId = tier.row.id
    segmentId = tier.row.segment_id
    channel = channels.find((c) => tier.row.product?.sales_channels?.some((sc) => sc?.id === c)) ?? channel
  }
  if (body.segment) {
    const service: SegmentsModuleService = req.scope.resolve(SEGMENTS_MODULE)
    const [segment] = await service.listSegments({ $or: [{ handle: body.segment }, { id: body.segment }], is_active: true }, { select: ["id"] })
    const visible = segment ? await loadVisibleTiers(req.scope, channels, { segment_id: [segment.id] }, { cached: true }) : []
    if (!segment || !visible.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment ${body.segment} was not found`)
    }
    if (segmentId && segmentId !== segment.id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Tier ${body.tier_id} is not in segment ${body.segment}`)
    }
    segmentId = segment.id
  }
  if (!channel) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The publishable key has no sales channel")
  }
  const { visitor_id } = await requestVisitor(req.scope, body.visitor_id)
  await takeStoreRateLimits(req.scope, "events", channel, { visitor_id, address: req.ip })
  await recordTierEventWorkflow(req.scope).run({
    input: {
      name: body.name,
      visitor_id,
      sales_channel_id: channel,
      segment_id: segmentId,
      tier_id: tierId,
      properties: body.properties ?? null,
    },
  })
  res.status(202).json({ accepted: true, visitor_id })
}
