import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { prepareFeedTokenStep } from "./steps/prepare-feed-token"
import { upsertAvailabilitySettingsStep } from "./steps/upsert-availability-settings"

export type IssueCalendarFeedInput = {
  sales_channel_id: string
  /** A new secret even when the tenant has one: its old URL stops working at once. */
  rotate?: boolean
}

/**
 * The secret of a tenant's calendar feed, made on first ask (with the tenant's settings row when
 * it has none) or replaced when rotated; one at a time per tenant, so two first asks agree.
 */
export const issueCalendarFeedWorkflow = createWorkflow("issue-calendar-feed", (input: IssueCalendarFeedInput) => {
  useQueryGraphStep({
    entity: "sales_channel",
    fields: ["id"],
    filters: { id: input.sales_channel_id },
    options: { throwIfKeyNotFound: true },
  })
  const key = transform({ input }, ({ input }) => `calendar-feed:${input.sales_channel_id}`)
  acquireLockStep({ key, timeout: 10, ttl: 30 })
  const prepared = prepareFeedTokenStep(
    transform({ input }, ({ input }) => ({ sales_channel_id: input.sales_channel_id, rotate: !!input.rotate }))
  )
  when({ prepared }, ({ prepared }) => prepared.changed).then(() => {
    upsertAvailabilitySettingsStep(
      transform({ input, prepared }, ({ input, prepared }) => ({ sales_channel_id: input.sales_channel_id, feed_token: prepared.token }))
    )
  })
  releaseLockStep({ key })
  return new WorkflowResponse(prepared.token)
})
