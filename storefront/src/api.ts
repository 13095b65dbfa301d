import { FetchError } from "@medusajs/js-sdk"
import { FunnelEvent } from "@tiered/client"
import { sdk } from "./sdk"
import { visitorId } from "./visitor"

export { sdk }

/** A funnel event of this visitor; a failed event never stops the journey. */
export function track(name: FunnelEvent, details: { segment?: string; tier_id?: string; properties?: Record<string, string | number | boolean | null> } = {}) {
  visitorId()
    .then((visitor_id) => sdk.tiered.events.track({ name, visitor_id, ...details }))
    .catch(() => {})
}

/** What to tell the customer when a call failed: the store's own message when it gave one. */
export function problem(error: unknown): string {
  if (error instanceof FetchError && error.message) {
    return error.message
  }
  return "The store could not be reached. Check your connection and try again."
}

export function statusOf(error: unknown): number | undefined {
  return error instanceof FetchError ? error.status : undefined
}

/** The order Medusa's cart completion answers. */
export type PlacedOrder = Extract<Awaited<ReturnType<typeof sdk.store.cart.complete>>, { type: "order" }>["order"]
