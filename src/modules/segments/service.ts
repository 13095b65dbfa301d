import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { DEFAULT_PRICE_BANDS, PriceBand, validateBands } from "../../lib/bands"
import { AddonRule } from "./models/addon-rule"
import { CommissionRate } from "./models/commission-rate"
import { PricingRule } from "./models/pricing-rule"
import { Segment } from "./models/segment"
import { Tier } from "./models/tier"

export type SegmentsModuleOptions = {
  /** Price bands the backfill uses when a request gives none. */
  backfillBands?: PriceBand[]
}

export default class SegmentsModuleService extends MedusaService({
  Segment,
  Tier,
  PricingRule,
  AddonRule,
  CommissionRate,
}) {
  protected readonly options_: Required<SegmentsModuleOptions>

  constructor(container: Record<string, unknown>, options: SegmentsModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    const bands = options.backfillBands ?? DEFAULT_PRICE_BANDS
    const problems = validateBands(bands)
    if (problems.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        `Invalid tiered-storefront option backfillBands: ${problems.join("; ")}`
      )
    }
    this.options_ = { backfillBands: bands }
  }

  async getBackfillBands(): Promise<PriceBand[]> {
    return this.options_.backfillBands
  }
}
