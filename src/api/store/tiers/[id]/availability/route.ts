import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { addDays, MAX_DATE, minDate, todayUtc } from "../../../../../lib/dates"
import { productAvailability } from "../../../../../queries/availability"
import { loadVisibleTiers } from "../../../../../queries/catalog"
import { sendStoreAnswer } from "../../../../utils/store-answer"
import { MAX_RANGE_DAYS, rangeLength } from "../../../../utils/validators"
import { StoreTierAvailabilityType } from "../../validators"
import type { StoreTierAvailabilityResponse } from "../../../../../contract/store"

const DEFAULT_DAYS = 90

/**
 * Each date's status for the tier, for the tenant of the key that sells it.
 * Without `from`/`to` it answers the next 90 days from today (UTC).
 */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreTierAvailabilityType>,
  res: MedusaResponse<StoreTierAvailabilityResponse>
) => {
  const channels = req.publishable_key_context.sales_channel_ids
  const from = req.validatedQuery.from ?? todayUtc()
  const to = req.validatedQuery.to ?? minDate(addDays(from, DEFAULT_DAYS - 1), MAX_DATE)
  if (to < from || rangeLength(from, to) > MAX_RANGE_DAYS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `from (${from}) must not be after to (${to}), and a call covers at most ${MAX_RANGE_DAYS} days`
    )
  }
  const key = { route: "availability", tier_id: req.params.id, from, to }
  await sendStoreAnswer<StoreTierAvailabilityResponse>(req, res, "availability", key, async () => {
    const [tier] = await loadVisibleTiers(req.scope, channels, { id: [req.params.id] }, { cached: true })
    if (!tier) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${req.params.id} was not found`)
    }
    const productChannels = new Set((tier.row.product!.sales_channels ?? []).map((sc) => sc.id))
    const salesChannelId = channels.find((id) => productChannels.has(id))!
    const dates = await productAvailability(req.scope, {
      sales_channel_id: salesChannelId,
      product_id: tier.row.product!.id,
      from,
      to,
    })
    return { tier_id: tier.row.id, dates }
  })
}
