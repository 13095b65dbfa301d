import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { releaseHoldsWorkflow } from "../workflows/release-holds"

/**
 * Every minute: cancel the holds that lapsed and those whose line left its cart, and move the next
 * merchant's option up on a date whose live option lapsed. Readers ignore a
 * lapsed hold the moment it lapses; this only tidies up (and catches a line removal whose event was lost).
 */
export default async function releaseHolds(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await releaseHoldsWorkflow(container).run({ input: {} })
  if (result.lapsed || result.released) {
    logger.info(`Date holds let go: ${result.lapsed} lapsed, ${result.released} of lines no longer in their cart`)
  }
  if (result.options_promoted) {
    logger.info(`Date options: ${result.options_promoted} moved up on ${result.option_dates} dates whose option lapsed`)
  }
}

export const config = {
  name: "tiered-release-holds",
  schedule: "* * * * *",
}
