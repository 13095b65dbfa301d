import { claimVerdict, olderThan, overCapacity, paymentAuthorized, pendingUpgradeVerdict } from "../reconcile"

const now = new Date("2027-01-10T12:00:00Z")
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000)

describe("claimVerdict", () => {
  it("confirms a claim whose cart became a live order, whatever its age", () => {
    expect(claimVerdict({ created_at: minutesAgo(1), now, grace_minutes: 15, order: { id: "o", status: "pending" } })).toBe("confirm")
  })
  it("releases a claim whose order was canceled", () => {
    expect(claimVerdict({ created_at: minutesAgo(1), now, grace_minutes: 15, order: { id: "o", status: "canceled" } })).toBe("release")
  })
  it("waits for a checkout in flight and releases one that ended without an order", () => {
    expect(claimVerdict({ created_at: minutesAgo(14), now, grace_minutes: 15, order: null })).toBe("wait")
    expect(claimVerdict({ created_at: minutesAgo(15), now, grace_minutes: 15, order: null })).toBe("release")
    expect(claimVerdict({ created_at: now, now, grace_minutes: 0, order: null })).toBe("release")
  })
})

describe("pendingUpgradeVerdict", () => {
  it("completes an upgrade whose line is in the order, and undoes one that never got there after the grace", () => {
    expect(pendingUpgradeVerdict({ created_at: minutesAgo(1), now, grace_minutes: 15, line_in_order: true })).toBe("complete")
    expect(pendingUpgradeVerdict({ created_at: minutesAgo(1), now, grace_minutes: 15, line_in_order: false })).toBe("wait")
    expect(pendingUpgradeVerdict({ created_at: minutesAgo(30), now, grace_minutes: 15, line_in_order: false })).toBe("undo")
  })
})

describe("olderThan", () => {
  it("compares whole minutes with the boundary included", () => {
    expect(olderThan(minutesAgo(10), now, 10)).toBe(true)
    expect(olderThan(new Date(minutesAgo(10).getTime() + 1), now, 10)).toBe(false)
    expect(olderThan(minutesAgo(10).toISOString(), now, 10)).toBe(true)
  })
})

describe("paymentAuthorized", () => {
  it("knows Medusa's statuses that mean the money was authorized or taken", () => {
    expect(paymentAuthorized(["authorized"])).toBe(true)
    expect(paymentAuthorized(["not_paid", "captured"])).toBe(true)
    expect(paymentAuthorized(["not_paid", "awaiting", null, undefined])).toBe(false)
    expect(paymentAuthorized([])).toBe(false)
  })
})

describe("overCapacity", () => {
  it("lists the dates of a pool holding more live bookings than it takes", () => {
    const b = (date: string, pool = "") => ({ sales_channel_id: "sc", event_date: date, pool })
    const result = overCapacity([b("2027-07-17"), b("2027-07-17"), b("2027-07-18"), b("2027-07-17", "prod_x")], (_sc, pool) => (pool ? 2 : 1))
    expect(result).toEqual([{ sales_channel_id: "sc", event_date: "2027-07-17", pool: "", booked: 2, capacity: 1 }])
  })
})
