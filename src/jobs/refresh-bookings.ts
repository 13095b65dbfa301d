import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { todayUtc } from "../lib/dates"
import { refreshBookingsWorkflow } from "../workflows/refresh-bookings"

/** Daily, shortly after midnight UTC: complete past bookings and drop past high-demand flags. */
export default async function refreshBookings(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await refreshBookingsWorkflow(container).run({ input: { today: todayUtc() } })
  logger.info(
    `Bookings refreshed: ${result.completed_bookings} completed, ${result.removed_high_demand_dates} past high-demand flags removed`
  )
}

export const config = {
  name: "tiered-refresh-bookings",
  schedule: "15 0 * * *",
}
