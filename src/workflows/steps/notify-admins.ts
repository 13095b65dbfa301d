import { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** A notice for the admins' feed (the admin's notification bell): `title` and `description` are what it shows. */
export type AdminNotice = {
  template: string
  /** Sends a notice once, however often its step runs. */
  idempotency_key: string
  data: { title: string; description: string } & Record<string, unknown>
}

/**
 * Tells the admins through Medusa's Notification module on its `feed` channel; without the module
 * (a host that left it out) the notice is only logged.
 */
export async function notifyAdmins(container: MedusaContainer, notice: AdminNotice): Promise<string | null> {
  const notifications = container.resolve(Modules.NOTIFICATION, { allowUnregistered: true }) as INotificationModuleService | undefined
  if (!notifications) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`No Notification module: admin notice not sent: ${notice.data.title}`)
    return null
  }
  const sent = await notifications.createNotifications({ to: "", channel: "feed", ...notice })
  return sent?.id ?? null
}

/** Sends each notice (one already sent under its idempotency key is not sent again). */
export const notifyAdminsStep = createStep("notify-admins", async (notices: AdminNotice[], { container }) => {
  const sent: (string | null)[] = []
  for (const notice of notices) sent.push(await notifyAdmins(container, notice))
  return new StepResponse(sent)
})
