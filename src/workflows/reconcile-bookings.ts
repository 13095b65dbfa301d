import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { DEFAULT_GRACE_MINUTES } from "../lib/reconcile"
import { finishReconcileRunStep } from "./steps/finish-reconcile-run"
import { flagOverCapacityStep } from "./steps/flag-over-capacity"
import { recordMissingConversionsStep } from "./steps/record-missing-conversions"
import { releaseUnusedOffersStep } from "./steps/release-unused-offers"
import { repairOrderBookingsStep } from "./steps/repair-order-bookings"
import { settleCheckoutClaimsStep } from "./steps/settle-checkout-claims"
import { settleOptionOrdersStep } from "./steps/settle-option-orders"
import { settleOrderUpgradesStep } from "./steps/settle-order-upgrades"
import { ReconcileTrigger, startReconcileRunStep } from "./steps/start-reconcile-run"

export type ReconcileBookingsWorkflowInput = {
  trigger: ReconcileTrigger
  /** Minutes a checkout or upgrade in flight is left alone (default 15). */
  grace_minutes?: number
  /** Check every order, not only those written since the last run. */
  full?: boolean
}

export const RECONCILE_LOCK = "tiered-storefront:reconcile"

/**
 * Brings bookings, claims, tier line records, offers and conversions back to one truth after
 * interrupted writes (a server killed mid-checkout, mid-upgrade or mid-cancel). Every repair is
 * idempotent and recorded; a run that dies half-way is simply run again. One run at a time
 * across servers (Medusa's locking module).
 */
export const reconcileBookingsWorkflow = createWorkflow("reconcile-bookings", (input: ReconcileBookingsWorkflowInput) => {
  acquireLockStep({ key: RECONCILE_LOCK, timeout: 60, ttl: 900 })
  const grace = transform({ input }, ({ input }) => ({ grace_minutes: input.grace_minutes ?? DEFAULT_GRACE_MINUTES }))
  const window = startReconcileRunStep(transform({ input }, ({ input }) => ({ trigger: input.trigger, full: input.full })))
  const scan = transform({ window, grace }, ({ window, grace }) => ({ since: window.since, until: window.until, ...grace }))
  const claims = settleCheckoutClaimsStep(grace)
  const orders = repairOrderBookingsStep(scan)
  const upgrades = settleOrderUpgradesStep(grace)
  const options = settleOptionOrdersStep(scan)
  const offers = releaseUnusedOffersStep(scan)
  const conversions = recordMissingConversionsStep(scan)
  const capacity = flagOverCapacityStep({})
  const run = finishReconcileRunStep(
    transform({ window, claims, orders, upgrades, options, offers, conversions, capacity }, (r) => ({
      run_id: r.window.run_id,
      until: r.window.until,
      counts: [r.claims, r.orders, r.upgrades, r.options, r.offers, r.conversions, r.capacity],
    }))
  )
  releaseLockStep({ key: RECONCILE_LOCK })
  return new WorkflowResponse(run)
})
