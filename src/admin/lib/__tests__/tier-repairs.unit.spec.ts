import {
  countOf,
  formatDateTime,
  isOpenFlag,
  lastRunText,
  openFlagsFirst,
  relativeTime,
  repairKindLabel,
  repairState,
  runResultText,
} from "../tier-repairs"
import type { ReconcileRun, TierRepair, TierRepairKind } from "../../../contract/admin"

const NOW = new Date("2027-03-01T12:00:00Z")
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString()

const repair = (over: Partial<TierRepair> = {}): TierRepair => ({
  id: "brep_1",
  kind: "booking_created",
  sales_channel_id: "sc_1",
  order_id: "order_1",
  cart_id: null,
  booking_id: "bkg_1",
  tier_line_id: null,
  event_date: "2027-03-25",
  reason: "Order order_1 had a package without its booking; the date was booked",
  needs_attention: false,
  resolved_at: null,
  resolved_by: null,
  created_at: ago(180),
  ...over,
})

const run = (over: Partial<ReconcileRun> = {}): ReconcileRun => ({
  id: "brun_1",
  trigger: "schedule",
  started_at: ago(181),
  finished_at: ago(180),
  checked_until: ago(181),
  orders_checked: 120,
  repairs: 2,
  error: null,
  ...over,
})

describe("tier repairs in words", () => {
  it("words every kind the reconciler records, each differently", () => {
    const kinds: TierRepairKind[] = [
      "claim_confirmed",
      "claim_released",
      "booking_created",
      "booking_canceled",
      "booking_moved",
      "upgrade_completed",
      "upgrade_undone",
      "offer_released",
      "conversion_recorded",
      "order_canceled",
      "cart_completed",
      "order_flagged",
    ]
    const labels = kinds.map((kind) => repairKindLabel({ kind, order_id: "order_1" }))
    expect(new Set(labels).size).toBe(kinds.length)
    for (const label of labels) expect(label).not.toMatch(/_/)
    expect(repairKindLabel({ kind: "claim_confirmed", order_id: "order_1" })).toBe("Booking confirmed after an interrupted checkout")
    expect(repairKindLabel({ kind: "order_flagged", order_id: "order_1" })).toBe("Order flagged")
  })

  it("calls a flag without an order (a date over capacity) a date flag", () => {
    expect(repairKindLabel({ kind: "order_flagged", order_id: null })).toBe("Date flagged")
    expect(repairKindLabel({ kind: "booking_created", order_id: null })).toBe("Missing booking created")
  })

  it("reads a kind it does not know as words rather than a key", () => {
    expect(repairKindLabel({ kind: "hold_expired" as TierRepairKind, order_id: null })).toBe("Hold expired")
    expect(repairKindLabel({ kind: "" as TierRepairKind, order_id: null })).toBe("Repair")
  })

  it("tells an open flag from a resolved one and from a repair made on its own", () => {
    const open = repair({ kind: "order_flagged", needs_attention: true })
    const resolved = repair({ kind: "order_flagged", needs_attention: true, resolved_at: ago(60) })
    expect([isOpenFlag(open), isOpenFlag(resolved), isOpenFlag(repair())]).toEqual([true, false, false])
    expect(repairState(open)).toEqual({ label: "Needs attention", color: "orange" })
    expect(repairState(resolved)).toEqual({ label: "Resolved", color: "grey" })
    expect(repairState(repair())).toEqual({ label: "Repaired", color: "green" })
  })

  it("lists open flags first and keeps each group's order", () => {
    const list = [
      repair({ id: "a" }),
      repair({ id: "b", needs_attention: true }),
      repair({ id: "c", needs_attention: true, resolved_at: ago(10) }),
      repair({ id: "d", needs_attention: true }),
      repair({ id: "e" }),
    ]
    expect(openFlagsFirst(list).map((r) => r.id)).toEqual(["b", "d", "a", "c", "e"])
    expect(openFlagsFirst([])).toEqual([])
  })
})

describe("relative time", () => {
  it("says just now under a minute, and for a moment ahead of this clock", () => {
    expect(relativeTime(ago(0), NOW, "en-US")).toBe("just now")
    expect(relativeTime(ago(59), NOW, "en-US")).toBe("just now")
    expect(relativeTime(ago(-300), NOW, "en-US")).toBe("just now")
  })

  it("counts whole minutes, hours, days, months and years back", () => {
    expect(relativeTime(ago(60), NOW, "en-US")).toBe("1 minute ago")
    expect(relativeTime(ago(3 * 60 + 59), NOW, "en-US")).toBe("3 minutes ago")
    expect(relativeTime(ago(59 * 60), NOW, "en-US")).toBe("59 minutes ago")
    expect(relativeTime(ago(60 * 60), NOW, "en-US")).toBe("1 hour ago")
    expect(relativeTime(ago(23 * 3600), NOW, "en-US")).toBe("23 hours ago")
    expect(relativeTime(ago(24 * 3600), NOW, "en-US")).toBe("yesterday")
    expect(relativeTime(ago(3 * 86400), NOW, "en-US")).toBe("3 days ago")
    expect(relativeTime(ago(65 * 86400), NOW, "en-US")).toBe("2 months ago")
    expect(relativeTime(ago(800 * 86400), NOW, "en-US")).toBe("2 years ago")
  })

  it("keeps a value that is not a time as it came", () => {
    expect(relativeTime("soon", NOW, "en-US")).toBe("soon")
    expect(formatDateTime("soon", "en-US")).toBe("soon")
  })

  it("gives the full moment for a tooltip", () => {
    expect(formatDateTime("2027-03-25T14:05:00Z", "en-US", "UTC")).toBe("Mar 25, 2027, 2:05 PM")
  })
})

describe("the reconciler's runs", () => {
  it("reads the last run with its counts", () => {
    expect(lastRunText(run(), NOW, "en-US")).toBe("Last checked 3 minutes ago: 120 orders, 2 repairs")
    expect(lastRunText(run({ orders_checked: 1, repairs: 1 }), NOW, "en-US")).toBe("Last checked 3 minutes ago: 1 order, 1 repair")
    expect(lastRunText(run({ orders_checked: 12000, repairs: 0, finished_at: ago(5) }), NOW, "en-US")).toBe(
      "Last checked just now: 12,000 orders, 0 repairs"
    )
  })

  it("says when there was no run yet, and when the last one failed", () => {
    expect(lastRunText(null, NOW, "en-US")).toBe("Not checked yet")
    expect(lastRunText(run({ error: "lock timeout" }), NOW, "en-US")).toBe("Last check failed 3 minutes ago: lock timeout")
    expect(lastRunText(run({ finished_at: null }), NOW, "en-US")).toBe("Last checked 3 minutes ago: 120 orders, 2 repairs")
  })

  it("words what Check now found", () => {
    expect(runResultText({ id: "brun_2", orders_checked: 3, repairs: 2 }, "en-US")).toBe("Checked 3 orders: 2 repairs")
    expect(runResultText({ id: "brun_2", orders_checked: 1, repairs: 0 }, "en-US")).toBe("Checked 1 order: nothing to repair")
    expect(countOf(0, "order")).toBe("0 orders")
    expect(countOf(1, "repair")).toBe("1 repair")
  })
})
