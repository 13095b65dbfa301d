import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { quoteTierUpgradeWorkflow } from "../../../../workflows/quote-tier-upgrade"
import { StoreUpgradeQuoteType } from "../validators"
import type { StoreUpgradeQuoteResponse } from "../../../../contract/store"

export const POST = async (req: MedusaStoreRequest<StoreUpgradeQuoteType>, res: MedusaResponse<StoreUpgradeQuoteResponse>) => {
  const { result } = await quoteTierUpgradeWorkflow(req.scope).run({
    input: { ...req.validatedBody, sales_channel_ids: req.publishable_key_context.sales_channel_ids },
  })
  res.json(result)
}
