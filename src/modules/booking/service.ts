import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { AvailabilitySettings } from "./models/availability-settings"
import { Blackout } from "./models/blackout"
import { Booking } from "./models/booking"
import { BookingRepair } from "./models/booking-repair"
import { CapacityOverride } from "./models/capacity-override"
import { DateOption } from "./models/date-option"
import { HighDemandDate } from "./models/high-demand-date"
import { ReconcileRun } from "./models/reconcile-run"
import { TierLine } from "./models/tier-line"
import type { TierRepairKind } from "../../contract/admin"
import { packageDates } from "../../lib/availability"

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

/** Statuses of a booking that hold its slot (a checkout's claim included); a cart's hold too while it lasts. */
export const LIVE_BOOKING_STATUSES = ["pending", "confirmed", "completed"] as const

/** Hold times a tenant can set, in minutes. */
export const HOLD_MINUTES = { min: 1, max: 1440 } as const

export type SlotRequest = {
  sales_channel_id: string
  tier_id: string
  product_id: string
  event_date: string
  pool: string
  /** Bookings the pool takes on the date (on each of its days). */
  capacity: number
  /** Consecutive days the package takes from `event_date` (1 unless a multi-day tier's): a slot on each. */
  days?: number
  /** `held` takes a cart's hold, until `expires_at`. */
  status: "held" | "pending" | "confirmed"
  /** A Date, or its ISO text (as a workflow's stored data gives it back). */
  expires_at?: Date | string | null
  tier_line_id?: string | null
  cart_id?: string | null
  order_id?: string | null
  line_item_id?: string | null
  guest_count?: number | null
  /** A merchant's date option the hold is for. */
  option_id?: string | null
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

type BookingRow = { id: string; slot: number; status: string; tier_line_id: string | null; expires_at: Date | null }

type SlotRow = { id: string; slot: number; status: string; expires_at: Date | null }

/** A hold that lapsed counts for nobody; its slot is free to the next taker. */
export function isLapsedHold(row: { status: string; expires_at: Date | string | null }, now: Date): boolean {
  return row.status === "held" && (!row.expires_at || new Date(row.expires_at).getTime() <= now.getTime())
}

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
  DateOption,
  HighDemandDate,
  ReconcileRun,
  TierLine,
}) {
  protected declare eventBusModuleService_?: {
    emit: (event: { name: string; data: unknown } | { name: string; data: unknown }[]) => Promise<void>
  }

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

  /**
   * The live booking of a tier line record, if it has one: a hold (even lapsed, until canceled), a
   * claim or a booking; for a multi-day package, the row of its first day (or of day `day`).
   */
  async liveBookingOf(tierLineId: string, day = 0): Promise<BookingRow | null> {
    const [row] = await this.listBookings(
      { tier_line_id: tierLineId, day, status: ["held", ...LIVE_BOOKING_STATUSES] },
      { select: ["id", "slot", "status", "tier_line_id", "expires_at"] }
    )
    return (row as BookingRow | undefined) ?? null
  }

  /** Tells the store reads (Medusa's caching strategy, on every instance) that bookings changed under them. */
  protected async announce(ids: string[]): Promise<void> {
    if (ids.length) {
      await this.eventBusModuleService_?.emit(ids.map((id) => ({ name: "booking.booking.updated", data: { id } })))
    }
  }

  /**
   * Whether PostgreSQL knows a time zone name. Node's and PostgreSQL's zone lists differ (Node
   * still takes names the time zone database has dropped, such as US/Pacific-New), and the reports
   * count days `at time zone` the tenant's, so a zone is saved only when both know it.
   */
  @InjectManager()
  async isKnownTimeZone(name: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const manager = sharedContext.manager as SqlEntityManager
    try {
      await manager.execute("select now() at time zone ?", [name])
      return true
    } catch {
      return false
    }
  }

  /**
   * Changes the status of bookings only where they still have the status `from` (and, for
   * `lapsedBefore`, a hold that lapsed by then), in one statement: a checkout turning a lapsed
   * hold into its claim and a rival taking that hold's slot cannot both win. The rows of every
   * day of a multi-day package change with any one of them, in that same statement.
   * @returns the ids changed.
   */
  @InjectManager()
  async changeStatusWhere(
    input: { ids?: string[]; from: "held" | "pending"; to: "held" | "pending" | "canceled"; lapsedBefore?: Date; cart_id?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    if (input.ids && !input.ids.length) {
      return []
    }
    const manager = sharedContext.manager as SqlEntityManager
    const where: string[] = ["status = ?", "deleted_at is null"]
    const params: unknown[] = [input.to, input.from]
    if (input.ids) {
      // Each id stands for its whole package: its first day's row and the rows pointing at it.
      const list = input.ids.map(() => "?").join(", ")
      where.push(`(id in (select coalesce(first_day_id, id) from booking where id in (${list})) or first_day_id in (select coalesce(first_day_id, id) from booking where id in (${list})))`)
      params.push(...input.ids, ...input.ids)
    }
    if (input.cart_id) {
      where.push("cart_id = ?")
      params.push(input.cart_id)
    }
    if (input.lapsedBefore) {
      where.push("(expires_at is null or expires_at <= ?)")
      params.push(input.lapsedBefore)
    }
    const rows = (await manager.execute(
      `update booking set status = ?, updated_at = now() where ${where.join(" and ")} returning id`,
      params
    )) as { id: string }[]
    const ids = rows.map((r) => r.id)
    await this.announce(ids)
    return ids
  }

  /**
   * Gives back checkout claims: a claim made from a cart's hold goes back to being that hold (it
   * lapses when the hold would have: a couple whose payment failed keeps the date it held), any
   * other claim is canceled.
   */
  async releaseClaims(ids: string[]): Promise<void> {
    if (!ids.length) {
      return
    }
    const claims = await this.listBookings({ id: ids, status: "pending" }, { select: ["id", "expires_at"] })
    const fromHold = claims.filter((c) => c.expires_at).map((c) => c.id)
    const plain = claims.filter((c) => !c.expires_at).map((c) => c.id)
    await this.changeStatusWhere({ ids: fromHold, from: "pending", to: "held" })
    await this.changeStatusWhere({ ids: plain, from: "pending", to: "canceled" })
  }

  /**
   * A checkout's claim on a tier line record's date: its cart's hold becomes the claim (a lapsed
   * one too, if no rival took the slot in the meantime); without a hold, the lowest free slot.
   * Null when the date has no slot left.
   */
  async claimSlot(request: SlotRequest): Promise<{ id: string; slot: number; status: string; created: boolean } | null> {
    if (request.tier_line_id) {
      const existing = await this.liveBookingOf(request.tier_line_id)
      if (existing?.status === "held") {
        const [converted] = await this.changeStatusWhere({ ids: [existing.id], from: "held", to: "pending" })
        if (converted) {
          return { id: existing.id, slot: existing.slot, status: "pending", created: true }
        }
      } else if (existing) {
        return { ...existing, created: false }
      }
    }
    return await this.takeSlot(request)
  }

  /** Cancels the holds that lapsed before `now` (readers already ignore them). */
  async cancelLapsedHolds(now: Date = new Date()): Promise<string[]> {
    return await this.changeStatusWhere({ from: "held", to: "canceled", lapsedBefore: now })
  }

  /** The bookings in a pool on a date that hold a slot, lapsed holds included (they still sit on their slot). */
  protected async slotRows({ sales_channel_id, event_date, pool }: { sales_channel_id: string; event_date: string; pool: string }): Promise<SlotRow[]> {
    return (await this.listBookings(
      { sales_channel_id, event_date, pool, status: ["held", ...LIVE_BOOKING_STATUSES] },
      { select: ["id", "slot", "status", "expires_at"] }
    )) as SlotRow[]
  }

  /**
   * The slots of a pool on a date a new booking may take, lowest first: free ones, and those of
   * holds that lapsed, canceled here first (only if still lapsed and held: a checkout turning
   * that hold into its claim wins over us).
   */
  protected async *freeSlots(where: { sales_channel_id: string; event_date: string; pool: string }, capacity: number): AsyncGenerator<number> {
    const now = new Date()
    const rows = await this.slotRows(where)
    const bySlot = new Map(rows.map((r) => [r.slot, r]))
    for (let slot = 1; slot <= capacity; slot++) {
      const row = bySlot.get(slot)
      if (row && !isLapsedHold(row, now)) {
        continue
      }
      if (row) {
        const [canceled] = await this.changeStatusWhere({ ids: [row.id], from: "held", to: "canceled", lapsedBefore: now })
        if (!canceled) {
          continue
        }
      }
      yield slot
    }
  }

  /**
   * Books (or, with status `held`, holds) the lowest free slot of the pool on the date, or answers
   * null when none is left. A record that already has a live booking gets that one back (a
   * retried checkout, or the reconciler racing a checkout), never a second slot. A multi-day
   * package takes a slot on each of its days (one a day already has is kept: the reconciler fills
   * a missing day this way); when any day has none left, the slots this call took are given back
   * and the answer is null with nothing taken. Answers the first day's booking, and the ids of
   * every row this call made (`made`).
   */
  async takeSlot(request: SlotRequest): Promise<{ id: string; slot: number; status: string; created: boolean; made: string[] } | null> {
    const { days = 1, ...one } = request
    const dates = packageDates(request.event_date, days)
    let first: { id: string; slot: number; status: string; created: boolean } | null = null
    const created: string[] = []
    for (const [day, event_date] of dates.entries()) {
      const taken = await this.takeDaySlot({ ...one, event_date }, day, first?.id ?? null)
      if (!taken) {
        // Day 0's id stands for the package: canceling it (or the rows this call made) cancels only what this call took.
        for (const id of created) {
          await this.updateBookings({ id, status: "canceled" })
        }
        await this.announce(created)
        return null
      }
      if (taken.created) {
        created.push(taken.id)
      }
      first ??= taken
    }
    return { ...first!, made: created }
  }

  /** One day of `takeSlot`: the lowest free slot of the pool on that date, for day `day` of the package. */
  protected async takeDaySlot(
    request: Omit<SlotRequest, "days">,
    day: number,
    firstDayId: string | null
  ): Promise<{ id: string; slot: number; status: string; created: boolean } | null> {
    if (request.tier_line_id) {
      const existing = await this.liveBookingOf(request.tier_line_id, day)
      if (existing) {
        return { ...existing, created: false }
      }
    }
    const { capacity, expires_at, ...data } = request
    for await (const slot of this.freeSlots(data, capacity)) {
      try {
        const booking = await this.createBookings({
          ...data,
          expires_at: expires_at ? new Date(expires_at) : null,
          slot,
          ...(day ? { day, first_day_id: firstDayId } : {}),
        })
        return { id: booking.id, slot: booking.slot, status: booking.status, created: true }
      } catch (e) {
        if (!isUniqueViolation(e)) {
          throw e
        }
        if (request.tier_line_id) {
          const existing = await this.liveBookingOf(request.tier_line_id, day)
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
    const where = { sales_channel_id: booking.sales_channel_id, event_date: booking.event_date, pool: target.pool }
    for await (const slot of this.freeSlots(where, target.capacity)) {
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
   * Makes `keep` the live bookings of a tier line record (each confirmed, as day `day` of the
   * package, the others pointing at day 0's) and cancels `cancel_ids`, moving the record and its
   * add-ons' records to the package's new date, in one transaction. A reschedule calls it forward
   * (the new days' claims, and the old bookings of days the new dates share, re-indexed); its undo
   * calls it with the old bookings and days.
   */
  @InjectManager()
  async switchBookings(
    input: { cancel_ids: string[]; keep: { id: string; day: number }[]; tier_line_id: string; record_ids: string[]; event_date: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.switchBookings_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async switchBookings_(
    input: { cancel_ids: string[]; keep: { id: string; day: number }[]; tier_line_id: string; record_ids: string[]; event_date: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    // The cancels go first and the kept rows let go of the record, so that the record's unique (tier line, day) is free for each.
    if (input.cancel_ids.length) {
      await this.updateBookings(input.cancel_ids.map((id) => ({ id, status: "canceled" as const })), sharedContext)
    }
    const keep = [...input.keep].sort((a, b) => a.day - b.day)
    if (keep.length > 1) {
      await this.updateBookings(keep.map(({ id }) => ({ id, tier_line_id: null })), sharedContext)
    }
    const first = keep[0].id
    await this.updateBookings(
      keep.map(({ id, day }) => ({ id, status: "confirmed" as const, tier_line_id: input.tier_line_id, day, first_day_id: day ? first : null })),
      sharedContext
    )
    await this.updateTierLines(input.record_ids.map((id) => ({ id, event_date: input.event_date })), sharedContext)
  }
}
