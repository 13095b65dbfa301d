import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runBalanceScheduleWorkflow } from "../workflows/run-balance-schedule"

/**
 * Hourly: each tenant's balances by its own today (README "Balances": the due-date run): reminders,
 * saved-method charges and their retries, overdue marks; each happens once a tenant day.
 */
export default async function balanceSchedule(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await runBalanceScheduleWorkflow(container).run({ input: { now: new Date().toISOString() } })
  logger.info(
    `Balances: ${result.reminded.length} reminded, ${result.charged.length} charged, ${result.failed.length} charges failed (${result.flagged.length} flagged), ${result.overdue.length} overdue`
  )
}

export const config = {
  name: "tiered-balance-schedule",
  schedule: "25 * * * *",
}
