import { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { attachPaymentPlan } from "../../queries/payment-plan"
import { confirmOrderBookings, OrderBookingChanges, undoOrderBookings } from "../steps/confirm-order-bookings"

// Not in the hook's public typings, but declared by completeCartWorkflow: it runs last, after
// payment authorization, and a throw here rolls back the order and the payment.
type OrderCreatedHook = (
  handler: (input: { order_id: string; cart_id: string }, context: { container: MedusaContainer }) => Promise<StepResponse<OrderBookingChanges, OrderBookingChanges>>,
  compensate: (changes: OrderBookingChanges, context: { container: MedusaContainer }) => Promise<void>
) => void
const hooks = completeCartWorkflow.hooks as unknown as { orderCreated: OrderCreatedHook }

/**
 * The placed order takes over its cart's records and claims: each record points at the order
 * line Medusa made from its cart line, and each claim becomes the confirmed booking of that line.
 * The cart's payment plan gets the order's id (README "Deposits").
 * Doing it again changes nothing, so the reconciler can finish it after a crash.
 */
hooks.orderCreated(
  async ({ order_id, cart_id }, { container }) => {
    const changes = await confirmOrderBookings(container, { order_id, cart_id })
    await attachPaymentPlan(container, order_id, cart_id)
    return new StepResponse(changes, changes)
  },
  async (changes, { container }) => {
    if (changes) {
      await undoOrderBookings(container.resolve(BOOKING_MODULE) as BookingModuleService, changes)
    }
  }
)
