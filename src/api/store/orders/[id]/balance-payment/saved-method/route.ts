import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderBalanceMethods } from "../../../../../../queries/saved-methods"
import { saveBalanceMethodWorkflow } from "../../../../../../workflows/save-balance-method"
import { StoreSaveBalanceMethodType } from "../../../validators"
import type { StoreBalanceMethodsResponse, StoreSavedBalanceMethodResponse } from "../../../../../../contract/store"

const channels = (req: AuthenticatedMedusaRequest) => req.publishable_key_context?.sales_channel_ids ?? []

/** The signed-in couple reads what the balance will be charged to on its due date, and the methods they saved. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreBalanceMethodsResponse>) => {
  res.json(await orderBalanceMethods(req.scope, req.params.id, { sales_channel_ids: channels(req), customer_id: req.auth_context.actor_id }))
}

/** The signed-in couple has the balance charged to a method saved with the provider on its due date (retried if it fails). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSaveBalanceMethodType>, res: MedusaResponse<StoreSavedBalanceMethodResponse>) => {
  const { result } = await saveBalanceMethodWorkflow(req.scope).run({
    input: { order_id: req.params.id, sales_channel_ids: channels(req), customer_id: req.auth_context.actor_id, ...req.validatedBody },
  })
  res.json({ saved_method: result })
}
