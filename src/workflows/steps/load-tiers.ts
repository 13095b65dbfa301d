import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import { TierRecord } from "../../modules/segments/types"

/** Loads tiers by id, in the order asked; an unknown id is a 404. */
export const loadTiersStep = createStep(
  "load-tiers",
  async (ids: string[], { container }) => {
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const tiers = (await service.listTiers({ id: ids })) as unknown as TierRecord[]
    const ordered = ids.map((id) => {
      const tier = tiers.find((t) => t.id === id)
      if (!tier) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${id} was not found`)
      }
      return tier
    })
    return new StepResponse(ordered)
  }
)
