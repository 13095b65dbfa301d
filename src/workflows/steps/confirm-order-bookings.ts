import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { LIVE_BOOKING_STATUSES, RepairInput } from "../../modules/booking/service"
import { slotRules } from "../../queries/checkout"
import { cartTierLineRecords } from "../../queries/tier-lines"
import { ConflictError } from "../../lib/errors"

/** What confirming an order's bookings changed, so that it can be undone. */
export type OrderBookingChanges = {
  records: { id: string; order_id: string | null; order_line_item_id: string | null }[]
  confirmed: string[]
  created: string[]
  /** Tier lines left without a booking: their date was taken (only when asked to report rather than throw). */
  unbooked: { record_id: string; event_date: string; title: string }[]
}

type OrderRow = {
  id: string
  sales_channel_id: string | null
  items?: { id: string; title: string; metadata: Record<string, unknown> | null }[] | null
}

/**
 * Points a cart's records at the order lines Medusa made from its lines (the record id travels in
 * the line's metadata, which checkout verified against the records) and turns each tier line's
 * claim into its confirmed booking; a tier line whose claim is gone gets the lowest free slot.
 * Idempotent: the checkout's order-created hook runs it, and the reconciler runs it again for an
 * order whose checkout was interrupted.
 */
export async function confirmOrderBookings(
  container: MedusaContainer,
  input: { order_id: string; cart_id: string; onNoSlot?: "throw" | "report" }
): Promise<OrderBookingChanges> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  const [{ data }, records] = await Promise.all([
    query.graph({ entity: "order", fields: ["id", "sales_channel_id", "items.id", "items.title", "items.metadata"], filters: { id: input.order_id } }),
    cartTierLineRecords(container, input.cart_id),
  ])
  const order = data[0] as OrderRow | undefined
  const changes: OrderBookingChanges = { records: [], confirmed: [], created: [], unbooked: [] }
  if (!order) {
    return changes
  }
  const byId = new Map(records.map((r) => [r.id, r]))
  const matched = (order.items ?? []).flatMap((item) => {
    const record = byId.get(String(item.metadata?.tier_line_id ?? ""))
    return record && record.sales_channel_id === order.sales_channel_id ? [{ item, record }] : []
  })
  try {
    const moved = matched.filter(({ item, record }) => record.order_id !== order.id || record.order_line_item_id !== item.id)
    if (moved.length) {
      changes.records.push(...moved.map(({ record }) => ({ id: record.id, order_id: record.order_id, order_line_item_id: record.order_line_item_id })))
      await service.updateTierLines(moved.map(({ item, record }) => ({ id: record.id, order_id: order.id, order_line_item_id: item.id })))
    }
    const tiers = matched.filter((m) => m.record.kind === "tier")
    // A hold still on a placed order's line (its claim was given back after the order was made) becomes its claim first.
    const holds = tiers.length ? await service.listBookings({ tier_line_id: tiers.map((m) => m.record.id), status: "held" }, { select: ["id"] }) : []
    await service.changeStatusWhere({ ids: holds.map((h) => h.id), from: "held", to: "pending" })
    const live = tiers.length
      ? await service.listBookings({ tier_line_id: tiers.map((m) => m.record.id), status: [...LIVE_BOOKING_STATUSES] }, { select: ["id", "status", "tier_line_id"] })
      : []
    // Every day of a multi-day package is a claim of its own.
    const claims = tiers.flatMap(({ item, record }) =>
      live
        .filter((b) => b.tier_line_id === record.id && b.status === "pending")
        .map((claim) => ({ id: claim.id, status: "confirmed" as const, order_id: order.id, line_item_id: item.id }))
    )
    if (claims.length) {
      await service.updateBookings(claims)
      changes.confirmed.push(...claims.map((c) => c.id))
    }
    // A line without its booking, or a multi-day one missing a day: takeSlot books the days it lacks.
    for (const { item, record } of tiers.filter((m) => live.filter((b) => b.tier_line_id === m.record.id).length < m.record.days)) {
      const { pool, capacity } = await slotRules(container, record.sales_channel_id, record.product_id, record.event_date)
      const taken = await service.takeSlot({
        sales_channel_id: record.sales_channel_id,
        tier_id: record.tier_id,
        product_id: record.product_id,
        event_date: record.event_date,
        pool,
        capacity,
        days: record.days,
        status: "confirmed",
        tier_line_id: record.id,
        cart_id: input.cart_id,
        order_id: order.id,
        line_item_id: item.id,
        guest_count: record.guest_count,
      })
      if (taken) {
        changes.created.push(...taken.made)
      } else {
        if (input.onNoSlot !== "report") {
          throw new ConflictError(`${record.event_date} was just taken for ${item.title}; choose another date`)
        }
        changes.unbooked.push({ record_id: record.id, event_date: record.event_date, title: item.title })
      }
    }
  } catch (e) {
    await undoOrderBookings(service, changes)
    throw e
  }
  return changes
}

/** What confirming an interrupted checkout's bookings repaired, and the lines it could not book (flags for the merchant). */
export function confirmationRepairs(order: { id: string; sales_channel_id: string | null }, cartId: string, changes: OrderBookingChanges): RepairInput[] {
  const base = { sales_channel_id: order.sales_channel_id, order_id: order.id, cart_id: cartId }
  return [
    ...changes.confirmed.map((id) => ({
      ...base,
      kind: "claim_confirmed" as const,
      booking_id: id,
      reason: `The checkout stopped after order ${order.id} was created; its date claim was confirmed as the order's booking`,
    })),
    ...changes.created.map((id) => ({
      ...base,
      kind: "booking_created" as const,
      booking_id: id,
      reason: `Order ${order.id} had a package without its booking; the date was booked`,
    })),
    ...changes.unbooked.map((lost) => ({
      ...base,
      kind: "order_flagged" as const,
      needs_attention: true,
      tier_line_id: lost.record_id,
      event_date: lost.event_date,
      reason: `${lost.title} on ${lost.event_date} has no booking: the date was taken by another booking`,
    })),
  ]
}

/** Puts records and bookings back as they were before confirmOrderBookings. */
export async function undoOrderBookings(service: BookingModuleService, changes: OrderBookingChanges) {
  if (changes.created.length) {
    await service.updateBookings(changes.created.map((id) => ({ id, status: "canceled" as const })))
  }
  if (changes.confirmed.length) {
    await service.updateBookings(changes.confirmed.map((id) => ({ id, status: "pending" as const, order_id: null, line_item_id: null })))
  }
  if (changes.records.length) {
    await service.updateTierLines(changes.records)
  }
}
