import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  FEED_BOOKING_STATUSES,
  FEED_MAX_BLACKOUTS,
  FEED_MAX_BOOKINGS,
  FEED_MAX_OPTIONS,
  FEED_OPTION_STATUSES,
  feedCalendar,
  feedWindow,
  personName,
  type FeedBooking,
  type FeedOption,
} from "../lib/calendar-feed"
import { maxDate, todayIn } from "../lib/dates"
import { writeCalendar } from "../lib/icalendar"
import { BOOKING_MODULE, BookingModuleService } from "../modules/booking"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import { graphRows } from "./rows"

type Name = { first_name?: string | null; last_name?: string | null } | null
type FeedOrderRow = {
  id: string
  display_id: number | null
  email: string | null
  updated_at: Date | string
  shipping_address?: Name
  billing_address?: Name
  customer?: Name
  items?: { id: string; title: string | null; product_title: string | null }[] | null
}

const FEED_ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "updated_at",
  "shipping_address.first_name",
  "shipping_address.last_name",
  "billing_address.first_name",
  "billing_address.last_name",
  "customer.first_name",
  "customer.last_name",
  "items.id",
  "items.title",
  "items.product_title",
]

/**
 * The tenant whose feed the token opens, or null. The token is looked up by equality in the
 * database (see README "Calendar feed" for why that is safe for a 256-bit secret).
 */
export async function tenantOfFeedToken(
  scope: MedusaContainer,
  token: string
): Promise<{ sales_channel_id: string; time_zone: string } | null> {
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const [row] = await service.listAvailabilitySettings({ feed_token: token }, { select: ["sales_channel_id", "time_zone"], take: 1 })
  return row ? { sales_channel_id: row.sales_channel_id, time_zone: row.time_zone } : null
}

const later = (a: Date, b: Date) => (a > b ? a : b)

/** The orders of the feed's bookings, by id: the client and the add-on lines' titles. */
async function feedOrders(scope: MedusaContainer, orderIds: string[]): Promise<Map<string, FeedOrderRow>> {
  if (!orderIds.length) {
    return new Map()
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: FEED_ORDER_FIELDS, filters: { id: orderIds } })
  return new Map(graphRows<FeedOrderRow>(data).map((o) => [o.id, o]))
}

/**
 * The tenant's options holding a date in the window (a lapsed one is gone at once, before the job
 * marks it), with the options queued behind each; tier names come with the bookings'.
 */
async function feedOptions(scope: MedusaContainer, salesChannelId: string, window: { from: string; to: string }, adminUrl: string) {
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const dates = { $gte: window.from, $lte: window.to }
  const holding = await service.listDateOptions(
    { sales_channel_id: salesChannelId, status: [...FEED_OPTION_STATUSES], event_date: dates, expires_at: { $gt: new Date() } },
    { order: { event_date: "ASC", id: "ASC" }, take: FEED_MAX_OPTIONS }
  )
  const queued = holding.length
    ? await service.listDateOptions({ sales_channel_id: salesChannelId, status: "queued", event_date: [...new Set(holding.map((o) => o.event_date))] }, { select: ["event_date"] })
    : []
  return {
    tier_ids: holding.map((o) => o.tier_id),
    withTierNames: (tierName: Map<string, string>): FeedOption[] =>
      holding.map((o) => ({
        id: o.id,
        event_date: o.event_date,
        tier_name: tierName.get(o.tier_id) ?? null,
        client: { name: o.client_name, email: o.client_email },
        note: o.note,
        position: o.position,
        queued: queued.filter((q) => q.event_date === o.event_date).length,
        expires_at: new Date(o.expires_at!),
        draft_order: o.draft_order_id ? { id: o.draft_order_id, url: `${adminUrl}/draft-orders/${encodeURIComponent(o.draft_order_id)}` } : null,
        created_at: new Date(o.created_at),
        modified_at: new Date(o.updated_at),
      })),
  }
}

/**
 * A tenant's calendar feed as an iCalendar text: its live bookings and blackouts in the feed's
 * window (bounded in count), or null when the token opens no tenant (or a deleted one).
 * `admin_url` is where the admin is reached; each booking links to its order there.
 */
export async function calendarFeed(scope: MedusaContainer, token: string, adminUrl: string): Promise<string | null> {
  const tenant = await tenantOfFeedToken(scope, token)
  if (!tenant) {
    return null
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: tenant.sales_channel_id } })
  const channel = graphRows<{ id: string; name: string }>(channels)[0]
  if (!channel) {
    return null
  }
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const { from, to } = feedWindow(todayIn(tenant.time_zone))
  const [bookings, blackouts] = await Promise.all([
    service.listBookings(
      { sales_channel_id: channel.id, status: [...FEED_BOOKING_STATUSES], event_date: { $gte: from, $lte: to } },
      {
        select: ["id", "tier_id", "event_date", "first_day_id", "status", "tier_line_id", "order_id", "guest_count", "created_at", "updated_at"],
        order: { event_date: "ASC", id: "ASC" },
        take: FEED_MAX_BOOKINGS,
      }
    ),
    service.listBlackouts(
      { sales_channel_id: channel.id, start_date: { $lte: to }, end_date: { $gte: from } },
      { select: ["id", "start_date", "end_date", "reason", "created_at", "updated_at"], order: { start_date: "ASC", id: "ASC" }, take: FEED_MAX_BLACKOUTS }
    ),
  ])

  const options = await feedOptions(scope, channel.id, { from, to }, adminUrl)

  const segments: SegmentsModuleService = scope.resolve(SEGMENTS_MODULE)
  const tierIds = [...new Set([...bookings.map((b) => b.tier_id), ...options.tier_ids])]
  const tierLineIds = bookings.flatMap((b) => (b.tier_line_id ? [b.tier_line_id] : []))
  const orderIds = [...new Set(bookings.flatMap((b) => (b.order_id ? [b.order_id] : [])))]
  const [tiers, addonLines, orders] = await Promise.all([
    tierIds.length ? segments.listTiers({ id: tierIds }, { select: ["id", "name"], withDeleted: true }) : [],
    tierLineIds.length
      ? service.listTierLines(
          { parent_id: tierLineIds, kind: "addon", status: "active" },
          { select: ["parent_id", "order_line_item_id", "quantity"], order: { created_at: "ASC" } }
        )
      : [],
    feedOrders(scope, orderIds),
  ])
  const tierName = new Map(tiers.map((t) => [t.id, t.name]))
  const itemTitle = new Map(
    [...orders.values()].flatMap((o) => (o.items ?? []).map((i) => [i.id, i.product_title || i.title || null] as const))
  )
  const addonsOf = new Map<string, { title: string; quantity: number }[]>()
  for (const line of addonLines) {
    const title = line.order_line_item_id ? itemTitle.get(line.order_line_item_id) : null
    if (line.parent_id && title) {
      addonsOf.set(line.parent_id, [...(addonsOf.get(line.parent_id) ?? []), { title, quantity: line.quantity }])
    }
  }

  // A multi-day package is one event: its later days extend its first day's (a first day before the window shows them on their own).
  const listed = new Set(bookings.map((b) => b.id))
  const endOf = new Map<string, string>()
  bookings.forEach((b) => b.first_day_id && listed.has(b.first_day_id) && endOf.set(b.first_day_id, maxDate(endOf.get(b.first_day_id) ?? b.event_date, b.event_date)))
  const feedBookings: FeedBooking[] = bookings.filter((b) => !b.first_day_id || !listed.has(b.first_day_id)).map((b) => {
    const order = b.order_id ? orders.get(b.order_id) ?? null : null
    const name =
      personName(order?.shipping_address?.first_name, order?.shipping_address?.last_name) ??
      personName(order?.billing_address?.first_name, order?.billing_address?.last_name) ??
      personName(order?.customer?.first_name, order?.customer?.last_name)
    return {
      id: b.id,
      event_date: b.event_date,
      ...(endOf.has(b.id) ? { end_date: endOf.get(b.id) } : {}),
      status: b.status,
      tier_name: tierName.get(b.tier_id) ?? null,
      client: { name, email: order?.email ?? null },
      guest_count: b.guest_count,
      addons: (b.tier_line_id && addonsOf.get(b.tier_line_id)) || [],
      order: b.order_id
        ? { id: b.order_id, display_id: order?.display_id ?? null, url: `${adminUrl}/orders/${encodeURIComponent(b.order_id)}` }
        : null,
      created_at: new Date(b.created_at),
      // An edit of the order (the client's name) changes the event too.
      modified_at: order ? later(new Date(b.updated_at), new Date(order.updated_at)) : new Date(b.updated_at),
    }
  })
  return writeCalendar(
    feedCalendar({
      tenant_name: channel.name,
      bookings: feedBookings,
      options: options.withTierNames(tierName),
      blackouts: blackouts.map((b) => ({
        id: b.id,
        start_date: b.start_date,
        end_date: b.end_date,
        reason: b.reason,
        created_at: new Date(b.created_at),
        modified_at: new Date(b.updated_at),
      })),
    })
  )
}
