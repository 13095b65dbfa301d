import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, sendNotificationsStep } from "@medusajs/medusa/core-flows"
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
 * Two sends of one key at once (the subscriber and a script, two workers) take turns under a lock
 * on the key: the module checks its keys before it writes, so both would write and one would throw.
 */
export const sendNoticeWorkflow = createWorkflow("send-notice", (input: SendNoticeWorkflowInput) => {
  const built = buildNoticeStep(input)
  const lock = transform({ built }, ({ built }) => (built.notification?.idempotency_key ? `notice:${built.notification.idempotency_key}` : null))
  when("notice-lock", { lock }, ({ lock }) => !!lock).then(() => {
    acquireLockStep({ key: lock, timeout: 15, ttl: 60 })
  })
  const notification = retireFailedNoticeStep(transform({ built }, ({ built }) => built.notification))
  const sent = sendNotificationsStep(transform({ notification }, ({ notification }) => (notification ? [notification] : [])))
  when("notice-unlock", { lock }, ({ lock }) => !!lock).then(() => {
    releaseLockStep({ key: lock })
  })
  return new WorkflowResponse(
    transform({ built, sent }, ({ built, sent }): SendNoticeResult => ({ sent: (sent ?? []).map((n) => n.id), skipped: built.skipped }))
  )
})
