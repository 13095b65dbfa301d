import { MedusaService } from "@medusajs/framework/utils"
import { AvailabilitySettings } from "./models/availability-settings"
import { Blackout } from "./models/blackout"
import { Booking } from "./models/booking"
import { CapacityOverride } from "./models/capacity-override"
import { HighDemandDate } from "./models/high-demand-date"

export const DEFAULT_AVAILABILITY = {
  capacity_per_date: 1,
  min_lead_days: 0,
  max_advance_days: null as number | null,
  high_demand_threshold: 0,
}

export default class BookingModuleService extends MedusaService({
  AvailabilitySettings,
  Blackout,
  Booking,
  CapacityOverride,
  HighDemandDate,
}) {}
