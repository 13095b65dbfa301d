import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { loadRegion } from "../../../../queries/catalog"
import { bookedTierLine, planUpgrade } from "../../../../queries/upgrade"
import { StoreUpgradeQuoteType } from "../validators"

/** What an upgrade would cost: from a cart line or an order's tier line, or from the tier's own price for the date. */
export const POST = async (req: MedusaStoreRequest<StoreUpgradeQuoteType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const channels = req.publishable_key_context.sales_channel_ids
  const region = await loadRegion(req.scope, body.region_id, { cached: true })
  const line = await bookedTierLine(req.scope, { ...body, sales_channel_ids: channels })
  if (line && line.currency_code !== region.currency_code) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Region ${region.id} prices in ${region.currency_code}, the booking in ${line.currency_code}`)
  }
  const { quote } = await planUpgrade(req.scope, {
    sales_channel_ids: line ? [line.sales_channel_id] : channels,
    region,
    from_tier_id: body.from_tier_id,
    to_tier_id: body.to_tier_id,
    event_date: body.event_date ?? line?.event_date ?? null,
    current_price: line?.unit_price,
    offer_id: body.offer_id,
  }, { cached: true })
  res.json(quote)
}
