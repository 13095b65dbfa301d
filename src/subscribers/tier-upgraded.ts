import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { TIER_UPGRADED } from "../workflows/upgrade-cart-tier"
import { recordConversionWorkflow } from "../workflows/record-conversion"
import type { TierUpgradeEvent } from "../workflows/steps/prepare-cart-tier-upgrade"

/** An upgraded order records what the upgrade changed; a cart's upgrade counts when the order is placed. */
export default async function tierUpgraded({ event, container }: SubscriberArgs<TierUpgradeEvent>) {
  if (!event.data.order_id) {
    return
  }
  await recordConversionWorkflow(container).run({
    input: { order_id: event.data.order_id, change: { kind: "upgrade", reference: `upgrade:${event.data.line_item_id}` } },
  })
}

export const config: SubscriberConfig = {
  event: TIER_UPGRADED,
}
