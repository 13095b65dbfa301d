import { ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, ModuleProvider, Modules } from "@medusajs/framework/utils"

// Medusa may load this file in another module registry than the test's: share the record through globalThis.
const shared = globalThis as typeof globalThis & { __tieredSent?: ProviderSendNotificationDTO[]; __tieredFailSends?: { count: number } }

/** What the provider sent, for the test in the same process to read. */
export const sent: ProviderSendNotificationDTO[] = (shared.__tieredSent ??= [])

/** Sends to refuse before the provider works again (as an email service that is down would). */
export const failing: { count: number } = (shared.__tieredFailSends ??= { count: 0 })

/** A Notification Module provider for the `email` channel that records instead of sending (as SendGrid's or Resend's would send). */
class RecordingNotificationService extends AbstractNotificationProviderService {
  static identifier = "recording-notifications"

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (failing.count > 0) {
      failing.count--
      throw new Error("The email service is down")
    }
    sent.push(notification)
    return { id: `sent_${sent.length}` }
  }
}

export default ModuleProvider(Modules.NOTIFICATION, { services: [RecordingNotificationService] })
