import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules, OrderStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { dateAvailability } from "../../lib/availability"
import { todayUtc } from "../../lib/dates"
import { ConflictError } from "../../lib/errors"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import type { SlotRequest } from "../../modules/booking/service"
import { ensureSalesChannel, tenantAvailability } from "../../queries/availability"
import { slotRules } from "../../queries/checkout"
import { loadVisibleTiers, priceVisibleTiers } from "../../queries/catalog"
import { graphRows } from "../../queries/rows"

/** Emitted when a queued option moves up and holds its date: { option_id, sales_channel_id, event_date, client_email }. */
export const OPTION_PROMOTED = "tiered.option.promoted"

const HOUR_MS = 3_600_000

type OptionRow = Awaited<ReturnType<BookingModuleService["retrieveDateOption"]>>

/** Options of one date change one at a time, across processes: two promotions never race for a slot. */
async function underDateLock<T>(container: MedusaContainer, salesChannelId: string, date: string, job: () => Promise<T>): Promise<T> {
  const locking = container.resolve(Modules.LOCKING)
  return await locking.execute(`tiered-option:${salesChannelId}:${date}`, job, { timeout: 10 })
}

/** Takes the lowest free slot of the option's tier's pool on its date for it: a hold until `expiresAt`, or `booking` as given. Null when the date has no room. */
async function slotFor(
  container: MedusaContainer,
  option: OptionRow,
  booking: Pick<SlotRequest, "status" | "expires_at" | "order_id" | "line_item_id" | "tier_line_id">
): Promise<{ id: string; created: boolean } | null> {
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  const { pool, capacity } = await slotRules(container, option.sales_channel_id, option.product_id, option.event_date)
  return await service.takeSlot({
    sales_channel_id: option.sales_channel_id,
    tier_id: option.tier_id,
    product_id: option.product_id,
    event_date: option.event_date,
    pool,
    capacity,
    option_id: option.id,
    ...booking,
  })
}

/** Holds the option's date until `expires_at`; null when the date has no room. */
async function holdFor(container: MedusaContainer, option: OptionRow, expiresAt: Date): Promise<string | null> {
  return (await slotFor(container, option, { status: "held", expires_at: expiresAt }))?.id ?? null
}

/**
 * Brings a date's options up to `now` (call under the date's lock): live options that lapsed (or
 * whose hold a taker canceled after it lapsed) become `lapsed` and let go of their hold; then the
 * queued ones, lowest position first, take the date while it has room, each holding it for its own
 * `hold_hours` from now. Answers the ids promoted (and announces each).
 */
async function settleDate(container: MedusaContainer, salesChannelId: string, date: string, now: Date): Promise<string[]> {
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  const options = await service.listDateOptions(
    { sales_channel_id: salesChannelId, event_date: date, status: ["live", "converted", "queued"] },
    { order: { position: "ASC" } }
  )
  const holding = options.filter((o) => o.status !== "queued")
  const holds = await service.listBookings({ id: holding.map((o) => o.booking_id!).filter(Boolean) }, { select: ["id", "status"] })
  const held = new Set(holds.filter((b) => b.status === "held" || b.status === "pending").map((b) => b.id))
  const lapsed = holding.filter((o) => !o.expires_at || new Date(o.expires_at).getTime() <= now.getTime() || !held.has(o.booking_id!))
  if (lapsed.length) {
    await service.updateDateOptions(lapsed.map((o) => ({ id: o.id, status: "lapsed" as const })))
    await service.changeStatusWhere({ ids: lapsed.map((o) => o.booking_id!).filter(Boolean), from: "held", to: "canceled" })
  }
  const promoted: string[] = []
  for (const option of options.filter((o) => o.status === "queued")) {
    const expiresAt = new Date(now.getTime() + option.hold_hours * HOUR_MS)
    const bookingId = await holdFor(container, option, expiresAt)
    if (bookingId) {
      await service.updateDateOptions({ id: option.id, status: "live", booking_id: bookingId, expires_at: expiresAt })
      promoted.push(option.id)
    }
  }
  if (promoted.length) {
    const byId = new Map(options.map((o) => [o.id, o]))
    await container.resolve(Modules.EVENT_BUS).emit(
      promoted.map((id) => ({
        name: OPTION_PROMOTED,
        data: { option_id: id, sales_channel_id: salesChannelId, event_date: date, client_email: byId.get(id)!.client_email },
      }))
    )
  }
  return promoted
}

export type PencilDateOptionInput = {
  sales_channel_id: string
  event_date: string
  tier_id: string
  client_name: string
  client_email: string
  note?: string | null
  expires_in_hours: number
}

/**
 * Pencils a date in for a merchant's client: the option is `live` (holding the date) when the
 * date has room, else `queued` behind the date's other options. Refused (nothing written) for an
 * unknown tenant or tier (404), a past date, one outside the booking window or a blackout (400).
 */
export const pencilDateOptionStep = createStep(
  "pencil-date-option",
  async (input: PencilDateOptionInput, { container }) => {
    await ensureSalesChannel(container, input.sales_channel_id)
    const [tier] = await loadVisibleTiers(container, [input.sales_channel_id], { id: [input.tier_id] })
    if (!tier) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${input.tier_id} was not found`)
    }
    if ((tier.row.days ?? 1) > 1) {
      // An option holds, queues and converts one date; a package of several days is booked through a cart.
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${tier.row.name} takes ${tier.row.days} days; options pencil in one-day packages only`)
    }
    const productId = tier.row.product!.id
    const tenant = await tenantAvailability(container, { sales_channel_id: input.sales_channel_id, from: input.event_date, to: input.event_date })
    const day = dateAvailability(input.event_date, todayUtc(), tenant.rulesFor(productId), 0, { count: 0, until: null })
    if (day.status === "blackout" || day.status === "unavailable") {
      const why = day.status === "blackout" ? `is not bookable${day.reason ? ` (${day.reason})` : ""}` : "is outside the booking window"
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${input.event_date} ${why}`)
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const optionId = await underDateLock(container, input.sales_channel_id, input.event_date, async () => {
      const now = new Date()
      await settleDate(container, input.sales_channel_id, input.event_date, now)
      const [last] = await service.listDateOptions(
        { sales_channel_id: input.sales_channel_id, event_date: input.event_date },
        { select: ["position"], order: { position: "DESC" }, take: 1 }
      )
      const { expires_in_hours, ...rest } = input
      const option = await service.createDateOptions({
        ...rest,
        note: input.note ?? null,
        product_id: productId,
        hold_hours: expires_in_hours,
        position: (last?.position ?? 0) + 1,
        status: "queued",
      })
      const waiting = await service.listDateOptions(
        { sales_channel_id: input.sales_channel_id, event_date: input.event_date, status: "queued", id: { $ne: option.id } },
        { select: ["id"], take: 1 }
      )
      // An option never jumps the queue: it holds the date only when no earlier option waits for it.
      if (!waiting.length) {
        const expiresAt = new Date(now.getTime() + expires_in_hours * HOUR_MS)
        const bookingId = await holdFor(container, option, expiresAt)
        if (bookingId) {
          await service.updateDateOptions({ id: option.id, status: "live", booking_id: bookingId, expires_at: expiresAt })
        }
      }
      return option.id
    })
    return new StepResponse(optionId, optionId)
  },
  async (optionId, { container }) => {
    if (optionId) {
      const service: BookingModuleService = container.resolve(BOOKING_MODULE)
      const option = await service.retrieveDateOption(optionId)
      if (option.booking_id) {
        await service.changeStatusWhere({ ids: [option.booking_id], from: "held", to: "canceled" })
      }
      await service.deleteDateOptions(optionId)
    }
  }
)

/** The option, 404 unless it is the tenant's. */
async function tenantOption(container: MedusaContainer, salesChannelId: string, optionId: string): Promise<OptionRow> {
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  const [option] = await service.listDateOptions({ id: optionId, sales_channel_id: salesChannelId })
  if (!option) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Option ${optionId} was not found`)
  }
  return option
}

export type ChangeDateOptionInput = {
  sales_channel_id: string
  option_id: string
  /** `extend`: the option holds the date for `expires_in_hours` from now (a queued one, once it moves up). */
  action: "extend" | "release"
  expires_in_hours?: number
}

/**
 * Extends or releases an option under its date's lock, after bringing the date's options up to
 * now. Releasing a live option lets go of its hold and moves the next queued option up. An option
 * already released or lapsed is a conflict (409), and nothing changes.
 */
export const changeDateOptionStep = createStep("change-date-option", async (input: ChangeDateOptionInput, { container }) => {
  const found = await tenantOption(container, input.sales_channel_id, input.option_id)
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  await underDateLock(container, found.sales_channel_id, found.event_date, async () => {
    const now = new Date()
    await settleDate(container, found.sales_channel_id, found.event_date, now)
    const option = await service.retrieveDateOption(found.id)
    if (option.status === "released" || option.status === "lapsed") {
      throw new ConflictError(`Option ${option.id} is already ${option.status}`)
    }
    if (input.action === "extend") {
      const hours = input.expires_in_hours!
      if (option.status === "queued") {
        await service.updateDateOptions({ id: option.id, hold_hours: hours })
      } else {
        const expiresAt = new Date(now.getTime() + hours * HOUR_MS)
        await service.updateBookings({ selector: { id: option.booking_id!, status: "held" }, data: { expires_at: expiresAt } })
        await service.updateDateOptions({ id: option.id, hold_hours: hours, expires_at: expiresAt })
      }
    } else {
      await service.updateDateOptions({ id: option.id, status: "released" })
      if (option.booking_id) {
        await service.changeStatusWhere({ ids: [option.booking_id], from: "held", to: "canceled" })
      }
      await settleDate(container, option.sales_channel_id, option.event_date, now)
    }
  })
  return new StepResponse(found.id)
})

/**
 * For the job: every date with an option that lapsed by `now` is brought up to date (the option
 * marked lapsed, its hold let go, the next queued option moved up). Answers the options promoted.
 */
export const settleLapsedOptionsStep = createStep("settle-lapsed-options", async (input: { cart_id?: string; now?: string }, { container }) => {
  if (input.cart_id) {
    return new StepResponse({ option_dates: 0, options_promoted: 0 })
  }
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  const now = input.now ? new Date(input.now) : new Date()
  const due = await service.listDateOptions(
    { status: ["live", "converted"], expires_at: { $lte: now } },
    { select: ["sales_channel_id", "event_date"], take: 500 }
  )
  const dates = new Map(due.map((o) => [`${o.sales_channel_id}|${o.event_date}`, o]))
  let promoted = 0
  for (const o of dates.values()) {
    promoted += (await underDateLock(container, o.sales_channel_id, o.event_date, () => settleDate(container, o.sales_channel_id, o.event_date, now))).length
  }
  return new StepResponse({ option_dates: dates.size, options_promoted: promoted })
})

export type ConvertDateOptionInput = { sales_channel_id: string; option_id: string; region_id: string }

/**
 * What a draft order for a live option needs: its client, the region and the tier's package at
 * the plugin's price for the date. 404 for an unknown region or another tenant's option; 409
 * unless the option is live (a queued one holds no date yet); 400 when the tier has no price there.
 */
export const prepareOptionDraftOrderStep = createStep("prepare-option-draft-order", async (input: ConvertDateOptionInput, { container }) => {
  const option = await tenantOption(container, input.sales_channel_id, input.option_id)
  if (option.status !== "live" || !option.expires_at || new Date(option.expires_at).getTime() <= Date.now()) {
    throw new ConflictError(`Option ${option.id} is ${option.status === "live" ? "lapsed" : option.status}: only a live option becomes a draft order`)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: input.region_id } })
  const [region] = graphRows<{ id: string; currency_code: string }>(data)
  if (!region) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Region ${input.region_id} was not found`)
  }
  const [tier] = await loadVisibleTiers(container, [option.sales_channel_id], { id: [option.tier_id] })
  if (!tier) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${option.tier_id} was not found`)
  }
  const [priced] = await priceVisibleTiers(container, [tier], region, option.event_date)
  if (!priced.price) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${tier.row.name} has no price in ${region.currency_code.toUpperCase()}`)
  }
  return new StepResponse({
    region_id: region.id,
    currency_code: region.currency_code,
    email: option.client_email,
    sales_channel_id: option.sales_channel_id,
    status: OrderStatus.DRAFT,
    is_draft_order: true,
    no_notification: true,
    items: [{ title: tier.row.name, variant_id: tier.variant_id, quantity: 1, unit_price: priced.price.final, metadata: { tiered_option_id: option.id, tiered_event_date: option.event_date } }],
    metadata: { tiered_option_id: option.id, tiered_event_date: option.event_date, tiered_client_name: option.client_name },
  })
})

/** Marks the option converted with its draft order, under the date's lock; 409 (the draft undone) if it stopped being live meanwhile. */
export const markOptionConvertedStep = createStep(
  "mark-option-converted",
  async (input: { option_id: string; draft_order_id: string }, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const found = await service.retrieveDateOption(input.option_id)
    await underDateLock(container, found.sales_channel_id, found.event_date, async () => {
      await settleDate(container, found.sales_channel_id, found.event_date, new Date())
      const option = await service.retrieveDateOption(found.id)
      if (option.status !== "live") {
        throw new ConflictError(`Option ${option.id} is ${option.status}: only a live option becomes a draft order`)
      }
      await service.updateDateOptions({ id: option.id, status: "converted", draft_order_id: input.draft_order_id })
    })
    return new StepResponse(found.id, found.id)
  },
  async (optionId, { container }) => {
    if (optionId) {
      const service: BookingModuleService = container.resolve(BOOKING_MODULE)
      await service.updateDateOptions({ selector: { id: optionId, status: "converted" }, data: { status: "live", draft_order_id: null } })
    }
  }
)

/** How long a conversion to order keeps the option's date at least, while Medusa places the order. */
const CONVERSION_GRACE_MS = 15 * 60_000

async function optionOfDraft(container: MedusaContainer, orderId: string): Promise<OptionRow | undefined> {
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  const [option] = await service.listDateOptions({ draft_order_id: orderId })
  return option
}

/**
 * Before Medusa turns an option's draft order into an order, the option must hold its date: a
 * converted option's hold is kept for at least the grace; one that lapsed takes the date again
 * when it is still free, and is refused (409 naming the date, nothing changed) when not; a
 * released option is refused. Draft orders of no option, and booked options, pass untouched.
 */
export const secureOptionDateStep = createStep("secure-option-date", async (input: { draft_order_id: string }, { container }) => {
  const found = await optionOfDraft(container, input.draft_order_id)
  if (!found || found.status === "booked") {
    return new StepResponse(null)
  }
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  await underDateLock(container, found.sales_channel_id, found.event_date, async () => {
    const now = new Date()
    await settleDate(container, found.sales_channel_id, found.event_date, now)
    const option = await service.retrieveDateOption(found.id)
    if (option.status === "released") {
      throw new ConflictError(`Option ${option.id} for ${option.client_name} was released: draft order ${input.draft_order_id} no longer holds ${option.event_date}`)
    }
    if (option.status === "booked") {
      return
    }
    const until = new Date(Math.max(now.getTime() + CONVERSION_GRACE_MS, option.expires_at ? new Date(option.expires_at).getTime() : 0))
    if (option.status === "converted") {
      await service.updateBookings({ selector: { id: option.booking_id!, status: "held" }, data: { expires_at: until } })
      await service.updateDateOptions({ id: option.id, expires_at: until })
      return
    }
    const bookingId = await holdFor(container, option, until)
    if (!bookingId) {
      throw new ConflictError(
        `${option.event_date} is no longer free: option ${option.id} for ${option.client_name} lapsed and the date was taken since, so draft order ${input.draft_order_id} cannot become an order`
      )
    }
    await service.updateDateOptions({ id: option.id, status: "converted", booking_id: bookingId, expires_at: until })
  })
  return new StepResponse(found.id)
})

export type OptionOrderBooking = {
  option_id: string
  booking_id: string | null
  /** What this call changed: the hold confirmed, a new booking taken, or nothing (done before). */
  change: "hold_confirmed" | "booking_created" | "none" | "unbooked"
}

type OptionOrderRow = {
  id: string
  status: string
  is_draft_order: boolean
  sales_channel_id: string | null
  currency_code: string
  region_id: string | null
  items?: { id: string; title: string; variant_id: string | null; unit_price: unknown; quantity: unknown }[] | null
}

/**
 * An option's draft order became an order: the option's hold becomes the order's confirmed
 * booking (or, when the hold lapsed and was canceled since, the date is booked again if free), the
 * order's package line gets its tier line record, and the option reads `booked`. Doing it again
 * changes nothing, so order.placed redelivered and the reconciler are both safe. A date taken by
 * someone else meanwhile leaves the order flagged for the merchant. Null for orders of no option
 * (or still drafts, or canceled).
 */
export async function bookOptionOrder(container: MedusaContainer, orderId: string): Promise<OptionOrderBooking | null> {
  const found = await optionOfDraft(container, orderId)
  if (!found) {
    return null
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "status", "is_draft_order", "sales_channel_id", "currency_code", "region_id", "items.id", "items.title", "items.variant_id", "items.unit_price", "items.quantity"],
    filters: { id: orderId },
  })
  const order = data[0] as OptionOrderRow | undefined
  if (!order || order.is_draft_order || order.status === "draft" || order.status === "canceled" || order.sales_channel_id !== found.sales_channel_id) {
    return null
  }
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  return await underDateLock(container, found.sales_channel_id, found.event_date, async () => {
    const option = await service.retrieveDateOption(found.id)
    const [tier] = await loadVisibleTiers(container, [option.sales_channel_id], { id: [option.tier_id] }, { ignoreFlags: true })
    const item = (order.items ?? []).find((i) => tier && i.variant_id === tier.variant_id)
    let [record] = await service.listTierLines({ order_id: order.id, kind: "tier" }, { select: ["id"] })
    if (!record && item && tier) {
      const region = { id: order.region_id ?? "", currency_code: order.currency_code }
      const [priced] = await priceVisibleTiers(container, [tier], region, option.event_date)
      const unitPrice = Number(item.unit_price)
      const [id] = await service.applyTierLineChanges({
        create: [
          {
            kind: "tier" as const,
            line_key: option.id,
            parent_id: null,
            sales_channel_id: option.sales_channel_id,
            order_id: order.id,
            order_line_item_id: item.id,
            tier_id: tier.row.id,
            segment_id: tier.row.segment_id,
            product_id: option.product_id,
            variant_id: tier.variant_id,
            event_date: option.event_date,
            guest_count: null,
            quantity: Number(item.quantity ?? 1),
            unit_price: unitPrice,
            currency_code: order.currency_code,
            price_breakdown: (priced.price ?? { base: unitPrice, adjustments: [], final: unitPrice, currency_code: order.currency_code }) as unknown as Record<string, unknown>,
            status: "active" as const,
          },
        ],
        update: [],
      })
      record = { id } as typeof record
    }
    const confirmed = { status: "confirmed" as const, order_id: order.id, line_item_id: item?.id ?? null, tier_line_id: record?.id ?? null, expires_at: null }
    const [hold] = option.booking_id ? await service.listBookings({ id: option.booking_id }, { select: ["id", "status", "order_id"] }) : []
    let change: OptionOrderBooking["change"] = "none"
    let bookingId: string | null = hold?.id ?? null
    if (hold?.status === "confirmed" && hold.order_id === order.id) {
      change = "none"
    } else if (hold && (hold.status === "pending" || (await service.changeStatusWhere({ ids: [hold.id], from: "held", to: "pending" })).length)) {
      // The hold is ours once it is a claim: a taker can no longer cancel it as lapsed.
      await service.updateBookings({ id: hold.id, ...confirmed })
      change = "hold_confirmed"
    } else {
      const taken = await slotFor(container, option, confirmed)
      bookingId = taken?.id ?? null
      change = !taken ? "unbooked" : taken.created ? "booking_created" : "none"
    }
    if (change === "unbooked") {
      await service.recordRepairs([
        {
          kind: "order_flagged",
          needs_attention: true,
          sales_channel_id: option.sales_channel_id,
          order_id: order.id,
          tier_line_id: record?.id ?? null,
          event_date: option.event_date,
          reason: `Order ${order.id} came from option ${option.id} for ${option.client_name}, whose hold on ${option.event_date} lapsed; the date was taken by another booking`,
        },
      ])
    } else if (option.status !== "booked" || option.booking_id !== bookingId) {
      await service.updateDateOptions({ id: option.id, status: "booked", booking_id: bookingId })
    }
    return { option_id: option.id, booking_id: bookingId, change }
  })
}

/** See bookOptionOrder. */
export const bookOptionOrderStep = createStep("book-option-order", async (input: { order_id: string }, { container }) => {
  return new StepResponse(await bookOptionOrder(container, input.order_id))
})
