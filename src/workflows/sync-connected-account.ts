import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SyncConnectedAccountInput, syncConnectedAccountStep } from "./steps/sync-connected-account"

export const syncConnectedAccountWorkflow = createWorkflow("sync-connected-account", (input: SyncConnectedAccountInput) => {
  return new WorkflowResponse(syncConnectedAccountStep(input))
})
