import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type Stripe from "stripe"
import { markWebhookProcessedStep } from "./steps/mark-webhook-processed"
import { syncConnectedAccountStep } from "./steps/sync-connected-account"

/** Acts on a verified Connect event once: account.updated keeps the tenant's account status current. */
export const processConnectWebhookWorkflow = createWorkflow("process-connect-webhook", (input: { event: Stripe.Event }) => {
  const fresh = markWebhookProcessedStep(transform({ input }, ({ input }) => ({ event_id: input.event.id, type: input.event.type })))
  const synced = when({ input, fresh }, ({ input, fresh }) => fresh && input.event.type === "account.updated").then(() =>
    syncConnectedAccountStep(transform({ input }, ({ input }) => ({ account: input.event.data.object as Stripe.Account })))
  )
  return new WorkflowResponse({ processed: fresh, account: synced })
})
