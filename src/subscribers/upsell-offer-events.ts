import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { UpsellEvents } from "../workflows/create-upsell-offers"
import { trackUpsellEventWorkflow, UpsellEventData } from "../workflows/track-upsell-event"

const NAMES = {
  [UpsellEvents.SHOWN]: "upsell_shown",
  [UpsellEvents.ACCEPTED]: "upsell_accepted",
  [UpsellEvents.DECLINED]: "upsell_declined",
} as const

/**
 * Offers shown and decided reach the host's Analytics module from the server,
 * where they are known for sure; the storefront's own upsell_* funnel events
 * are stored for the funnel but not forwarded again.
 */
export default async function upsellOfferEvents({ event, container }: SubscriberArgs<UpsellEventData>) {
  const name = NAMES[event.name as keyof typeof NAMES]
  if (name) {
    await trackUpsellEventWorkflow(container).run({ input: { name, offer: event.data } })
  }
}

export const config: SubscriberConfig = {
  event: [UpsellEvents.SHOWN, UpsellEvents.ACCEPTED, UpsellEvents.DECLINED],
}
