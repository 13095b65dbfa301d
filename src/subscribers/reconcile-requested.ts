import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RECONCILE_REQUESTED } from "../modules/booking/service"
import { reconcileBookingsWorkflow } from "../workflows/reconcile-bookings"
import type { ReconcileTrigger } from "../workflows/steps/start-reconcile-run"

/** Runs the reconciler when asked (at every start of the app), where background work runs. */
export default async function reconcileRequested({ event, container }: SubscriberArgs<{ trigger?: ReconcileTrigger }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { result } = await reconcileBookingsWorkflow(container).run({ input: { trigger: event.data?.trigger ?? "boot" } })
    logger.info(`Tier bookings reconciled (${event.data?.trigger ?? "boot"}): ${result.orders_checked} orders checked, ${result.repairs} repairs`)
  } catch (e) {
    logger.error(`Tier bookings reconciliation failed: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: RECONCILE_REQUESTED,
}
