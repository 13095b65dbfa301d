import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { UpgradeQuote } from "../../lib/upgrade"
import { loadRegion } from "../../queries/catalog"
import { bookedTierLine, planUpgrade } from "../utils/upgrade"

export type QuoteTierUpgradeInput = {
  from_tier_id: string
  to_tier_id: string
  region_id: string
  event_date?: string
  line_item_id?: string
  order_id?: string
  offer_id?: string
  /** The publishable key's sales channels: the tiers, the line and the offer must be theirs. */
  sales_channel_ids: string[]
}

/**
 * What an upgrade would cost: from a cart line or an order's tier line, or from the tier's own
 * price for the date. A refused upgrade is a quote with its reason; unknown or foreign ids throw.
 */
export const quoteTierUpgradeStep = createStep("quote-tier-upgrade", async (input: QuoteTierUpgradeInput, { container }) => {
  const region = await loadRegion(container, input.region_id, { cached: true })
  const line = await bookedTierLine(container, input)
  if (line && line.currency_code !== region.currency_code) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Region ${region.id} prices in ${region.currency_code}, the booking in ${line.currency_code}`)
  }
  const { quote } = await planUpgrade(container, {
    sales_channel_ids: line ? [line.sales_channel_id] : input.sales_channel_ids,
    region,
    from_tier_id: input.from_tier_id,
    to_tier_id: input.to_tier_id,
    event_date: input.event_date ?? line?.event_date ?? null,
    current_price: line?.unit_price,
    offer_id: input.offer_id,
  }, { cached: true })
  return new StepResponse<UpgradeQuote>(quote)
})
