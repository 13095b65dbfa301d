import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { decideUpsellOfferWorkflow } from "../../../../../../workflows/decide-upsell-offer"
import { toStoreOffer } from "../../../../../utils/serialize"
import { StoreUpsellDecisionType } from "../../../validators"

export const POST = async (req: MedusaStoreRequest<StoreUpsellDecisionType>, res: MedusaResponse) => {
  const { result } = await decideUpsellOfferWorkflow(req.scope).run({
    input: { id: req.params.id, decision: req.validatedBody.decision, sales_channel_ids: req.publishable_key_context.sales_channel_ids },
  })
  res.json({ offer: toStoreOffer(result) })
}
