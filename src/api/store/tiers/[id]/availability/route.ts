import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { tierAvailability } from "../../../../../queries/availability"
import { sendStoreAnswer } from "../../../../utils/store-answer"
import { StoreTierAvailabilityType } from "../../validators"
import type { StoreTierAvailabilityResponse } from "../../../../../contract/store"

/**
 * Each date's status for the tier, for the tenant of the key that sells it. Without `from`/`to`
 * it answers the next 90 days from the tenant's today (in its time zone).
 */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreTierAvailabilityType>,
  res: MedusaResponse<StoreTierAvailabilityResponse>
) => {
  const { from, to } = req.validatedQuery
  const key = { route: "availability", tier_id: req.params.id, from, to }
  await sendStoreAnswer(req, res, "availability", key, () =>
    tierAvailability(req.scope, req.publishable_key_context.sales_channel_ids, req.params.id, { from, to })
  )
}
