import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { saveBalanceMethodWorkflow } from "../../../../../../workflows/save-balance-method"
import { StoreSaveBalanceMethodType } from "../../../validators"
import type { StoreSavedBalanceMethodResponse } from "../../../../../../contract/store"

/** The couple has the balance charged to a method saved with the provider on its due date (retried if it fails). */
export const POST = async (req: MedusaStoreRequest<StoreSaveBalanceMethodType>, res: MedusaResponse<StoreSavedBalanceMethodResponse>) => {
  const { result } = await saveBalanceMethodWorkflow(req.scope).run({
    input: { order_id: req.params.id, sales_channel_ids: req.publishable_key_context.sales_channel_ids, ...req.validatedBody },
  })
  res.json({ saved_method: result })
}
