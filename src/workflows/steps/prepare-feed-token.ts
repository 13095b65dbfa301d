import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { newFeedToken } from "../../lib/calendar-feed"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

export type PrepareFeedTokenInput = { sales_channel_id: string; rotate: boolean }

/**
 * The tenant's feed secret: the one it has, or a new one when it has none yet or the merchant
 * rotates it (`changed` then says it must be saved). Writes nothing.
 */
export const prepareFeedTokenStep = createStep(
  "prepare-feed-token",
  async (input: PrepareFeedTokenInput, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [row] = await service.listAvailabilitySettings({ sales_channel_id: input.sales_channel_id }, { select: ["feed_token"] })
    const current = row?.feed_token ?? null
    if (current && !input.rotate) {
      return new StepResponse({ token: current, changed: false })
    }
    return new StepResponse({ token: newFeedToken(), changed: true })
  }
)
