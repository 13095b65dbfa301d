import { OrderWorkflowEvents, PaymentCollectionStatus } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  cancelOrdersStep,
  cancelPaymentStep,
  deleteReservationsByLineItemsStep,
  emitEventStep,
  refundPaymentsWorkflow,
  releaseLockStep,
  updateOrdersStep,
  updatePaymentCollectionStep,
} from "@medusajs/medusa/core-flows"
import { BALANCE_EVENTS } from "../lib/balances"
import { captureKeptPaymentsStep } from "./steps/capture-kept-payments"
import { prepareCancellationStep, PrepareCancellationInput } from "./steps/prepare-cancellation"
import { balanceLockKey } from "./lock"

/**
 * Medusa's order cancel, with the tenant's cancellation policy deciding the money (README
 * "Balances": cancellation policy): Medusa's own cancel refunds every captured payment and voids
 * every authorization, so an order with a payment plan is canceled here instead, from Medusa's
 * steps: refunds and voids what the policy gives back, captures what it keeps, then cancels the
 * order as Medusa does (reservations, collections, `order.canceled`) and records the
 * decisions on the order. An interrupted run, repeated, finds the money already settled.
 */
export const cancelOrderByPolicyWorkflow = createWorkflow("cancel-order-by-policy", (input: PrepareCancellationInput) => {
  const key = transform({ input }, ({ input }) => balanceLockKey(input.order_id))
  acquireLockStep({ key, timeout: 15, ttl: 120 })
  const plan = prepareCancellationStep(input)
  when("policy-refunds", { plan }, ({ plan }) => plan.refunds.length > 0).then(() => {
    refundPaymentsWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.refunds) })
  })
  when("policy-voids", { plan }, ({ plan }) => plan.void_ids.length > 0).then(() => {
    cancelPaymentStep(transform({ plan }, ({ plan }) => ({ paymentIds: plan.void_ids })))
  })
  when("policy-captures", { plan }, ({ plan }) => plan.capture_ids.length > 0).then(() => {
    captureKeptPaymentsStep(transform({ plan }, ({ plan }) => plan.capture_ids))
  })
  deleteReservationsByLineItemsStep(transform({ plan }, ({ plan }) => plan.line_item_ids))
  when("policy-collections", { plan }, ({ plan }) => plan.collections_to_cancel.length > 0).then(() => {
    updatePaymentCollectionStep(
      transform({ plan }, ({ plan }) => ({ selector: { id: plan.collections_to_cancel }, update: { status: PaymentCollectionStatus.CANCELED } }))
    )
  })
  updateOrdersStep(transform({ plan }, ({ plan }) => ({ selector: { id: plan.order_id }, update: { metadata: plan.metadata } })))
  cancelOrdersStep(transform({ plan }, ({ plan }) => ({ orderIds: [plan.order_id] })))
  emitEventStep({ eventName: OrderWorkflowEvents.CANCELED, data: transform({ plan }, ({ plan }) => ({ id: plan.order_id })) })
  emitEventStep({
    eventName: BALANCE_EVENTS.refunded,
    data: transform({ plan }, ({ plan }) => ({ order_id: plan.order_id, refunded: plan.refunded_total, decisions: plan.decisions })),
  }).config({ name: "emit-policy-refunds" })
  releaseLockStep({ key })
  return new WorkflowResponse(plan)
})
