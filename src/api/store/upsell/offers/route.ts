import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { createUpsellOffersWorkflow } from "../../../../workflows/create-upsell-offers"
import { toStoreOffer } from "../../../utils/serialize"
import { StoreUpsellOffersType } from "../validators"

/** The offers for a visitor's context, highest priority first; each is recorded as shown. */
export const POST = async (req: MedusaStoreRequest<StoreUpsellOffersType>, res: MedusaResponse) => {
  const { result } = await createUpsellOffersWorkflow(req.scope).run({
    input: { ...req.validatedBody, sales_channel_ids: req.publishable_key_context.sales_channel_ids },
  })
  res.json({ offers: result.map(toStoreOffer) })
}
