import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TierRecord } from "../../modules/segments/types"

/** An archived tier takes no product until it is restored (removing its product stays allowed). */
export const validateTierAssignmentStep = createStep(
  "validate-tier-assignment",
  async ({ tier, product_id }: { tier: TierRecord; product_id: string | null }) => {
    if (product_id && tier.archived_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Tier ${tier.id} is archived; restore it before assigning a product`)
    }
    return new StepResponse(undefined)
  }
)
