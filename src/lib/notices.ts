import { addDays } from "./dates"
import type { PlanStatus } from "./deposits"
import { InstalmentOfPlan, instalmentLabel, InstalmentState, NextPayment } from "./instalments"
import { roundToMinor } from "./money"
import type { TierPrice } from "./pricing"

/**
 * The notifications the plugin sends, by template name (what the Notification module's provider
 * receives as `template`).
 */
export const NOTICE_TEMPLATES = [
  "booking-confirmation",
  "upgrade-confirmed",
  "booking-rescheduled",
  "booking-canceled",
  "option-promoted",
  "option-lapsing",
  "balance-reminder",
  "payment-received",
  "payment-failed",
  "balance-overdue",
  "payment-link",
] as const

export type NoticeTemplate = (typeof NOTICE_TEMPLATES)[number]

export const DEFAULT_OPTION_LAPSING_HOURS = 24
export const MAX_OPTION_LAPSING_HOURS = 168

/** The Notification module sends a key once (it retries one whose send failed): `tiered:<template>:<entity>[:<version>]`. */
export function noticeKey(template: NoticeTemplate, ...parts: (string | number)[]): string {
  return ["tiered", template, ...parts].join(":")
}

/** A tenant's switches as stored (no row: every template on) and as the admin reads them. */
export type NoticeSwitches = { templates: Record<NoticeTemplate, boolean>; option_lapsing_hours: number }

export function noticeSwitches(stored: { disabled_templates?: string[] | null; option_lapsing_hours?: number | null } | null): NoticeSwitches {
  const off = new Set(stored?.disabled_templates ?? [])
  return {
    templates: Object.fromEntries(NOTICE_TEMPLATES.map((t) => [t, !off.has(t)])) as Record<NoticeTemplate, boolean>,
    option_lapsing_hours: stored?.option_lapsing_hours ?? DEFAULT_OPTION_LAPSING_HOURS,
  }
}

/** The stored list of templates off after a change: `changes` turns templates on (true) or off (false); others keep their state. */
export function disabledAfter(current: string[], changes: Partial<Record<NoticeTemplate, boolean>>): NoticeTemplate[] {
  const off = new Set(current.filter((t): t is NoticeTemplate => (NOTICE_TEMPLATES as readonly string[]).includes(t)))
  for (const [template, on] of Object.entries(changes) as [NoticeTemplate, boolean | undefined][]) {
    if (on === true) {
      off.delete(template)
    } else if (on === false) {
      off.add(template)
    }
  }
  return NOTICE_TEMPLATES.filter((t) => off.has(t))
}

/** What the couple owes, from the order's payment plan (README "Deposits": the plan). */
export type NoticePayment = {
  currency_code: string
  total: number
  /** What checkout took (the whole total for an order paid in full at checkout). */
  deposit: number
  /** What Medusa's payment collections of the order hold (`paidOf`). */
  paid: number
  balance: number
  /** YYYY-MM-DD by which the balance is due; null for an order without a plan's due date. */
  balance_due_date: string | null
  status: PlanStatus
  /** A plan of several payments: each with its status (the booking confirmation lists them), and the next. */
  instalments?: InstalmentState[]
  next_payment?: NextPayment | null
}

/** The payment of a plan of several a balance notice is for, with its words ("payment 2 of 3"); nothing for a single balance. */
export function noticeInstalment(instalment: InstalmentOfPlan | null | undefined): { instalment?: InstalmentOfPlan & { label: string } } {
  return instalment && instalment.count > 1 ? { instalment: { ...instalment, label: instalmentLabel(instalment) } } : {}
}

/** Why a notice about an owed balance (a reminder, overdue, a failed charge) is no longer due, or null. */
export function owedBalanceProblem(payment: Pick<NoticePayment, "status">): string | null {
  return payment.status === "paid" ? "the order is paid in full" : payment.status === "canceled" ? "the order is canceled" : null
}

/** A payment of the balance as `payment-received` tells it (the merchant's reference of an offline one is not sent). */
export type NoticeReceived = {
  payment_id: string
  amount: number
  currency_code: string
  method: "session" | "offline"
  /** How an offline payment was made (`cheque`, `bank_transfer`, `cash`, `other`); null for a payment in the store. */
  offline_method: string | null
}

/** A failed saved-method charge as `payment-failed` tells it (the provider's error stays in the admin's schedule). */
export type NoticeFailure = { attempt: number; attempted_on: string; next_attempt_on: string | null; flagged: boolean }

export type NoticeLink = { url: string; amount: number; currency_code: string; balance_due_date: string | null; sent_on: string }

/** What a cancel by the tenant's policy did with each payment, as `booking-canceled` tells it. */
export type NoticeCancellation = {
  refunded: number
  payments: { payment_id: string; kind: "deposit" | "balance"; held: number; refunded: number; reason: string }[]
}

/** The policy's outcome a cancel keeps on the order (`metadata.tiered_cancellation`); null for an order without one. */
export function noticeCancellation(metadata: Record<string, unknown> | null | undefined, currencyCode: string): NoticeCancellation | null {
  const kept = metadata?.tiered_cancellation as { payments?: unknown } | undefined
  if (!kept || !Array.isArray(kept.payments)) {
    return null
  }
  const payments = (kept.payments as Record<string, unknown>[]).map((p) => ({
    payment_id: String(p.payment_id),
    kind: p.kind === "balance" ? ("balance" as const) : ("deposit" as const),
    held: Number(p.held) || 0,
    refunded: Number(p.refunded) || 0,
    reason: String(p.reason),
  }))
  return { refunded: roundToMinor(payments.reduce((s, p) => s + p.refunded, 0), currencyCode), payments }
}

export type NoticeTier = { id: string; name: string; level: number | null; segment: { id: string; name: string | null } }

/** A booked package: its tier and segment, its day(s), its own line and the add-ons on it. */
export type NoticePackage = {
  segment: { id: string; name: string | null }
  tier: { id: string; name: string; level: number | null }
  product_title: string | null
  /** The first day; `event_dates` lists every day of a multi-day package. */
  event_date: string
  event_dates: string[]
  guest_count: number | null
  line: NoticeLine
  addons: NoticeLine[]
}

export type NoticeOrderItem = {
  id: string
  title: string
  product_title: string | null
  quantity: number
  unit_price: number
  subtotal: number
  discount_total: number
  total: number
}

/** One order line as a template shows it. */
export type NoticeLine = Omit<NoticeOrderItem, "id"> & {
  line_item_id: string
  /** The plugin's breakdown (base, each date rule and incentive, final) for tier and add-on lines; null for others. */
  price_breakdown: TierPrice | null
}

export type NoticeRecord = {
  kind: "tier" | "addon"
  line_key: string
  order_line_item_id: string | null
  tier_id: string
  segment_id: string
  event_date: string
  days: number
  guest_count: number | null
  price_breakdown: TierPrice | null
}

export type NoticeOrder = {
  id: string
  display_id: number | null
  email: string | null
  customer_id: string | null
  customer_name: string | null
  sales_channel: { id: string; name: string | null }
  currency_code: string
  placed_at: string
  subtotal: number
  discount_total: number
  tax_total: number
  total: number
  items: NoticeOrderItem[]
}

/** The days a package takes from its first one. */
export function eventDates(first: string, days: number): string[] {
  return Array.from({ length: Math.max(1, days) }, (_, i) => addDays(first, i))
}

function noticeLine(item: NoticeOrderItem, record: NoticeRecord | undefined): NoticeLine {
  const { id, ...money } = item
  return { line_item_id: id, ...money, price_breakdown: record?.price_breakdown ?? null }
}

/**
 * The order's packages from the plugin's records (never the lines' metadata): each live tier line
 * with its tier, segment, day(s) and add-ons. Lines left at quantity 0 (an upgrade's old line) are
 * not packages.
 */
export function orderPackages(items: NoticeOrderItem[], records: NoticeRecord[], tiers: NoticeTier[]): NoticePackage[] {
  const byItem = new Map(items.map((i) => [i.id, i]))
  return records
    .filter((r) => r.kind === "tier" && r.order_line_item_id && (byItem.get(r.order_line_item_id)?.quantity ?? 0) > 0)
    .map((r) => {
      const tier = tiers.find((t) => t.id === r.tier_id)
      const item = byItem.get(r.order_line_item_id!)!
      const addons = records
        .filter((a) => a.kind === "addon" && a.line_key === r.line_key && a.order_line_item_id && (byItem.get(a.order_line_item_id)?.quantity ?? 0) > 0)
        .map((a) => noticeLine(byItem.get(a.order_line_item_id!)!, a))
      return {
        segment: { id: tier?.segment.id ?? r.segment_id, name: tier?.segment.name ?? null },
        tier: { id: r.tier_id, name: tier?.name ?? item.title, level: tier?.level ?? null },
        product_title: item.product_title,
        event_date: r.event_date,
        event_dates: eventDates(r.event_date, r.days),
        guest_count: r.guest_count,
        line: noticeLine(item, r),
        addons,
      }
    })
}

/** What every order template carries: the order, its tenant, the packages, every line with money and the totals. */
export type OrderNoticeData = {
  order_id: string
  display_id: number | null
  email: string | null
  customer_name: string | null
  sales_channel: { id: string; name: string | null }
  currency_code: string
  placed_at: string
  packages: NoticePackage[]
  lines: NoticeLine[]
  totals: { subtotal: number; discount_total: number; tax_total: number; total: number }
  payment: NoticePayment
}

export function orderNoticeData(order: NoticeOrder, records: NoticeRecord[], tiers: NoticeTier[], payment: NoticePayment): OrderNoticeData {
  const byItem = new Map(records.filter((r) => r.order_line_item_id).map((r) => [r.order_line_item_id!, r]))
  return {
    order_id: order.id,
    display_id: order.display_id,
    email: order.email,
    customer_name: order.customer_name,
    sales_channel: order.sales_channel,
    currency_code: order.currency_code,
    placed_at: order.placed_at,
    packages: orderPackages(order.items, records, tiers),
    lines: order.items.filter((i) => i.quantity > 0).map((i) => noticeLine(i, byItem.get(i.id))),
    totals: { subtotal: order.subtotal, discount_total: order.discount_total, tax_total: order.tax_total, total: order.total },
    payment,
  }
}

export type UpgradeNoticeData = OrderNoticeData & {
  upgrade: {
    from: { tier: { id: string; name: string | null; level: number | null }; segment: { id: string; name: string | null } }
    to: NoticePackage
    price_difference: number
  }
}

/** The upgraded order with what changed: the tier left, the package now booked and the price difference. */
export function upgradeNoticeData(
  base: OrderNoticeData,
  upgrade: { from_tier_id: string; to_tier_id: string; price_difference: number },
  tiers: NoticeTier[]
): UpgradeNoticeData | null {
  const to = base.packages.find((p) => p.tier.id === upgrade.to_tier_id)
  if (!to) {
    return null
  }
  const from = tiers.find((t) => t.id === upgrade.from_tier_id)
  return {
    ...base,
    upgrade: {
      from: {
        tier: { id: upgrade.from_tier_id, name: from?.name ?? null, level: from?.level ?? null },
        segment: { id: from?.segment.id ?? "", name: from?.segment.name ?? null },
      },
      to,
      price_difference: upgrade.price_difference,
    },
  }
}

export type RescheduleNoticeData = OrderNoticeData & {
  reschedule: { package: NoticePackage; from: string; to: string; price_difference: number }
}

/** The order after a move, naming the package moved and its dates before and after. */
export function rescheduleNoticeData(
  base: OrderNoticeData,
  moved: { line_item_id: string; from: string; to: string; price_difference: number }
): RescheduleNoticeData | null {
  const pkg = base.packages.find((p) => p.line.line_item_id === moved.line_item_id)
  if (!pkg) {
    return null
  }
  return { ...base, reschedule: { package: pkg, from: moved.from, to: moved.to, price_difference: moved.price_difference } }
}

export type NoticeOption = {
  id: string
  sales_channel: { id: string; name: string | null }
  client_name: string
  client_email: string | null
  event_date: string
  status: string
  expires_at: string | null
  hold_hours: number
}

export type OptionNoticeData = {
  option_id: string
  client_name: string
  email: string
  sales_channel: { id: string; name: string | null }
  event_date: string
  segment: { id: string; name: string | null }
  tier: { id: string; name: string; level: number | null }
  product_title: string | null
  /** When the option lets go of the date, ISO 8601. */
  expires_at: string | null
  hold_hours: number
}

export function optionNoticeData(option: NoticeOption & { client_email: string }, tier: NoticeTier, productTitle: string | null): OptionNoticeData {
  return {
    option_id: option.id,
    client_name: option.client_name,
    email: option.client_email,
    sales_channel: option.sales_channel,
    event_date: option.event_date,
    segment: tier.segment,
    tier: { id: tier.id, name: tier.name, level: tier.level },
    product_title: productTitle,
    expires_at: option.expires_at,
    hold_hours: option.hold_hours,
  }
}

/** An option still holding its date (live, or converted to a draft order) that lapses within `hours` of `now`, and not already. */
export function isLapsingSoon(option: Pick<NoticeOption, "status" | "expires_at">, hours: number, now: Date): boolean {
  if ((option.status !== "live" && option.status !== "converted") || !option.expires_at) {
    return false
  }
  const left = new Date(option.expires_at).getTime() - now.getTime()
  return left > 0 && left <= hours * 3_600_000
}
