import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { AvailabilitySettings } from "./models/availability-settings"
import { Blackout } from "./models/blackout"
import { Booking } from "./models/booking"
import { BookingRepair } from "./models/booking-repair"
import { CapacityOverride } from "./models/capacity-override"
import { HighDemandDate } from "./models/high-demand-date"
import { ReconcileRun } from "./models/reconcile-run"
import { TierLine } from "./models/tier-line"
import type { TierRepairKind } from "../../contract/admin"

export const DEFAULT_AVAILABILITY = {
  capacity_per_date: 1,
  min_lead_days: 0,
  max_advance_days: null as number | null,
  high_demand_threshold: 0,
  hold_minutes: 30,
  time_zone: "UTC",
  allow_customer_reschedule: false,
  reschedule_notice_days: 14,
}

/** Asks for a reconciler run (a subscriber runs it where background work runs). */
export const RECONCILE_REQUESTED = "tiered.reconcile.requested"

/** Statuses of a booking that hold its slot (a checkout's claim included). */
export const LIVE_BOOKING_STATUSES = ["pending", "confirmed", "completed"] as const

export type SlotRequest = {
  sales_channel_id: string
  tier_id: string
  product_id: string
  event_date: string
  pool: string
  /** Bookings the pool takes on the date. */
  capacity: number
  status: "pending" | "confirmed"
  tier_line_id?: string | null
  cart_id?: string | null
  order_id?: string | null
  line_item_id?: string | null
  guest_count?: number | null
}

export type RepairInput = {
  kind: TierRepairKind
  reason: string
  sales_channel_id?: string | null
  order_id?: string | null
  cart_id?: string | null
  booking_id?: string | null
  tier_line_id?: string | null
  event_date?: string | null
  needs_attention?: boolean
}

type BookingRow = { id: string; slot: number; status: string; tier_line_id: string | null }

/** PostgreSQL's unique violation, as MikroORM or Medusa's error wrapper report it. */
export function isUniqueViolation(e: unknown): boolean {
  const error = e as { code?: string; message?: string } | null
  return error?.code === "23505" || /already exists|unique|duplicate/i.test(String(error?.message))
}

/**
 * Event-date capacity and its bookings. The slot rules live here, once: a booking takes the
 * lowest free slot of its pool on its date, and the partial unique indexes (one live booking a
 * slot, one a tier line record) settle any race between processes.
 */
export default class BookingModuleService extends MedusaService({
  AvailabilitySettings,
  Blackout,
  Booking,
  BookingRepair,
  CapacityOverride,
  HighDemandDate,
  ReconcileRun,
  TierLine,
}) {
  protected declare eventBusModuleService_?: { emit: (event: { name: string; data: unknown }) => Promise<void> }

  // At every start the reconciler runs once: a server that died mid-checkout is repaired as it comes back.
  __hooks = {
    onApplicationStart: async () => {
      await this.eventBusModuleService_?.emit({ name: RECONCILE_REQUESTED, data: { trigger: "boot" } })
    },
  }

  /**
   * Writes new tier line records and changes others in one transaction: an upgrade's new line
   * and the retirement of the old one happen together or not at all.
   */
  @InjectManager()
  async applyTierLineChanges(
    changes: {
      create: Parameters<BookingModuleService["createTierLines"]>[0] & unknown[]
      update: Parameters<BookingModuleService["updateTierLines"]>[0] & unknown[]
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await this.applyTierLineChanges_(changes, sharedContext)
  }

  @InjectTransactionManager()
  protected async applyTierLineChanges_(
    changes: {
      create: Parameters<BookingModuleService["createTierLines"]>[0] & unknown[]
      update: Parameters<BookingModuleService["updateTierLines"]>[0] & unknown[]
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const created = changes.create.length ? await this.createTierLines(changes.create, sharedContext) : []
    if (changes.update.length) {
      await this.updateTierLines(changes.update, sharedContext)
    }
    return created.map((r) => r.id)
  }

  /**
   * Keeps what the reconciler did. A flag for the merchant (`needs_attention`) is raised once,
   * however often a run finds the same problem again, and stays down once the merchant resolved it.
   */
  async recordRepairs(repairs: RepairInput[]): Promise<number> {
    let kept = 0
    for (const repair of repairs) {
      if (repair.needs_attention) {
        const [open] = await this.listBookingRepairs(
          { kind: repair.kind, order_id: repair.order_id ?? null, event_date: repair.event_date ?? null, reason: repair.reason },
          { select: ["id"] }
        )
        if (open) {
          continue
        }
      }
      await this.createBookingRepairs(repair)
      kept++
    }
    return kept
  }

  /** The live booking of a tier line record, if it has one. */
  async liveBookingOf(tierLineId: string): Promise<BookingRow | null> {
    const [row] = await this.listBookings(
      { tier_line_id: tierLineId, status: [...LIVE_BOOKING_STATUSES] },
      { select: ["id", "slot", "status", "tier_line_id"] }
    )
    return (row as BookingRow | undefined) ?? null
  }

  /**
   * Books the lowest free slot of the pool on the date, or answers null when none is left. A
   * record that already has a live booking gets that one back (a retried checkout, or the
   * reconciler racing a checkout), never a second slot.
   */
  async takeSlot(request: SlotRequest): Promise<{ id: string; slot: number; status: string; created: boolean } | null> {
    if (request.tier_line_id) {
      const existing = await this.liveBookingOf(request.tier_line_id)
      if (existing) {
        return { ...existing, created: false }
      }
    }
    const { capacity, ...data } = request
    const taken = new Set(
      (
        await this.listBookings(
          { sales_channel_id: data.sales_channel_id, event_date: data.event_date, pool: data.pool, status: [...LIVE_BOOKING_STATUSES] },
          { select: ["slot"] }
        )
      ).map((b) => b.slot)
    )
    for (let slot = 1; slot <= capacity; slot++) {
      if (taken.has(slot)) {
        continue
      }
      try {
        const booking = await this.createBookings({ ...data, slot })
        return { id: booking.id, slot: booking.slot, status: booking.status, created: true }
      } catch (e) {
        if (!isUniqueViolation(e)) {
          throw e
        }
        if (request.tier_line_id) {
          const existing = await this.liveBookingOf(request.tier_line_id)
          if (existing) {
            return { ...existing, created: false }
          }
        }
      }
    }
    return null
  }

  /**
   * Moves a booking to the lowest free slot of another pool on its date (an upgrade to a tier with
   * its own capacity), with the other changes given; false when that pool is full.
   */
  async moveToPool(
    bookingId: string,
    target: { pool: string; capacity: number },
    changes: Record<string, unknown>
  ): Promise<{ slot: number } | null> {
    const booking = await this.retrieveBooking(bookingId)
    const taken = new Set(
      (
        await this.listBookings(
          { sales_channel_id: booking.sales_channel_id, event_date: booking.event_date, pool: target.pool, status: [...LIVE_BOOKING_STATUSES] },
          { select: ["slot"] }
        )
      ).map((b) => b.slot)
    )
    for (let slot = 1; slot <= target.capacity; slot++) {
      if (taken.has(slot)) {
        continue
      }
      try {
        await this.updateBookings({ id: bookingId, ...changes, pool: target.pool, slot })
        return { slot }
      } catch (e) {
        if (!isUniqueViolation(e)) {
          throw e
        }
      }
    }
    return null
  }

  /**
   * Takes the lowest free slot of the booking's pool on another date, for a reschedule: a claim
   * (`pending`, the order's, no cart) for the same package, not yet the tier line record's (one
   * live booking a record) until `switchBookings` confirms it. A process that dies in between
   * leaves a claim the reconciler gives back. A live hold keeps its slot; a lapsed one counts for
   * nobody and is canceled when its slot is the one taken. Null when the date is full.
   */
  async takeSlotForMove(bookingId: string, target: { event_date: string; capacity: number }): Promise<{ id: string; slot: number } | null> {
    const booking = await this.retrieveBooking(bookingId)
    const now = Date.now()
    const rows = await this.listBookings(
      { sales_channel_id: booking.sales_channel_id, event_date: target.event_date, pool: booking.pool, status: ["held", ...LIVE_BOOKING_STATUSES] },
      { select: ["id", "slot", "status", "expires_at"] }
    )
    const lapsed = (row: (typeof rows)[number]) => row.status === "held" && (!row.expires_at || new Date(row.expires_at).getTime() <= now)
    const taken = new Set(rows.filter((r) => !lapsed(r)).map((r) => r.slot))
    for (let slot = 1; slot <= target.capacity; slot++) {
      if (taken.has(slot)) {
        continue
      }
      const stale = rows.find((r) => r.slot === slot && lapsed(r))
      if (stale) {
        await this.updateBookings({ selector: { id: stale.id, status: "held" }, data: { status: "canceled" } })
      }
      try {
        const created = await this.createBookings({
          sales_channel_id: booking.sales_channel_id,
          tier_id: booking.tier_id,
          product_id: booking.product_id,
          event_date: target.event_date,
          pool: booking.pool,
          slot,
          status: "pending",
          order_id: booking.order_id,
          line_item_id: booking.line_item_id,
          guest_count: booking.guest_count,
        })
        return { id: created.id, slot: created.slot }
      } catch (e) {
        if (!isUniqueViolation(e)) {
          throw e
        }
      }
    }
    return null
  }

  /**
   * Cancels one booking and makes another the live booking of a tier line record, moving the
   * record and its add-ons' records to that booking's date, in one transaction. A reschedule
   * calls it forward; its undo calls it with the two bookings swapped and the old date.
   */
  @InjectManager()
  async switchBookings(
    input: { cancel_id: string; confirm_id: string; tier_line_id: string; record_ids: string[]; event_date: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.switchBookings_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async switchBookings_(
    input: { cancel_id: string; confirm_id: string; tier_line_id: string; record_ids: string[]; event_date: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    // The cancel goes first: the record's unique live booking is free for the other one.
    await this.updateBookings({ id: input.cancel_id, status: "canceled" }, sharedContext)
    await this.updateBookings({ id: input.confirm_id, status: "confirmed", tier_line_id: input.tier_line_id }, sharedContext)
    await this.updateTierLines(input.record_ids.map((id) => ({ id, event_date: input.event_date })), sharedContext)
  }
}
