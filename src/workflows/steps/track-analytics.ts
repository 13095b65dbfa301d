import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GA4_EVENT_NAMES } from "../../lib/funnel"

export type AnalyticsEvent = {
  /** Our name; its GA4 ecommerce name is tracked alongside when there is one. */
  name: string
  actor_id?: string | null
  sales_channel_id: string
  properties: Record<string, unknown>
}

/**
 * Hands events to Medusa's Analytics module when the host app configured one
 * (PostHog, a custom provider); without it, nothing happens. A provider that
 * fails is logged, never fails the request: our own records are the truth.
 */
export const trackAnalyticsStep = createStep("track-analytics", async (events: AnalyticsEvent[], { container }) => {
  if (!events.length || !container.hasRegistration(Modules.ANALYTICS)) {
    return new StepResponse(0)
  }
  const analytics = container.resolve(Modules.ANALYTICS)
  let tracked = 0
  for (const event of events) {
    for (const name of [event.name, GA4_EVENT_NAMES[event.name]].filter((n): n is string => !!n)) {
      try {
        await analytics.track({
          event: name,
          actor_id: event.actor_id ?? undefined,
          group: { type: "sales_channel", id: event.sales_channel_id },
          properties: { ...event.properties, tiered_event: event.name },
        })
        tracked++
      } catch (e) {
        container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Analytics provider did not take ${name}: ${(e as Error).message}`)
      }
    }
  }
  return new StepResponse(tracked)
})
