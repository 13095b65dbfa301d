import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { takeStoreRateLimits } from "../../../../../../../queries/rate-limit"
import { setupBalanceMethodWorkflow } from "../../../../../../../workflows/setup-balance-method"
import { StoreSetupBalanceMethodType } from "../../../../validators"
import type { StoreBalanceMethodSetupResponse } from "../../../../../../../contract/store"

/** The signed-in couple starts saving a card for the balance: the provider's setup, confirmed in the browser. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSetupBalanceMethodType>, res: MedusaResponse<StoreBalanceMethodSetupResponse>) => {
  const channels = req.publishable_key_context?.sales_channel_ids ?? []
  // Each setup asks the provider for a new one: counted with the order's balance payment starts.
  await takeStoreRateLimits(req.scope, "balance_payments", [...channels].sort().join(","), { visitor_id: req.params.id, address: req.ip })
  const { result } = await setupBalanceMethodWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      sales_channel_ids: channels,
      customer_id: req.auth_context.actor_id,
      provider_id: req.validatedBody.provider_id,
    },
  })
  res.json({ setup: result })
}
