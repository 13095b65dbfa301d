import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refreshBookingsWorkflow } from "../workflows/refresh-bookings"

/**
 * Hourly: complete past bookings and drop past high-demand flags, each tenant by its own today, so
 * a tenant's day is tidied within the hour after its midnight, whatever its zone.
 */
export default async function refreshBookings(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await refreshBookingsWorkflow(container).run({ input: { now: new Date().toISOString() } })
  logger.info(
    `Bookings refreshed: ${result.completed_bookings} completed, ${result.removed_high_demand_dates} past high-demand flags removed`
  )
}

export const config = {
  name: "tiered-refresh-bookings",
  schedule: "15 * * * *",
}
