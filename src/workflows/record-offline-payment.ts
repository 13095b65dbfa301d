import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createPaymentCollectionsStep,
  createRemoteLinkStep,
  emitEventStep,
  markPaymentCollectionAsPaid,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { BALANCE_EVENTS } from "../lib/balances"
import { prepareOfflinePaymentStep, RecordOfflinePaymentInput } from "./steps/prepare-offline-payment"
import { balanceLockKey } from "./lock"

/**
 * A payment the merchant took outside the store (cheque, bank transfer, cash): a payment collection
 * on the order for that amount, with the method and reference in its metadata, marked paid by
 * Medusa's own workflow (a captured system payment, so Medusa's order shows it paid). A run
 * interrupted between the two leaves the collection unpaid; the same record sent again marks that
 * one paid instead of making another.
 */
export const recordOfflinePaymentWorkflow = createWorkflow("record-offline-payment", (input: RecordOfflinePaymentInput) => {
  const key = transform({ input }, ({ input }) => balanceLockKey(input.order_id))
  acquireLockStep({ key, timeout: 15, ttl: 60 })
  const prepared = prepareOfflinePaymentStep(input)
  const created = when("offline-collection-missing", { prepared }, ({ prepared }) => !prepared.collection_id).then(() => {
    const collections = createPaymentCollectionsStep(
      transform({ prepared }, ({ prepared }) => [{ currency_code: prepared.currency_code, amount: prepared.amount, metadata: prepared.metadata }])
    )
    createRemoteLinkStep(
      transform({ prepared, collections }, ({ prepared, collections }) => [
        { [Modules.ORDER]: { order_id: prepared.order_id }, [Modules.PAYMENT]: { payment_collection_id: collections[0].id } },
      ])
    ).config({ name: "link-offline-collection" })
    return collections
  })
  const collectionId = transform({ prepared, created }, ({ prepared, created }) => prepared.collection_id ?? created![0].id)
  const payment = markPaymentCollectionAsPaid.runAsStep({
    input: transform({ prepared, collectionId, input }, ({ prepared, collectionId, input }) => ({
      payment_collection_id: collectionId,
      order_id: prepared.order_id,
      captured_by: input.recorded_by,
    })),
  })
  const paid = transform({ prepared, payment, collectionId }, ({ prepared, payment, collectionId }) => ({
    order_id: prepared.order_id,
    payment_id: payment!.id,
    payment_collection_id: collectionId,
    amount: prepared.amount,
    currency_code: prepared.currency_code,
    method: "offline",
    offline_method: prepared.metadata.method as string,
    reference: prepared.metadata.reference as string | null,
  }))
  emitEventStep({ eventName: BALANCE_EVENTS.paid, data: paid }).config({ name: "emit-offline-payment" })
  releaseLockStep({ key })
  return new WorkflowResponse(paid)
})
