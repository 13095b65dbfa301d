import { Modules } from "@medusajs/framework/utils"
import { transform, when, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { createPaymentCollectionsStep, createRemoteLinkStep, updatePaymentCollectionStep } from "@medusajs/medusa/core-flows"
import type { BalancePaymentPlan } from "../steps/prepare-balance-payment"

/**
 * Inside a balance workflow: the order's open balance collection for exactly `plan.amount`, made
 * (and linked to the order) when there is none, its amount set again when the balance changed since.
 * Answers its id.
 */
export function ensureBalanceCollection(plan: WorkflowData<BalancePaymentPlan>) {
  const created = when("balance-collection-missing", { plan }, ({ plan }) => !plan.collection).then(() => {
    const collections = createPaymentCollectionsStep(
      transform({ plan }, ({ plan }) => [{ currency_code: plan.currency_code, amount: plan.amount, metadata: { tiered_balance: "session" } }])
    )
    createRemoteLinkStep(
      transform({ plan, collections }, ({ plan, collections }) => [
        { [Modules.ORDER]: { order_id: plan.order_id }, [Modules.PAYMENT]: { payment_collection_id: collections[0].id } },
      ])
    ).config({ name: "link-balance-collection" })
    return collections
  })
  when("balance-collection-amount-changed", { plan }, ({ plan }) => !!plan.collection && plan.collection.amount !== plan.amount).then(() => {
    updatePaymentCollectionStep(transform({ plan }, ({ plan }) => ({ selector: { id: plan.collection!.id }, update: { amount: plan.amount } })))
  })
  return transform({ plan, created }, ({ plan, created }) => plan.collection?.id ?? created![0].id)
}
