import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { RescheduleRequest } from "../queries/reschedule"
import { movePaymentPlanDatesStep } from "./steps/move-payment-plan-dates"
import { prepareRescheduleStep } from "./steps/prepare-reschedule"
import { switchBookingsStep } from "./steps/switch-bookings"
import { takeRescheduleSlotStep } from "./steps/take-reschedule-slot"
import { updateOrderLineDatesStep } from "./steps/update-order-line-dates"

export type RescheduleBookingWorkflowInput = RescheduleRequest

/** Emitted once a booking moved: { order_id, booking_id, line_item_id, from, to, price_difference, currency_code, actor }. */
export const BOOKING_RESCHEDULED = "tiered.booking.rescheduled"

export type BookingRescheduledEvent = {
  order_id: string
  sales_channel_id: string
  /** The booking now holding the new date (the old one is canceled). */
  booking_id: string
  line_item_id: string
  from: string
  to: string
  price_difference: number
  currency_code: string
  actor: RescheduleRequest["actor"]
}

/**
 * Moves a placed booking to another date under the order's lock (which an upgrade takes too):
 * the new date's slot is claimed first, by the same slot rules and unique index as checkout, then
 * the order lines' copy of the date moves, then one transaction cancels the old booking, confirms
 * the new one and moves the records, then the order's payment plan follows the event. A failure at any point undoes what was done, so the booking
 * stays on its old date; a process killed midway leaves a claim the reconciler gives back.
 * The price difference is answered and announced, never charged.
 */
export const rescheduleBookingWorkflow = createWorkflow("reschedule-booking", (input: RescheduleBookingWorkflowInput) => {
  acquireLockStep({ key: input.order_id, timeout: 5, ttl: 60 })
  const plan = prepareRescheduleStep(input)
  const taken = takeRescheduleSlotStep(
    transform({ plan }, ({ plan }) => ({
      booking_id: plan.booking_id,
      dates: plan.to_dates,
      held_dates: plan.bookings.map((b) => b.event_date),
      capacity: plan.capacity,
    }))
  )
  updateOrderLineDatesStep(
    transform({ plan }, ({ plan }) => ({ order_id: plan.order_id, line_item_ids: plan.order_line_item_ids, event_date: plan.to }))
  )
  switchBookingsStep(
    transform({ plan, taken }, ({ plan, taken }) => ({
      from_bookings: plan.bookings,
      to_claims: taken,
      to_dates: plan.to_dates,
      tier_line_id: plan.record_id,
      record_ids: plan.record_ids,
      from: plan.from,
      to: plan.to,
    }))
  )
  // The balance (and each payment of a plan of several) stays due the policy's days before the event.
  movePaymentPlanDatesStep(transform({ plan }, ({ plan }) => ({ order_id: plan.order_id, sales_channel_id: plan.sales_channel_id })))
  const event = transform({ input, plan, taken }, ({ input, plan, taken }): BookingRescheduledEvent => ({
    order_id: plan.order_id,
    sales_channel_id: plan.sales_channel_id,
    // The booking of the package's first new day.
    booking_id: [...plan.bookings, ...taken].find((b) => b.event_date === plan.to)!.id,
    line_item_id: plan.line_item_id,
    from: plan.from,
    to: plan.to,
    price_difference: plan.price_difference,
    currency_code: plan.currency_code,
    actor: input.actor,
  }))
  emitEventStep({ eventName: BOOKING_RESCHEDULED, data: event })
  releaseLockStep({ key: input.order_id })
  return new WorkflowResponse(event)
})
