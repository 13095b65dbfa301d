import path from "node:path"
import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { eventually } from "../fixtures"
import { sent } from "./recording-notifications"

/** Puts the email channel on the recording provider (medusa-config.ts reads it); spec files share the process, so it is undone after. */
export function recordNotifications() {
  process.env.NOTIFICATION_PROVIDER = path.join(__dirname, "recording-notifications.ts")
  process.env.NOTIFICATION_PROVIDER_ID = "recording"
  afterAll(() => {
    delete process.env.NOTIFICATION_PROVIDER
    delete process.env.NOTIFICATION_PROVIDER_ID
  })
}

/** What a spec reads of the notifications: the module's records, the provider's sends, and events delivered again. */
export function noticeChecks(getContainer: () => MedusaContainer) {
  const notifications = () => getContainer().resolve(Modules.NOTIFICATION)
  return {
    notifications,
    /** The notifications of a template the module recorded, once the subscriber wrote them and their sends ended (sent or failed). */
    recorded: (template: string, count = 1) =>
      eventually(
        () => notifications().listNotifications({ template }, { order: { created_at: "ASC" } }),
        (rows) => rows.length >= count && rows.every((n) => n.status !== "pending")
      ),
    sentOf: (template: string) => sent.filter((n) => n.template === template),
    emit: (name: string, data: Record<string, unknown>) => getContainer().resolve(Modules.EVENT_BUS).emit({ name, data }),
    /** Lets the subscribers of an event run (a redelivery must change nothing, so there is nothing to wait for). */
    settle: () => new Promise((r) => setTimeout(r, 1500)),
  }
}
