import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { dateAvailability, DateStatus, isBookable, packageAvailability, packageDates } from "../lib/availability"
import { recordIncentive } from "../lib/cart-lines"
import { todayIn } from "../lib/dates"
import { ConflictError } from "../lib/errors"
import { priceTier } from "../lib/pricing"
import { dateProblem, priceDifference, RescheduleActor, rescheduleRuleProblem, RescheduleProblem } from "../lib/reschedule"
import { BOOKING_MODULE, BookingModuleService } from "../modules/booking"
import { LIVE_BOOKING_STATUSES } from "../modules/booking/service"
import { effectiveSettings, tenantAvailability } from "./availability"
import { loadActivePricingRules, variantPrices } from "./catalog"
import { loadOrder } from "./order"
import { orderTierLineRecords } from "./tier-lines"

export type RescheduleRequest = {
  order_id: string
  /** The tier line's order line item id, or its tier line record id. */
  line: string
  event_date: string
  actor: RescheduleActor
  /** A couple's: the order must be theirs and of one of the key's sales channels. */
  customer?: { customer_id: string; sales_channel_ids: string[] }
}

export type ReschedulePlan = {
  order_id: string
  sales_channel_id: string
  currency_code: string
  line_item_id: string
  booking_id: string
  /**
   * Every day's booking of the package as it is (one for a one-day package), and the new dates it
   * moves to: a day the package already holds on its new dates keeps its booking (re-indexed).
   */
  bookings: { id: string; day: number; event_date: string }[]
  to_dates: string[]
  /** The tier line record and, with it, those of its add-ons: their dates move together. */
  record_id: string
  record_ids: string[]
  /** The order lines of those records, whose metadata carries a copy of the date. */
  order_line_item_ids: string[]
  from: string
  to: string
  /** The new date's status for the booking's package, as the storefront sees it. */
  status: DateStatus
  remaining: number
  /** The capacity of the booking's pool on the new date. */
  capacity: number
  price_difference: number
  /** Why the move is refused (null: it can go ahead). */
  problem: RescheduleProblem | null
}

/** The error a refused reschedule answers with. */
export function rescheduleError(problem: RescheduleProblem): Error {
  if (problem.kind === "conflict") {
    return new ConflictError(problem.message)
  }
  const types = {
    invalid: MedusaError.Types.INVALID_DATA,
    not_allowed: MedusaError.Types.NOT_ALLOWED,
    forbidden: MedusaError.Types.FORBIDDEN,
  } as const
  return new MedusaError(types[problem.kind], problem.message)
}

/** The order of the request: any order for the merchant, the couple's own in their tenant; 404 otherwise. */
async function orderOf(scope: MedusaContainer, request: RescheduleRequest) {
  if (request.customer) {
    return loadOrder(scope, request.order_id, request.customer)
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["sales_channel_id"], filters: { id: request.order_id } })
  const channel = (data[0] as { sales_channel_id?: string | null } | undefined)?.sales_channel_id
  return loadOrder(scope, request.order_id, { sales_channel_ids: channel ? [channel] : [] })
}

/**
 * Everything a reschedule decides before it writes: the booking and records that move, the new
 * date's status and what the package costs on it against what was paid. Throws 4xx for what can
 * never move (another's order, a canceled one, a line that is not a booked package); a date the
 * booking cannot move to comes back as `problem`, so a preview can show it.
 */
export async function planReschedule(scope: MedusaContainer, request: RescheduleRequest): Promise<ReschedulePlan> {
  const order = await orderOf(scope, request)
  if (order.status === "canceled") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${order.id} is canceled; its booking cannot be moved`)
  }
  const records = await orderTierLineRecords(scope, order.id)
  const record = records.find((r) => r.kind === "tier" && (r.id === request.line || r.order_line_item_id === request.line))
  const item = record && order.items.find((i) => i.id === record.order_line_item_id && i.quantity > 0)
  if (!record || !item) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${order.id} has no booked package line ${request.line}`)
  }
  const bookings: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const booking = await bookings.liveBookingOf(record.id)
  if (!booking || booking.status !== "confirmed") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The booking of line item ${item.id} is not confirmed; it cannot be moved`)
  }
  const moving = records.filter((r) => r.id === record.id || r.parent_id === record.id)
  const channel = order.sales_channel_id!
  const toDates = packageDates(request.event_date, record.days)
  const [settings, tenant, prices, rules, days] = await Promise.all([
    effectiveSettings(scope, channel),
    tenantAvailability(scope, { sales_channel_id: channel, from: request.event_date, to: toDates[toDates.length - 1] }),
    variantPrices(scope, [record.variant_id], { id: order.region_id!, currency_code: order.currency_code }),
    loadActivePricingRules(scope),
    record.days > 1
      ? bookings.listBookings({ tier_line_id: record.id, status: [...LIVE_BOOKING_STATUSES] }, { select: ["id", "day", "event_date"], order: { day: "ASC" } })
      : Promise.resolve([{ id: booking.id, day: 0, event_date: record.event_date }]),
  ])
  const today = todayIn(settings.time_zone)
  const pool = tenant.poolOf(record.product_id)
  // A day the package holds already (its own booking, when the new dates overlap the old) is not taken from it.
  const own = new Set(days.map((d) => d.event_date))
  const each = toDates.map((date) =>
    dateAvailability(date, today, tenant.rulesFor(record.product_id), tenant.booked(pool, date) - (own.has(date) ? 1 : 0))
  )
  const day = packageAvailability(each)
  const blocking = each.find((d) => !isBookable(d.status)) ?? day
  const base = prices.get(record.variant_id)
  const price =
    base === null || base === undefined
      ? null
      : priceTier({
          base,
          currency_code: order.currency_code,
          event_date: request.event_date,
          today,
          segment_id: record.segment_id,
          rules,
          incentive: recordIncentive(record),
        })
  const problem =
    rescheduleRuleProblem({ ...settings, actor: request.actor, from: record.event_date, to: request.event_date, today }) ??
    dateProblem(blocking) ??
    (price ? null : { kind: "not_allowed" as const, message: `The package of line item ${item.id} has no price in ${order.currency_code.toUpperCase()} any more` })
  return {
    order_id: order.id,
    sales_channel_id: channel,
    currency_code: order.currency_code,
    line_item_id: item.id,
    booking_id: booking.id,
    bookings: days.map((d) => ({ id: d.id, day: d.day, event_date: d.event_date })),
    to_dates: toDates,
    record_id: record.id,
    record_ids: moving.map((r) => r.id),
    order_line_item_ids: moving.map((r) => r.order_line_item_id).filter((id): id is string => !!id),
    from: record.event_date,
    to: request.event_date,
    status: day.status,
    remaining: day.remaining,
    capacity: tenant.capacityOfPool(pool),
    // Add-ons are priced without the date, so only the package's price moves with it.
    price_difference: price ? priceDifference([{ paid_unit_price: record.unit_price, new_unit_price: price.final, quantity: record.quantity }], order.currency_code) : 0,
    problem,
  }
}
