import { MedusaContainer } from "@medusajs/framework/types"
import { addDays, todayIn, todayUtc } from "../lib/dates"
import { BOOKING_MODULE, BookingModuleService } from "../modules/booking"
import { DEFAULT_AVAILABILITY } from "../modules/booking/service"
import type { ReadOptions } from "./catalog"
import { cachedRead } from "./store-cache"

async function queryTimeZones(scope: MedusaContainer, channels: string[]): Promise<[string, string][]> {
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const rows = channels.length
    ? await service.listAvailabilitySettings({ sales_channel_id: channels }, { select: ["sales_channel_id", "time_zone"] })
    : []
  const saved = new Map(rows.map((r) => [r.sales_channel_id, r.time_zone]))
  return channels.map((c) => [c, saved.get(c) ?? DEFAULT_AVAILABILITY.time_zone])
}

/** Each tenant's IANA time zone (UTC until it sets one); one cache read for `cached` store reads. */
export async function tenantTimeZones(
  scope: MedusaContainer,
  channelIds: string[],
  options: ReadOptions = {}
): Promise<Map<string, string>> {
  const channels = [...new Set(channelIds)].sort()
  const zones = options.cached
    ? await cachedRead(scope, "timeZones", { channels }, () => queryTimeZones(scope, channels))
    : await queryTimeZones(scope, channels)
  return new Map(zones)
}

/** Today (YYYY-MM-DD) for each tenant, in its own time zone. */
export async function tenantTodays(
  scope: MedusaContainer,
  channelIds: string[],
  options: ReadOptions = {},
  now: Date = new Date()
): Promise<Map<string, string>> {
  const zones = await tenantTimeZones(scope, channelIds, options)
  return new Map([...zones].map(([channel, zone]) => [channel, todayIn(zone, now)]))
}

/** Today (YYYY-MM-DD) for one tenant, in its time zone. */
export async function tenantToday(scope: MedusaContainer, channelId: string, options: ReadOptions = {}): Promise<string> {
  return (await tenantTodays(scope, [channelId], options)).get(channelId)!
}

/** What the daily jobs count "past" from: an instant (each tenant's today there) or one today for all. */
export type PastDatesInput = { now?: string; today?: string }

/**
 * Of rows with a tenant and a date, those before their tenant's today. Reads the rows before the
 * latest today of any zone (UTC+14 is at most a day ahead of UTC), then each tenant's zone.
 */
export async function beforeTenantsToday<T extends { sales_channel_id: string }>(
  scope: MedusaContainer,
  input: PastDatesInput,
  list: (before: string) => Promise<T[]>,
  dateOf: (row: T) => string
): Promise<T[]> {
  const now = input.now ? new Date(input.now) : new Date()
  const rows = await list(input.today ?? addDays(todayUtc(now), 1))
  if (input.today) {
    return rows
  }
  const todays = await tenantTodays(scope, rows.map((r) => r.sales_channel_id), {}, now)
  return rows.filter((r) => dateOf(r) < todays.get(r.sales_channel_id)!)
}
