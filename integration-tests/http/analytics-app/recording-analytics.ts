import { ProviderIdentifyAnalyticsEventDTO, ProviderTrackAnalyticsEventDTO } from "@medusajs/framework/types"
import { AbstractAnalyticsProviderService, ModuleProvider, Modules } from "@medusajs/framework/utils"

// Medusa may load this file in another module registry than the test's: share the record through globalThis.
const shared = globalThis as typeof globalThis & { __tieredTracked?: ProviderTrackAnalyticsEventDTO[] }

/** What the provider received, for the test in the same process to read. */
export const tracked: ProviderTrackAnalyticsEventDTO[] = (shared.__tieredTracked ??= [])

/** An Analytics Module provider that records instead of sending anywhere (as PostHog's would send). */
class RecordingAnalyticsService extends AbstractAnalyticsProviderService {
  static identifier = "recording"

  async track(data: ProviderTrackAnalyticsEventDTO): Promise<void> {
    tracked.push(data)
  }

  async identify(_data: ProviderIdentifyAnalyticsEventDTO): Promise<void> {}
}

export default ModuleProvider(Modules.ANALYTICS, { services: [RecordingAnalyticsService] })
