import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { claimVerdict, paymentAuthorized } from "../../lib/reconcile"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import type { RepairInput } from "../../modules/booking/service"
import { confirmationRepairs, confirmOrderBookings } from "./confirm-order-bookings"
import { attachPaymentPlan } from "../../queries/payment-plan"

type CartOrder = { cart_id: string; order_id: string }
type OrderRow = { id: string; status: string; sales_channel_id: string | null; payment_collections?: ({ status: string } | null)[] | null }

/**
 * Checkout claims (pending bookings) whose checkout is over: a cart that became a live order gets
 * its claims confirmed as that order's bookings (the order-created hook never ran: the process
 * died after Medusa created the order); a cart whose order was canceled, or that never became an
 * order within the grace period, gives its slots back.
 */
export const settleCheckoutClaimsStep = createStep(
  "settle-checkout-claims",
  async (input: { grace_minutes: number }, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const claims = await service.listBookings({ status: "pending" }, { select: ["id", "cart_id", "order_id", "sales_channel_id", "event_date", "tier_line_id", "updated_at"] })
    if (!claims.length) {
      return new StepResponse({ repairs: 0 })
    }
    const cartIds = [...new Set(claims.map((c) => c.cart_id).filter((id): id is string => !!id))]
    const { data: links } = cartIds.length
      ? await query.graph({ entity: "order_cart", fields: ["cart_id", "order_id"], filters: { cart_id: cartIds } })
      : { data: [] }
    const orderOf = new Map((links as CartOrder[]).map((l) => [l.cart_id, l.order_id]))
    const orderIds = [...new Set(orderOf.values())]
    const { data: orderRows } = orderIds.length
      ? await query.graph({ entity: "order", fields: ["id", "status", "sales_channel_id", "payment_collections.status"], filters: { id: orderIds } })
      : { data: [] }
    const orders = new Map((orderRows as OrderRow[]).map((o) => [o.id, o]))

    const now = new Date()
    const repairs: RepairInput[] = []
    const confirmedCarts = new Set<string>()
    for (const claim of claims) {
      const orderId = claim.cart_id ? orderOf.get(claim.cart_id) : undefined
      const order = orderId ? orders.get(orderId) ?? null : null
      // A claim made from a cart's hold was made when its status changed, not when the hold was taken.
      const verdict = claimVerdict({ created_at: claim.updated_at, now, grace_minutes: input.grace_minutes, order })
      if (verdict === "release") {
        await service.releaseClaims([claim.id])
        repairs.push({
          kind: "claim_released",
          sales_channel_id: claim.sales_channel_id,
          cart_id: claim.cart_id,
          order_id: order?.id ?? claim.order_id ?? null,
          booking_id: claim.id,
          tier_line_id: claim.tier_line_id,
          event_date: claim.event_date,
          reason: order
            ? `The checkout's order ${order.id} was canceled; its claim on ${claim.event_date} was given back`
            : !claim.cart_id && claim.order_id
              ? // A reschedule's claim on the new date, left by a process that died before the move.
                `The reschedule of order ${claim.order_id} stopped before the booking moved; its claim on ${claim.event_date} was given back`
              : `The checkout of cart ${claim.cart_id} ended without an order; its claim on ${claim.event_date} was given back`,
        })
      } else if (verdict === "confirm" && order && claim.cart_id && !confirmedCarts.has(claim.cart_id)) {
        confirmedCarts.add(claim.cart_id)
        const changes = await confirmOrderBookings(container, { order_id: order.id, cart_id: claim.cart_id, onNoSlot: "report" })
        // The cart's payment plan follows its order, as the order-created hook would have done.
        await attachPaymentPlan(container, order.id, claim.cart_id)
        repairs.push(...confirmationRepairs(order, claim.cart_id, changes))
        if (!paymentAuthorized((order.payment_collections ?? []).map((pc) => pc?.status))) {
          repairs.push({
            kind: "order_flagged",
            needs_attention: true,
            sales_channel_id: order.sales_channel_id,
            order_id: order.id,
            reason: `The checkout of order ${order.id} stopped before its payment was authorized: collect the payment or cancel the order`,
          })
        }
      }
    }
    return new StepResponse({ repairs: await service.recordRepairs(repairs) })
  }
)
