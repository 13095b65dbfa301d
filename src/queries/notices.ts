import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  noticeCancellation,
  NoticeCancellation,
  NoticeOption,
  NoticeOrder,
  NoticePayment,
  NoticeRecord,
  NoticeSwitches,
  noticeSwitches,
  NoticeTier,
} from "../lib/notices"
import { BOOKING_MODULE, BookingModuleService } from "../modules/booking"
import { NOTICES_MODULE, NoticesModuleService } from "../modules/notices"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import { listTierLineRecords } from "./tier-lines"
import { orderPaymentPlan } from "./payment-plan"
import { graphRows } from "./rows"

/** A tenant's notification switches (every template on, the default window, when it never changed them). */
export async function tenantNoticeSwitches(scope: MedusaContainer, salesChannelId: string): Promise<NoticeSwitches> {
  const service: NoticesModuleService = scope.resolve(NOTICES_MODULE)
  const [row] = await service.listNoticeSettings({ sales_channel_id: salesChannelId }, { take: 1 })
  return noticeSwitches(row ?? null)
}

type Money = unknown
type OrderRow = {
  id: string
  display_id: number | null
  email: string | null
  customer_id: string | null
  customer?: { first_name: string | null; last_name: string | null } | null
  billing_address?: { first_name: string | null; last_name: string | null } | null
  sales_channel_id: string | null
  sales_channel?: { id: string; name: string | null } | null
  currency_code: string
  created_at: Date | string
  metadata?: Record<string, unknown> | null
  subtotal: Money
  discount_total: Money
  tax_total: Money
  total: Money
  items?: { id: string; title: string; product_title: string | null; quantity: Money; unit_price: Money; subtotal: Money; discount_total: Money; total: Money }[] | null
}

const num = (value: Money) => (value === null || value === undefined ? 0 : Number(value))
const nameOf = (p?: { first_name: string | null; last_name: string | null } | null) =>
  [p?.first_name, p?.last_name].filter(Boolean).join(" ") || null

/**
 * What the couple owes on an order, as its payment plan answers (`orderPaymentPlan`: the deposit
 * taken, what is paid, the balance, its due date and status). The one place every notification
 * reads `payment` from.
 */
export async function bookingPayment(scope: MedusaContainer, order: { id: string; sales_channel: { id: string } }): Promise<NoticePayment> {
  const { order_id: _, ...plan } = await orderPaymentPlan(scope, order.id, [order.sales_channel.id])
  return plan
}

export type OrderNoticeFacts = {
  order: NoticeOrder
  records: NoticeRecord[]
  tiers: NoticeTier[]
  payment: NoticePayment
  /** What a cancel by the tenant's policy refunded and kept; null while the order is not canceled by it. */
  cancellation: NoticeCancellation | null
}

/** The tiers (with their segments, deleted ones too: an order outlives them) of the given ids. */
export async function noticeTiers(scope: MedusaContainer, ids: string[]): Promise<NoticeTier[]> {
  if (!ids.length) {
    return []
  }
  const segments: SegmentsModuleService = scope.resolve(SEGMENTS_MODULE)
  const tiers = await segments.listTiers({ id: [...new Set(ids)] }, { relations: ["segment"], withDeleted: true })
  return tiers.map((t) => ({ id: t.id, name: t.name, level: t.level ?? null, segment: { id: t.segment?.id ?? "", name: t.segment?.name ?? null } }))
}

/** An order as the templates show it, with the plugin's records of its lines (live and upgraded away) and the tiers they name; null when it does not exist. */
export async function orderNoticeFacts(scope: MedusaContainer, orderId: string): Promise<OrderNoticeFacts | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "email",
      "customer_id",
      "customer.first_name",
      "customer.last_name",
      "billing_address.first_name",
      "billing_address.last_name",
      "sales_channel_id",
      "sales_channel.id",
      "sales_channel.name",
      "currency_code",
      "metadata",
      "created_at",
      "subtotal",
      "discount_total",
      "tax_total",
      "total",
      "items.id",
      "items.title",
      "items.product_title",
      "items.quantity",
      "items.unit_price",
      "items.subtotal",
      "items.discount_total",
      "items.total",
    ],
    filters: { id: orderId },
  })
  const [row] = graphRows<OrderRow>(data)
  if (!row?.sales_channel_id) {
    return null
  }
  const records = (await listTierLineRecords(scope, { order_id: orderId, status: ["active", "replaced"] })).map(
    (r): NoticeRecord => ({
      kind: r.kind,
      line_key: r.line_key,
      order_line_item_id: r.order_line_item_id,
      tier_id: r.tier_id,
      segment_id: r.segment_id,
      event_date: r.event_date,
      days: r.days,
      guest_count: r.guest_count,
      price_breakdown: r.price_breakdown ?? null,
    })
  )
  const order: NoticeOrder = {
    id: row.id,
    display_id: row.display_id ?? null,
    email: row.email ?? null,
    customer_id: row.customer_id ?? null,
    customer_name: nameOf(row.customer) ?? nameOf(row.billing_address),
    sales_channel: { id: row.sales_channel_id, name: row.sales_channel?.name ?? null },
    currency_code: row.currency_code,
    placed_at: new Date(row.created_at).toISOString(),
    subtotal: num(row.subtotal),
    discount_total: num(row.discount_total),
    tax_total: num(row.tax_total),
    total: num(row.total),
    items: (row.items ?? []).map((i) => ({
      id: i.id,
      title: i.title,
      product_title: i.product_title ?? null,
      quantity: num(i.quantity),
      unit_price: num(i.unit_price),
      subtotal: num(i.subtotal),
      discount_total: num(i.discount_total),
      total: num(i.total),
    })),
  }
  const tiers = await noticeTiers(scope, records.map((r) => r.tier_id))
  return { order, records, tiers, payment: await bookingPayment(scope, order), cancellation: noticeCancellation(row.metadata, row.currency_code) }
}

export type OptionNoticeFacts = { option: NoticeOption; tier: NoticeTier | null; product_title: string | null }

/** A merchant's option with its tenant, tier and package title; null when it does not exist. */
export async function optionNoticeFacts(scope: MedusaContainer, optionId: string): Promise<OptionNoticeFacts | null> {
  const booking: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const [option] = await booking.listDateOptions({ id: optionId }, { take: 1 })
  if (!option) {
    return null
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [[tier], { data: channels }, { data: products }] = await Promise.all([
    noticeTiers(scope, [option.tier_id]),
    query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: option.sales_channel_id } }),
    query.graph({ entity: "product", fields: ["id", "title"], filters: { id: option.product_id } }),
  ])
  const channel = graphRows<{ id: string; name: string | null }>(channels)[0]
  return {
    option: {
      id: option.id,
      sales_channel: { id: option.sales_channel_id, name: channel?.name ?? null },
      client_name: option.client_name,
      client_email: option.client_email?.trim() || null,
      event_date: option.event_date,
      status: option.status,
      expires_at: option.expires_at ? new Date(option.expires_at).toISOString() : null,
      hold_hours: option.hold_hours,
    },
    tier: tier ?? null,
    product_title: graphRows<{ title: string }>(products)[0]?.title ?? null,
  }
}

/** Options still holding their date whose hold ends after `now` and within the longest warning window. */
export async function optionsLapsingBy(scope: MedusaContainer, now: Date, until: Date) {
  const booking: BookingModuleService = scope.resolve(BOOKING_MODULE)
  return await booking.listDateOptions(
    { status: ["live", "converted"], expires_at: { $gt: now, $lte: until } },
    { select: ["id", "sales_channel_id", "status", "expires_at"], order: { expires_at: "ASC" }, take: 1000 }
  )
}
