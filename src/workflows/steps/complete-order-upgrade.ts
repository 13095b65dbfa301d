import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { loadOrder } from "../../queries/order"
import { slotRules } from "../../queries/checkout"
import { orderTierLineRecords } from "../../queries/tier-lines"
import { ConflictError } from "../../lib/errors"

type RecordState = { id: string; status: "active" | "pending" | "replaced"; parent_id: string | null; tier_id: string; segment_id: string; order_line_item_id: string | null }
type BookingState = { id: string; tier_line_id: string | null; tier_id: string; product_id: string; line_item_id: string | null; pool: string; slot: number }

/** What finishing an order upgrade changed, so that it can be undone. */
export type OrderUpgradeChanges = { records: RecordState[]; booking: BookingState | null }

export type CompleteOrderUpgradeResult =
  | { state: "completed"; changes: OrderUpgradeChanges }
  | { state: "already_completed" }
  /** The order edit never added the new line: the upgrade did not happen. */
  | { state: "not_applied" }
  /** The new line is in the order but its date has no room in the new tier's capacity pool. */
  | { state: "no_slot"; event_date: string }

/**
 * Makes an order upgrade's pending record the line's record once Medusa's order edit added the
 * line: the old record is retired, the add-ons hang on the new one, and the booking follows (to
 * the lowest free slot when the new tier has a capacity pool of its own). Idempotent, so the
 * reconciler finishes an upgrade whose process died after the edit was confirmed.
 */
export async function completeOrderUpgrade(
  container: MedusaContainer,
  input: { order_id: string; record_id: string }
): Promise<CompleteOrderUpgradeResult> {
  const service: BookingModuleService = container.resolve(BOOKING_MODULE)
  const [record] = await service.listTierLines({ id: input.record_id })
  if (!record || record.status === "active") {
    return { state: "already_completed" }
  }
  const order = await loadOrder(container, input.order_id, { sales_channel_ids: [record.sales_channel_id] })
  const line = order.items.find((i) => i.metadata?.tier_line_id === record.id && i.quantity > 0)
  if (!line) {
    return { state: "not_applied" }
  }
  const records = await orderTierLineRecords(container, input.order_id)
  const old = records.find((r) => r.kind === "tier" && r.line_key === record.line_key && r.id !== record.id)
  const addons = old ? records.filter((r) => r.kind === "addon" && r.parent_id === old.id) : []
  const snapshot = (r: RecordState): RecordState => ({
    id: r.id,
    status: r.status,
    parent_id: r.parent_id,
    tier_id: r.tier_id,
    segment_id: r.segment_id,
    order_line_item_id: r.order_line_item_id,
  })
  const changes: OrderUpgradeChanges = { records: [record as RecordState, ...(old ? [old] : []), ...addons].map(snapshot), booking: null }

  const booking = (await service.liveBookingOf(record.id)) ?? (old ? await service.liveBookingOf(old.id) : null)
  if (booking && booking.tier_line_id !== record.id) {
    const before = await service.retrieveBooking(booking.id)
    changes.booking = {
      id: before.id,
      tier_line_id: before.tier_line_id,
      tier_id: before.tier_id,
      product_id: before.product_id,
      line_item_id: before.line_item_id,
      pool: before.pool,
      slot: before.slot,
    }
    const moved = { tier_line_id: record.id, tier_id: record.tier_id, product_id: record.product_id, line_item_id: line.id }
    const { pool, capacity } = await slotRules(container, record.sales_channel_id, record.product_id, record.event_date)
    if (pool === before.pool) {
      await service.updateBookings({ id: before.id, ...moved })
    } else if (!(await service.moveToPool(before.id, { pool, capacity }, moved))) {
      return { state: "no_slot", event_date: record.event_date }
    }
  }
  await service.applyTierLineChanges({
    create: [],
    update: [
      { id: record.id, status: "active", order_line_item_id: line.id },
      ...(old ? [{ id: old.id, status: "replaced" as const }] : []),
      ...addons.map((a) => ({ id: a.id, parent_id: record.id, tier_id: record.tier_id, segment_id: record.segment_id })),
    ],
  })
  return { state: "completed", changes }
}

/** Puts the records and the booking back as they were before completeOrderUpgrade. */
export async function undoOrderUpgrade(service: BookingModuleService, changes: OrderUpgradeChanges) {
  if (changes.booking) {
    await service.updateBookings(changes.booking)
  }
  await service.applyTierLineChanges({ create: [], update: changes.records })
}

/** The upgrade workflow's last write: see completeOrderUpgrade. */
export const completeOrderUpgradeStep = createStep(
  "complete-order-upgrade",
  async (input: { order_id: string; record_id: string }, { container }) => {
    const result = await completeOrderUpgrade(container, input)
    if (result.state === "no_slot") {
      throw new ConflictError(`${result.event_date} was just taken for the new tier; the order was not changed`)
    }
    if (result.state === "not_applied") {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The order edit of order ${input.order_id} did not add the upgraded line`)
    }
    return new StepResponse(result, result.state === "completed" ? result.changes : null)
  },
  async (changes, { container }) => {
    if (changes) {
      await undoOrderUpgrade(container.resolve(BOOKING_MODULE), changes)
    }
  }
)
