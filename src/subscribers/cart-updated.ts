import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { releaseHoldsWorkflow } from "../workflows/release-holds"

/** A tier line removed from its cart (Medusa's line routes emit `cart.updated`) gives its date's hold back at once. */
export default async function cartUpdated({ event, container }: SubscriberArgs<{ id: string }>) {
  if (event.data?.id) {
    await releaseHoldsWorkflow(container).run({ input: { cart_id: event.data.id } })
  }
}

export const config: SubscriberConfig = {
  event: "cart.updated",
}
