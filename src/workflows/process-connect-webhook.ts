import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type Stripe from "stripe"
import { markWebhookProcessedStep } from "./steps/mark-webhook-processed"
import { syncConnectedAccountStep } from "./steps/sync-connected-account"

export type ProcessConnectWebhookResult = {
  /** False for an event processed before (a retry, or a racing delivery). */
  processed: boolean
  /** An account.updated older than the stored status: recorded as processed, the account left as it was. */
  stale: boolean
}

/**
 * Acts on a verified Connect event once: account.updated keeps the tenant's account status
 * current, in the order Stripe created the events rather than the order they arrive.
 */
export const processConnectWebhookWorkflow = createWorkflow("process-connect-webhook", (input: { event: Stripe.Event }) => {
  const fresh = markWebhookProcessedStep(transform({ input }, ({ input }) => ({ event_id: input.event.id, type: input.event.type })))
  const synced = when({ input, fresh }, ({ input, fresh }) => fresh && input.event.type === "account.updated").then(() =>
    syncConnectedAccountStep(
      transform({ input }, ({ input }) => {
        const created = new Date(Number(input.event.created) * 1000)
        return {
          account: input.event.data.object as Stripe.Account,
          // Stripe stamps every event; one without a usable stamp is taken as current.
          as_of: Number.isNaN(created.getTime()) ? undefined : created.toISOString(),
        }
      })
    )
  )
  const result = transform({ fresh, synced }, ({ fresh, synced }): ProcessConnectWebhookResult => ({
    processed: fresh,
    stale: !!synced?.account && !synced.applied,
  }))
  return new WorkflowResponse(result)
})
