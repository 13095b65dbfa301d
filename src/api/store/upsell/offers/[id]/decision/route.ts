import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { UPSELL_MODULE, UpsellModuleService } from "../../../../../../modules/upsell"
import { decideUpsellOfferWorkflow } from "../../../../../../workflows/decide-upsell-offer"
import { takeStoreRateLimits } from "../../../../../../queries/rate-limit"
import { toStoreOffer } from "../../../../../utils/serialize"
import { StoreUpsellDecisionType } from "../../../validators"
import type { StoreOfferDecisionResponse } from "../../../../../../contract/store"

export const POST = async (req: MedusaStoreRequest<StoreUpsellDecisionType>, res: MedusaResponse<StoreOfferDecisionResponse>) => {
  const channels = req.publishable_key_context.sales_channel_ids
  // The address first: unknown ids cost a lookup each.
  await takeStoreRateLimits(req.scope, "decisions", [...channels].sort().join(","), { address: req.ip })
  const service: UpsellModuleService = req.scope.resolve(UPSELL_MODULE)
  const [offer] = await service.listUpsellOffers({ id: req.params.id }, { select: ["id", "visitor_id", "sales_channel_id"] })
  if (!offer || !channels.includes(offer.sales_channel_id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Offer ${req.params.id} was not found`)
  }
  // The offer's visitor is the one deciding: its limit, whatever the storefront claims.
  await takeStoreRateLimits(req.scope, "decisions", offer.sales_channel_id, { visitor_id: offer.visitor_id })
  const { result } = await decideUpsellOfferWorkflow(req.scope).run({
    input: { id: offer.id, decision: req.validatedBody.decision, sales_channel_ids: channels },
  })
  res.json({ offer: toStoreOffer(result) })
}
