import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STORE_RATE_LIMITS, takeStoreRateLimits } from "../../queries/rate-limit"

export type TakeStoreRateLimitsInput = {
  route: keyof typeof STORE_RATE_LIMITS
  tenant: string
  visitor_id: string
  /** The client's address; counted as "unknown" when the request has none. */
  address?: string
}

/** Counts the request against the visitor's and the address's limits: a 429 once either is used up. A request counted is not uncounted. */
export const takeStoreRateLimitsStep = createStep("take-store-rate-limits", async (input: TakeStoreRateLimitsInput, { container }) => {
  await takeStoreRateLimits(container, input.route, input.tenant, { visitor_id: input.visitor_id, address: input.address })
  return new StepResponse(undefined)
})
