import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { Availability, AvailabilityCalendar, DateBookingsResponse, DateOption, DateOptionsResponse } from "../contract/admin"
import {
  AvailabilityRules,
  dateAvailability,
  DateAvailability,
  datesBetween,
  packageAvailability,
  rulesForProduct,
} from "../lib/availability"
import { addDays, fillRange, MAX_RANGE_DAYS, rangeLength, todayIn } from "../lib/dates"
import { BOOKING_MODULE, BookingModuleService } from "../modules/booking"
import { DEFAULT_AVAILABILITY, isLapsedHold, LIVE_BOOKING_STATUSES } from "../modules/booking/service"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import { graphRows } from "./rows"
import { loadVisibleTiers, type ReadOptions } from "./catalog"
import { answerValidUntil, cachedRead } from "./store-cache"
import { tenantToday } from "./time-zones"

/** Without `from`/`to`, a tier's availability covers the 90 days from the tenant's today. */
export const AVAILABILITY_DEFAULT_DAYS = 90

/** A tenant's settings, or the defaults when it has never saved any. */
export async function effectiveSettings(scope: MedusaContainer, salesChannelId: string) {
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const [row] = await service.listAvailabilitySettings({ sales_channel_id: salesChannelId })
  return {
    sales_channel_id: salesChannelId,
    capacity_per_date: row?.capacity_per_date ?? DEFAULT_AVAILABILITY.capacity_per_date,
    min_lead_days: row?.min_lead_days ?? DEFAULT_AVAILABILITY.min_lead_days,
    max_advance_days: row ? row.max_advance_days : DEFAULT_AVAILABILITY.max_advance_days,
    high_demand_threshold: row?.high_demand_threshold ?? DEFAULT_AVAILABILITY.high_demand_threshold,
    hold_minutes: row?.hold_minutes ?? DEFAULT_AVAILABILITY.hold_minutes,
    time_zone: row?.time_zone ?? DEFAULT_AVAILABILITY.time_zone,
    allow_customer_reschedule: row?.allow_customer_reschedule ?? DEFAULT_AVAILABILITY.allow_customer_reschedule,
    reschedule_notice_days: row?.reschedule_notice_days ?? DEFAULT_AVAILABILITY.reschedule_notice_days,
  }
}

export type TenantAvailability = {
  /** The capacity pool a product's bookings count against. */
  poolOf: (productId: string) => string
  rulesFor: (productId: string) => AvailabilityRules
  /** The bookings a pool takes on a date: "" is the tenant's shared capacity, else a product's own. */
  capacityOfPool: (pool: string) => number
  /** Live bookings (claims and carts' holds that have not lapsed included) in a pool on a date. */
  booked: (pool: string, date: string) => number
  /** Carts' holds that have not lapsed, in a pool on a date, and when the first of them lapses. */
  held: (pool: string, date: string) => DateHolds
  /** Minutes a tier put into a cart holds its date. */
  holdMinutes: number
  /** The tenant's today, in its time zone, at the time of the call. */
  today: string
}

export type DateHolds = { count: number; until: string | null }

type TenantAvailabilityData = {
  settings: Awaited<ReturnType<typeof effectiveSettings>>
  overrides: [string, number][]
  blackouts: { start_date: string; end_date: string; reason: string | null }[]
  high_demand_dates: string[]
  /** Live bookings per `pool|date`, carts' holds left out. */
  counts: [string, number][]
  /** When each cart hold per `pool|date` lapses (epoch milliseconds; only holds live when read). */
  holds: [string, number[]][]
}

async function queryTenantAvailability(
  scope: MedusaContainer,
  input: { sales_channel_id: string; from: string; to: string }
): Promise<TenantAvailabilityData> {
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const channel = input.sales_channel_id
  const [settings, overrides, blackouts, flagged, bookings] = await Promise.all([
    effectiveSettings(scope, channel),
    service.listCapacityOverrides({ sales_channel_id: channel }, { select: ["product_id", "capacity"] }),
    service.listBlackouts({ sales_channel_id: channel, start_date: { $lte: input.to }, end_date: { $gte: input.from } }),
    service.listHighDemandDates({ sales_channel_id: channel, date: { $gte: input.from, $lte: input.to } }),
    // A checkout's claim holds its slot like a booking does; a cart's hold while it lasts (kept apart, with when it lapses).
    service.listBookings(
      { sales_channel_id: channel, status: ["held", ...LIVE_BOOKING_STATUSES], event_date: { $gte: input.from, $lte: input.to } },
      { select: ["event_date", "pool", "status", "expires_at"] }
    ),
  ])
  const now = new Date()
  const counts = new Map<string, number>()
  const holdTimes = new Map<string, number[]>()
  for (const b of bookings) {
    const key = `${b.pool}|${b.event_date}`
    if (b.status !== "held") {
      counts.set(key, (counts.get(key) ?? 0) + 1)
    } else if (!isLapsedHold(b, now)) {
      holdTimes.set(key, [...(holdTimes.get(key) ?? []), new Date(b.expires_at!).getTime()])
    }
  }
  return {
    settings,
    overrides: overrides.map((o) => [o.product_id, o.capacity]),
    blackouts: blackouts.map((b) => ({ start_date: b.start_date, end_date: b.end_date, reason: b.reason })),
    high_demand_dates: flagged.map((h) => h.date),
    counts: [...counts],
    holds: [...holdTimes],
  }
}

/**
 * Everything needed to judge a tenant's dates between `from` and `to`, in four queries (or
 * one cache read for `cached` store reads; bookings and checkout read the database).
 */
export async function tenantAvailability(
  scope: MedusaContainer,
  input: { sales_channel_id: string; from: string; to: string },
  options: ReadOptions = {}
): Promise<TenantAvailability> {
  const data = options.cached
    ? await cachedRead(scope, "availability", { ...input }, () => queryTenantAvailability(scope, input))
    : await queryTenantAvailability(scope, input)
  const capacity = new Map(data.overrides)
  const counts = new Map(data.counts)
  // Holds are kept with when they lapse (the data may come from the cache): those lapsed by now count for nobody.
  const now = Date.now()
  const holds = new Map(data.holds.map(([key, times]) => [key, times.filter((t) => t > now).sort((a, b) => a - b)]))
  const firstLapse = Math.min(...[...holds.values()].map((times) => times[0] ?? Infinity))
  if (firstLapse !== Infinity) {
    answerValidUntil(firstLapse)
  }
  const shared = { settings: data.settings, blackouts: data.blackouts, high_demand_dates: data.high_demand_dates }
  const forProduct = (productId: string) =>
    rulesForProduct({ ...shared, override_capacity: capacity.get(productId) ?? null, product_id: productId })
  return {
    poolOf: (productId) => forProduct(productId).pool,
    rulesFor: (productId) => forProduct(productId).rules,
    capacityOfPool: (pool) => (pool ? capacity.get(pool) ?? data.settings.capacity_per_date : data.settings.capacity_per_date),
    booked: (pool, date) => (counts.get(`${pool}|${date}`) ?? 0) + (holds.get(`${pool}|${date}`)?.length ?? 0),
    held: (pool, date) => {
      const times = holds.get(`${pool}|${date}`) ?? []
      return { count: times.length, until: times.length ? new Date(times[0]).toISOString() : null }
    },
    holdMinutes: data.settings.hold_minutes,
    today: todayIn(data.settings.time_zone),
  }
}

/**
 * Each date's status for one tier product of a tenant, counting its live bookings. For a package
 * of `days` days, each date is judged as its start: the worst of it and the days after (read in
 * the same query, the range reaching `days - 1` further).
 */
export async function productAvailability(
  scope: MedusaContainer,
  input: { sales_channel_id: string; product_id: string; from: string; to: string; today?: string; days?: number },
  options: ReadOptions = {}
): Promise<DateAvailability[]> {
  const span = input.days ?? 1
  const last = span > 1 ? addDays(input.to, span - 1) : input.to
  const tenant = await tenantAvailability(scope, { sales_channel_id: input.sales_channel_id, from: input.from, to: last }, options)
  const rules = tenant.rulesFor(input.product_id)
  const pool = tenant.poolOf(input.product_id)
  const today = input.today ?? tenant.today
  const each = datesBetween(input.from, last, MAX_RANGE_DAYS + span).map((date) =>
    dateAvailability(date, today, rules, tenant.booked(pool, date), tenant.held(pool, date))
  )
  return span === 1 ? each : each.slice(0, each.length - span + 1).map((_, i) => packageAvailability(each.slice(i, i + span)))
}

/** One date's status for a tier product of a tenant. */
export async function dateStatusOf(
  scope: MedusaContainer,
  salesChannelId: string,
  productId: string,
  date: string,
  options: ReadOptions = {}
): Promise<DateAvailability> {
  const [day] = await productAvailability(scope, { sales_channel_id: salesChannelId, product_id: productId, from: date, to: date }, options)
  return day
}

/** 404 unless the sales channel exists. */
export async function ensureSalesChannel(scope: MedusaContainer, id: string): Promise<void> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${id} was not found`)
  }
}

/** A tenant's availability as the merchant edits it: settings, capacity overrides, blackouts, flagged dates. */
export async function adminAvailability(scope: MedusaContainer, salesChannelId: string): Promise<Availability> {
  await ensureSalesChannel(scope, salesChannelId)
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const [settings, capacity_overrides, blackouts, high_demand_dates] = await Promise.all([
    effectiveSettings(scope, salesChannelId),
    service.listCapacityOverrides({ sales_channel_id: salesChannelId }, { select: ["id", "product_id", "capacity"] }),
    service.listBlackouts(
      { sales_channel_id: salesChannelId },
      { select: ["id", "start_date", "end_date", "reason"], order: { start_date: "ASC" } }
    ),
    service.listHighDemandDates({ sales_channel_id: salesChannelId }, { select: ["id", "date", "note"], order: { date: "ASC" } }),
  ])
  return { settings, capacity_overrides, blackouts, high_demand_dates }
}

/**
 * Each date's status and live bookings for the tenant's shared capacity, or for one product (with
 * its own capacity when it has one), as the storefront sees it today.
 */
export async function availabilityCalendar(
  scope: MedusaContainer,
  input: { sales_channel_id: string; from: string; to: string; product_id?: string }
): Promise<AvailabilityCalendar> {
  await ensureSalesChannel(scope, input.sales_channel_id)
  const tenant = await tenantAvailability(scope, input)
  const product = input.product_id ?? ""
  const pool = tenant.poolOf(product)
  const rules = tenant.rulesFor(product)
  const today = tenant.today
  return {
    sales_channel_id: input.sales_channel_id,
    product_id: input.product_id ?? null,
    capacity: rules.capacity,
    dates: datesBetween(input.from, input.to, MAX_RANGE_DAYS).map((date) => {
      const booked = tenant.booked(pool, date)
      const held = tenant.held(pool, date)
      return { ...dateAvailability(date, today, rules, booked, held), booked, held: held.count }
    }),
  }
}

/**
 * Each date's status for a tier, for the tenant (among the key's sales channels) that sells it;
 * 404 when none of them sells it.
 */
export async function tierAvailability(
  scope: MedusaContainer,
  salesChannelIds: string[],
  tierId: string,
  range: { from?: string; to?: string }
): Promise<{ tier_id: string; days: number; dates: DateAvailability[] }> {
  const [tier] = await loadVisibleTiers(scope, salesChannelIds, { id: [tierId] }, { cached: true })
  if (!tier) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${tierId} was not found`)
  }
  const channel = tier.sales_channel_id
  const filled = range.from && range.to ? { from: range.from, to: range.to } : fillRange(range, await tenantToday(scope, channel, { cached: true }), AVAILABILITY_DEFAULT_DAYS, "ahead")
  if (filled.from > filled.to || rangeLength(filled.from, filled.to) > MAX_RANGE_DAYS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `from must not be after to, and a call covers at most ${MAX_RANGE_DAYS} days (without from, it is today: ${filled.from})`
    )
  }
  const days = tier.row.days ?? 1
  const dates = await productAvailability(scope, { sales_channel_id: channel, product_id: tier.row.product!.id, ...filled, days })
  return { tier_id: tier.row.id, days, dates }
}

type OrderRow = { id: string; display_id: number | null; email: string | null; customer?: { first_name: string | null; last_name: string | null } | null }

/** The bookings of one of a tenant's dates, holds that have not lapsed included, with their tier and order. */
export async function dateBookings(scope: MedusaContainer, input: { sales_channel_id: string; date: string }): Promise<DateBookingsResponse> {
  await ensureSalesChannel(scope, input.sales_channel_id)
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const now = new Date()
  const rows = (
    await service.listBookings(
      { sales_channel_id: input.sales_channel_id, event_date: input.date, status: ["held", ...LIVE_BOOKING_STATUSES] },
      { order: { pool: "ASC", slot: "ASC" } }
    )
  ).filter((b) => !isLapsedHold(b, now))
  const tierIds = [...new Set(rows.map((b) => b.tier_id))]
  const orderIds = [...new Set(rows.map((b) => b.order_id).filter((id): id is string => !!id))]
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const segments: SegmentsModuleService = scope.resolve(SEGMENTS_MODULE)
  const optionIds = rows.map((b) => b.option_id).filter((id): id is string => !!id)
  const [tiers, { data: orders }, options] = await Promise.all([
    tierIds.length ? segments.listTiers({ id: tierIds }, { select: ["id", "name"], withDeleted: true }) : Promise.resolve([]),
    orderIds.length
      ? query.graph({ entity: "order", fields: ["id", "display_id", "email", "customer.first_name", "customer.last_name"], filters: { id: orderIds } })
      : Promise.resolve({ data: [] }),
    optionIds.length ? service.listDateOptions({ id: optionIds }, { select: ["id", "client_name", "client_email"] }) : Promise.resolve([]),
  ])
  const optionOf = new Map(options.map((o) => [o.id, o]))
  const tierName = new Map(tiers.map((t) => [t.id, t.name]))
  const orderOf = new Map(graphRows<OrderRow>(orders).map((o) => [o.id, o]))
  return {
    sales_channel_id: input.sales_channel_id,
    date: input.date,
    bookings: rows.map((b) => {
      const order = b.order_id ? orderOf.get(b.order_id) : undefined
      const option = b.option_id ? optionOf.get(b.option_id) : undefined
      const name = option?.client_name ?? [order?.customer?.first_name, order?.customer?.last_name].filter(Boolean).join(" ")
      return {
        id: b.id,
        status: b.status,
        slot: b.slot,
        pool: b.pool,
        tier_id: b.tier_id,
        tier_name: tierName.get(b.tier_id) ?? null,
        guest_count: b.guest_count ?? null,
        cart_id: b.cart_id,
        order_id: b.order_id,
        order_display_id: order?.display_id ?? null,
        customer_name: name || null,
        customer_email: option?.client_email ?? order?.email ?? null,
        option_id: b.option_id ?? null,
        expires_at: b.status === "held" && b.expires_at ? new Date(b.expires_at).toISOString() : null,
      }
    }),
  }
}

/** A tenant's options on the dates from `from` to `to`, by date and position, and the tiers it sells (an option is for one). */
export async function dateOptions(scope: MedusaContainer, input: { sales_channel_id: string; from: string; to: string }): Promise<DateOptionsResponse> {
  await ensureSalesChannel(scope, input.sales_channel_id)
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const [rows, tiers] = await Promise.all([
    service.listDateOptions(
      { sales_channel_id: input.sales_channel_id, event_date: { $gte: input.from, $lte: input.to } },
      { order: { event_date: "ASC", position: "ASC" } }
    ),
    loadVisibleTiers(scope, [input.sales_channel_id]),
  ])
  return {
    sales_channel_id: input.sales_channel_id,
    // An option that lapsed reads lapsed at once; the job (or the date's next change) marks it and moves the next one up.
    options: rows.map((row) => {
      const out = dateOptionOut(row)
      const lapsed = (out.status === "live" || out.status === "converted") && out.expires_at !== null && new Date(out.expires_at).getTime() <= Date.now()
      return lapsed ? { ...out, status: "lapsed" as const } : out
    }),
    tiers: tiers.map((t) => ({ id: t.row.id, name: t.row.name })),
  }
}

/** An option as the admin API answers it. */
export function dateOptionOut(row: Awaited<ReturnType<BookingModuleService["retrieveDateOption"]>>): DateOption {
  return {
    id: row.id,
    sales_channel_id: row.sales_channel_id,
    event_date: row.event_date,
    tier_id: row.tier_id,
    client_name: row.client_name,
    client_email: row.client_email,
    note: row.note,
    hold_hours: row.hold_hours,
    expires_at: row.expires_at ? new Date(row.expires_at).toISOString() : null,
    position: row.position,
    status: row.status,
    booking_id: row.booking_id,
    draft_order_id: row.draft_order_id,
    created_at: new Date(row.created_at).toISOString(),
  }
}
