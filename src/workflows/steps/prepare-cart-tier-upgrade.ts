import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TierUpgrade } from "../../contract/store"
import { PlannedLine, plannedLine } from "../../lib/cart-lines"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { isLapsedHold } from "../../modules/booking/service"
import { loadCartTierLines } from "../../queries/cart"
import { recordOfUpgrade } from "../../queries/upgrade"
import { checkUpgradeFits, planUpgrade } from "../utils/upgrade"
import type { TierLineUpdate } from "./create-tier-lines"

export type UpgradeCartTierInput = {
  cart_id: string
  line_item_id: string
  to_tier_id: string
  offer_id?: string
  /** The publishable key's sales channels: the cart must be in one of them. */
  sales_channel_ids: string[]
}

/** What an upgrade did: the storefront reads it in the route's answer, subscribers in `tier.upgraded`. */
export type TierUpgradeEvent = TierUpgrade

/**
 * Checks a cart's tier line can move to the target tier and prices the new
 * line (same date, guests and add-ons, the offer's incentive when one was
 * accepted), from the plugin's records of the cart's lines. Reads only; the
 * calling workflow holds the cart lock.
 */
export const prepareCartTierUpgradeStep = createStep(
  "prepare-cart-tier-upgrade",
  async (input: UpgradeCartTierInput, { container }) => {
    const cart = await loadCartTierLines(container, input.cart_id, input.sales_channel_ids)
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart.id} is already completed`)
    }
    const item = cart.items.find((i) => i.id === input.line_item_id)
    const line = cart.tier_lines.find((l) => l.id === input.line_item_id)
    if (!item) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Line item ${input.line_item_id} was not found in cart ${cart.id}`)
    }
    if (!line) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line item ${item.id} is not a tier line; only a tier can be upgraded`)
    }
    const current = line.record
    const hold = await (container.resolve(BOOKING_MODULE) as BookingModuleService).liveBookingOf(current.id)
    const plan = await planUpgrade(container, {
      sales_channel_ids: [cart.sales_channel_id],
      region: { id: cart.region_id!, currency_code: cart.currency_code },
      from_tier_id: current.tier_id,
      to_tier_id: input.to_tier_id,
      event_date: current.event_date,
      current_price: current.unit_price,
      offer_id: input.offer_id,
    // A cart's prices are verified against the database again at checkout.
    }, { cached: true })
    if (!plan.quote.allowed) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, plan.quote.reason!)
    }
    const addonRecords = cart.records.filter((r) => r.kind === "addon" && r.parent_id === current.id)
    await checkUpgradeFits(container, {
      sales_channel_id: cart.sales_channel_id,
      from: plan.from,
      to: plan.to,
      line: {
        tier_id: current.tier_id,
        event_date: current.event_date,
        guest_count: current.guest_count,
        unit_price: current.unit_price,
        addons: addonRecords.map((r) => ({ product_id: r.product_id, title: cart.items.find((i) => i.id === r.cart_line_item_id)!.title, quantity: r.quantity })),
      },
      // The cart's other lines hold their dates: they are among the date's bookings already, as is this line's own live hold.
      booked: !!hold && !isLapsedHold(hold, new Date()),
      days_may_change: true,
    })
    const upgraded: PlannedLine = plannedLine(recordOfUpgrade(current, plan))
    const event: TierUpgradeEvent = {
      cart_id: cart.id,
      order_id: null,
      sales_channel_id: cart.sales_channel_id,
      line_item_id: item.id,
      from_tier_id: current.tier_id,
      to_tier_id: plan.to.row.id,
      offer_id: plan.offer_id,
      price_difference: plan.quote.price_difference,
      currency_code: cart.currency_code,
    }
    // Add-ons follow the new tier: their commission is the parent tier's segment rate.
    const record_updates: TierLineUpdate[] = [
      { id: current.id, status: "replaced" },
      ...addonRecords.map((r) => ({ id: r.id, parent_id: upgraded.record.id, tier_id: plan.to.row.id, segment_id: plan.to.row.segment_id })),
    ]
    return new StepResponse({
      hold: {
        from_record_id: current.id,
        to_record_id: upgraded.record.id,
        sales_channel_id: cart.sales_channel_id,
        cart_id: cart.id,
        tier_id: plan.to.row.id,
        product_id: plan.to.row.product!.id,
        event_date: current.event_date,
        from_days: current.days,
        days: plan.to.row.days ?? 1,
        guest_count: current.guest_count,
        tier_name: plan.to.row.name,
      },
      line: upgraded,
      old_line_id: item.id,
      record_updates,
      addon_metadata: addonRecords.map((r) => {
        const metadata = cart.items.find((i) => i.id === r.cart_line_item_id)!.metadata ?? {}
        return { id: r.cart_line_item_id!, metadata: { ...metadata, tier_id: plan.to.row.id, segment_id: plan.to.row.segment_id } }
      }),
      event,
    })
  }
)
