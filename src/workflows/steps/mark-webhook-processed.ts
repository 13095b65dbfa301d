import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STRIPE_CONNECT_MODULE, StripeConnectModuleService } from "../../modules/stripe-connect"

const isDuplicate = (e: unknown) => /already exists|unique|duplicate/i.test(String((e as Error)?.message))

/** Claims a Stripe event; false when it was processed before (a retry, or a racing delivery). */
export const markWebhookProcessedStep = createStep(
  "mark-webhook-processed",
  async (input: { event_id: string; type: string }, { container }) => {
    const service: StripeConnectModuleService = container.resolve(STRIPE_CONNECT_MODULE)
    const [seen] = await service.listProcessedWebhooks({ event_id: input.event_id }, { select: ["id"] })
    if (seen) {
      return new StepResponse(false, null)
    }
    try {
      const row = await service.createProcessedWebhooks(input)
      return new StepResponse(true, row.id)
    } catch (e) {
      if (isDuplicate(e)) {
        return new StepResponse(false, null)
      }
      throw e
    }
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: StripeConnectModuleService = container.resolve(STRIPE_CONNECT_MODULE)
    await service.deleteProcessedWebhooks(id)
  }
)
