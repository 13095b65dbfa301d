import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type Stripe from "stripe"
import { syncConnectedAccountStep } from "./steps/sync-connected-account"

export const syncConnectedAccountWorkflow = createWorkflow("sync-connected-account", (input: { account: Stripe.Account }) => {
  return new WorkflowResponse(syncConnectedAccountStep(input))
})
