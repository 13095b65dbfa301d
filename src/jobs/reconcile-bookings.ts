import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcileBookingsWorkflow } from "../workflows/reconcile-bookings"

/** Every five minutes: settle what interrupted checkouts, upgrades and cancellations left behind. */
export default async function reconcileBookings(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await reconcileBookingsWorkflow(container).run({ input: { trigger: "schedule" } })
  if (result.repairs) {
    logger.info(`Tier bookings reconciled: ${result.orders_checked} orders checked, ${result.repairs} repairs`)
  }
}

export const config = {
  name: "tiered-reconcile-bookings",
  schedule: "*/5 * * * *",
}
