import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { UpgradeQuote } from "../../../../lib/upgrade"
import { quoteTierUpgradeWorkflow } from "../../../../workflows/quote-tier-upgrade"
import { StoreUpgradeQuoteType } from "../validators"

export const POST = async (req: MedusaStoreRequest<StoreUpgradeQuoteType>, res: MedusaResponse<UpgradeQuote>) => {
  const { result } = await quoteTierUpgradeWorkflow(req.scope).run({
    input: { ...req.validatedBody, sales_channel_ids: req.publishable_key_context.sales_channel_ids },
  })
  res.json(result)
}
