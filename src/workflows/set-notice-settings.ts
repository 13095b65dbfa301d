import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { NoticeSettingsChange, setNoticeSettingsStep } from "./steps/set-notice-settings"

export type SetNoticeSettingsWorkflowInput = NoticeSettingsChange

/** Turns a tenant's notification templates on or off and sets its option warning window; 404 for an unknown sales channel. */
export const setNoticeSettingsWorkflow = createWorkflow("set-notice-settings", (input: SetNoticeSettingsWorkflowInput) => {
  useQueryGraphStep({ entity: "sales_channel", fields: ["id"], filters: { id: input.sales_channel_id }, options: { throwIfKeyNotFound: true } })
  return new WorkflowResponse(setNoticeSettingsStep(input))
})
