import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MAX_OPTION_LAPSING_HOURS } from "../lib/notices"
import { optionsLapsingBy } from "../queries/notices"
import { sendNoticeWorkflow } from "../workflows/send-notice"

/**
 * Every quarter hour: warns the client of each option whose hold lapses within its tenant's
 * warning window (default 24 hours), once per expiry. Returns how many warnings went out.
 */
export default async function warnLapsingOptions(container: MedusaContainer): Promise<number> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const now = new Date()
  const options = await optionsLapsingBy(container, now, new Date(now.getTime() + MAX_OPTION_LAPSING_HOURS * 3_600_000))
  let sent = 0
  for (const option of options) {
    try {
      const { result } = await sendNoticeWorkflow(container).run({ input: { template: "option-lapsing", option_id: option.id } })
      sent += result.sent.length
    } catch (e) {
      logger.error(`The option-lapsing notification for option ${option.id} failed: ${(e as Error).message}`)
    }
  }
  if (sent) {
    logger.info(`Date options: ${sent} clients warned their option lapses soon`)
  }
  return sent
}

export const config = {
  name: "tiered-warn-lapsing-options",
  schedule: "*/15 * * * *",
}
