import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

export type AvailabilityChangeInput = {
  sales_channel_id: string
  settings?: { time_zone?: string }
  add_high_demand_dates?: { date: string; note?: string | null }[]
  capacity_override?: { product_id: string; capacity: number | null }
}

/**
 * Checks a merchant's availability change before anything is written: a capacity override names a
 * product that exists (404 otherwise); a time zone is one the database knows too (400 otherwise). Flagging a date that is already flagged, or twice in one
 * change, is not an error: it is already done, so those dates are left out of what gets created.
 */
export const prepareAvailabilityChangeStep = createStep(
  "prepare-availability-change",
  async (input: AvailabilityChangeInput, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const zone = input.settings?.time_zone
    if (zone !== undefined && !(await service.isKnownTimeZone(zone))) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `time_zone ${zone} is not in the database's time zone list (it may be an old alias); choose a current IANA name such as America/Los_Angeles`
      )
    }
    if (input.capacity_override) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { product_id } = input.capacity_override
      const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: product_id } })
      if (!data.length) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${product_id} was not found`)
      }
    }
    const asked = input.add_high_demand_dates ?? []
    if (!asked.length) {
      return new StepResponse({ add_high_demand_dates: asked })
    }
    const flagged = await service.listHighDemandDates(
      { sales_channel_id: input.sales_channel_id, date: asked.map((d) => d.date) },
      { select: ["date"] }
    )
    const taken = new Set(flagged.map((d) => d.date))
    const fresh = new Map(asked.filter((d) => !taken.has(d.date)).map((d) => [d.date, d]))
    return new StepResponse({ add_high_demand_dates: [...fresh.values()] })
  }
)
