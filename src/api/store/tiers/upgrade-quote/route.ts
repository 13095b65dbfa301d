import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { loadCartLine } from "../../../../queries/cart"
import { loadRegion } from "../../../../queries/catalog"
import { loadOrder } from "../../../../queries/order"
import { planUpgrade } from "../../../../queries/upgrade"
import { StoreUpgradeQuoteType } from "../validators"

/** What an upgrade would cost: from a cart line or an order's tier line, or from the tier's own price for the date. */
export const POST = async (req: MedusaStoreRequest<StoreUpgradeQuoteType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const channels = req.publishable_key_context.sales_channel_ids
  const region = await loadRegion(req.scope, body.region_id, { cached: true })
  let line: { unit_price: number; metadata: Record<string, unknown> | null } | undefined
  let currency = region.currency_code
  let channel = channels
  if (body.line_item_id) {
    const { cart, item } = await loadCartLine(req.scope, body.line_item_id, channels)
    line = item
    currency = cart.currency_code
    channel = [cart.sales_channel_id]
  } else if (body.order_id) {
    const order = await loadOrder(req.scope, body.order_id, { sales_channel_ids: channels })
    line = order.items.find((i) => i.metadata?.tiered_kind === "tier" && i.metadata.tier_id === body.from_tier_id && i.quantity > 0)
    if (!line) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Order ${order.id} has no booking of tier ${body.from_tier_id}`)
    }
    currency = order.currency_code
    channel = [order.sales_channel_id!]
  }
  if (line && (line.metadata?.tiered_kind !== "tier" || line.metadata.tier_id !== body.from_tier_id)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line item ${body.line_item_id} is not a line of tier ${body.from_tier_id}`)
  }
  if (currency !== region.currency_code) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Region ${region.id} prices in ${region.currency_code}, the booking in ${currency}`)
  }
  const { quote } = await planUpgrade(req.scope, {
    sales_channel_ids: channel,
    region,
    from_tier_id: body.from_tier_id,
    to_tier_id: body.to_tier_id,
    event_date: body.event_date ?? (line?.metadata?.event_date as string | undefined) ?? null,
    current_price: line?.unit_price,
    offer_id: body.offer_id,
  }, { cached: true })
  res.json(quote)
}
