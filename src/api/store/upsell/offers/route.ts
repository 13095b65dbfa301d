import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { windowEdgesPassed } from "../../../../lib/upsell"
import { loadUpsellSetup } from "../../../../queries/upsell"
import { requestVisitor, visitorOffersTag } from "../../../../queries/visitor"
import { createUpsellOffersWorkflow } from "../../../../workflows/create-upsell-offers"
import { takeStoreRateLimits } from "../../../../queries/rate-limit"
import { toStoreOffer } from "../../../utils/serialize"
import { sendStoreAnswer } from "../../../utils/store-answer"
import { StoreUpsellOffersType } from "../validators"
import type { StoreUpsellOffersResponse } from "../../../../contract/store"

/**
 * The offers for a visitor's context, highest priority first, recorded once per visitor, rule
 * and day, with the signed `visitor_id` the storefront keeps. A returning visitor asking the
 * same again is answered from the cache (dropped by a catalog, rule, flag or availability change,
 * and by a decision or redemption of its offers); answers that read a cart are not cached.
 */
export const POST = async (req: MedusaStoreRequest<StoreUpsellOffersType>, res: MedusaResponse<StoreUpsellOffersResponse>) => {
  const body = req.validatedBody
  const channels = req.publishable_key_context.sales_channel_ids
  const { visitor_id, returning } = await requestVisitor(req.scope, body.visitor_id)
  await takeStoreRateLimits(req.scope, "offers", [...channels].sort().join(","), { visitor_id, address: req.ip })
  const compute = async () => {
    const { result } = await createUpsellOffersWorkflow(req.scope).run({
      input: { ...body, visitor_id, sales_channel_ids: channels },
    })
    return { offers: result.map(toStoreOffer), visitor_id }
  }
  if (!returning || body.cart_id) {
    res.json(await compute())
    return
  }
  const { rules } = await loadUpsellSetup(req.scope)
  const { segment, viewing_tier_id, event_date, addon_count } = body.context
  await sendStoreAnswer(
    req,
    res,
    "offers",
    {
      visitor_id,
      region_id: body.region_id ?? null,
      context: [segment ?? null, viewing_tier_id ?? null, event_date ?? null, addon_count ?? null],
      // Rules entering or leaving their window change the answer without any write.
      windows: windowEdgesPassed(rules, new Date()),
    },
    compute,
    [visitorOffersTag(visitor_id)]
  )
}
