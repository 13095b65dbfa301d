import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { lineMetadata } from "../../lib/cart-lines"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { loadOrder } from "../../queries/order"
import { orderTierLineRecords } from "../../queries/tier-lines"
import { recordOfUpgrade } from "../../queries/upgrade"
import { checkUpgradeFits, planUpgrade } from "../utils/upgrade"
import { ConflictError } from "../../lib/errors"
import { TierUpgradeEvent } from "./prepare-cart-tier-upgrade"

/** Medusa's order change description for an upgrade, which the reconciler recognizes. */
export const ORDER_UPGRADE_DESCRIPTION = "Tier upgrade"

export type UpgradeOrderTierInput = {
  order_id: string
  line_item_id: string
  to_tier_id: string
  offer_id?: string
  customer_id: string
  sales_channel_ids: string[]
}

/**
 * Checks that a customer's placed booking can move to the target tier and
 * prices the new line, from the plugin's records of the order's lines. Reads
 * only; the calling workflow holds the order lock.
 */
export const prepareOrderTierUpgradeStep = createStep(
  "prepare-order-tier-upgrade",
  async (input: UpgradeOrderTierInput, { container }) => {
    const order = await loadOrder(container, input.order_id, {
      sales_channel_ids: input.sales_channel_ids,
      customer_id: input.customer_id,
    })
    if (order.status === "canceled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${order.id} is canceled; it cannot be upgraded`)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: changes } = await query.graph({
      entity: "order_change",
      fields: ["id"],
      filters: { order_id: order.id, status: ["pending", "requested"] },
    })
    if (changes.length) {
      throw new ConflictError(`Order ${order.id} has a change in progress; try again once it is settled`)
    }
    const item = order.items.find((i) => i.id === input.line_item_id && i.quantity > 0)
    if (!item) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Line item ${input.line_item_id} was not found in order ${order.id}`)
    }
    const records = await orderTierLineRecords(container, order.id)
    const current = records.find((r) => r.order_line_item_id === item.id)
    if (current?.kind !== "tier") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line item ${item.id} is not a tier line; only a tier can be upgraded`)
    }
    const plan = await planUpgrade(container, {
      sales_channel_ids: [order.sales_channel_id!],
      region: { id: order.region_id!, currency_code: order.currency_code },
      from_tier_id: current.tier_id,
      to_tier_id: input.to_tier_id,
      event_date: current.event_date,
      current_price: item.unit_price,
      offer_id: input.offer_id,
    })
    if (!plan.quote.allowed) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, plan.quote.reason!)
    }
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const booking = await bookings.liveBookingOf(current.id)
    if (!booking || booking.status !== "confirmed") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The booking of line item ${item.id} is no longer confirmed; it cannot be upgraded`)
    }
    const addonRecords = records.filter((r) => r.kind === "addon" && r.parent_id === current.id)
    const { pool } = await checkUpgradeFits(container, {
      sales_channel_id: order.sales_channel_id!,
      from: plan.from,
      to: plan.to,
      line: {
        tier_id: current.tier_id,
        event_date: current.event_date,
        guest_count: current.guest_count,
        unit_price: item.unit_price,
        addons: addonRecords.map((r) => ({
          product_id: r.product_id,
          title: order.items.find((i) => i.id === r.order_line_item_id)?.title ?? r.product_id,
          quantity: r.quantity,
        })),
      },
      booked: true,
    })
    const record = recordOfUpgrade(current, plan)
    const event: TierUpgradeEvent = {
      cart_id: null,
      order_id: order.id,
      sales_channel_id: order.sales_channel_id!,
      line_item_id: item.id,
      from_tier_id: current.tier_id,
      to_tier_id: plan.to.row.id,
      offer_id: plan.offer_id,
      price_difference: plan.quote.price_difference,
      currency_code: order.currency_code,
    }
    return new StepResponse({
      record,
      new_item: {
        variant_id: plan.to.variant_id,
        quantity: 1,
        unit_price: plan.price.final,
        metadata: lineMetadata(record) as unknown as Record<string, unknown>,
      },
      old_item_id: item.id,
      pool,
      event,
    })
  }
)
