import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type Stripe from "stripe"
import { STRIPE_CONNECT_MODULE, StripeConnectModuleService } from "../../../modules/stripe-connect"
import { processConnectWebhookWorkflow } from "../../../workflows/process-connect-webhook"
import type { ConnectWebhookResponse } from "../../../contract/admin"

/**
 * Stripe's Connect webhook endpoint. The signature is checked against the raw
 * body (400 and nothing changes when it does not match); each event acts once,
 * and an account.updated older than the stored status is recorded but `stale`.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse<ConnectWebhookResponse>) => {
  const service: StripeConnectModuleService = req.scope.resolve(STRIPE_CONNECT_MODULE)
  const { webhookSecret } = await service.getSettings()
  const signature = req.headers["stripe-signature"]
  let event: Stripe.Event
  try {
    event = (await service.getStripe()).webhooks.constructEvent(req.rawBody as Buffer, String(signature ?? ""), webhookSecret)
  } catch (e) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Webhook signature did not verify: ${(e as Error).message}`)
  }
  const { result } = await processConnectWebhookWorkflow(req.scope).run({ input: { event } })
  res.json({ received: true, duplicate: !result.processed, stale: result.stale })
}
