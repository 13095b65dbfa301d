import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { buildNoticeStep, NoticeRequest } from "./steps/build-notice"
import { retireFailedNoticeStep } from "./steps/retire-failed-notice"

export type SendNoticeWorkflowInput = NoticeRequest

export type SendNoticeResult = {
  /** Ids of the notifications sent now; empty when the idempotency key was sent before. */
  sent: string[]
  skipped: string | null
}

/**
 * Sends the notification an event warrants through Medusa's Notification module, once: its
 * idempotency key makes a redelivered event send nothing more; a send that failed is retried.
 */
export const sendNoticeWorkflow = createWorkflow("send-notice", (input: SendNoticeWorkflowInput) => {
  const built = buildNoticeStep(input)
  const notification = retireFailedNoticeStep(transform({ built }, ({ built }) => built.notification))
  const sent = sendNotificationsStep(transform({ notification }, ({ notification }) => (notification ? [notification] : [])))
  return new WorkflowResponse(
    transform({ built, sent }, ({ built, sent }): SendNoticeResult => ({ sent: (sent ?? []).map((n) => n.id), skipped: built.skipped }))
  )
})
