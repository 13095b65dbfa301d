import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { setPaymentCollectionDueWorkflow } from "../../workflows/set-payment-collection-due"
import { keyChannels } from "./cart-tenant"

/**
 * On Medusa's "create a payment session" route, before the session is made for the collection's
 * amount: a cart's collection asks for what the cart pays now (README "Deposits"). Runs before
 * the Connect fee is computed, so the fee is the deposit's share.
 */
export async function setDepositAmount(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "payment_collection", fields: ["id", "cart.id"], filters: { id: req.params.id } })
    const cartId = (data[0] as { cart?: { id: string } | null } | undefined)?.cart?.id
    if (cartId) {
      await setPaymentCollectionDueWorkflow(req.scope).run({
        input: { cart_id: cartId, payment_collection_id: req.params.id, sales_channel_ids: keyChannels(req) },
      })
    }
    next()
  } catch (e) {
    next(e)
  }
}
