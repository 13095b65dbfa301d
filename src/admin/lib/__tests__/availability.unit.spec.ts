import {
  blackoutsOn,
  dateBookingText,
  dayLabel,
  firstOf,
  flagsOn,
  isBookable,
  lastOf,
  monthGrid,
  settingsFormValues,
  settingsPayload,
  shift,
  thisMonth,
  type Availability,
} from "../availability"

describe("the availability calendar's months (UTC)", () => {
  it("gives a month's first and last date, leap years included", () => {
    expect(firstOf({ year: 2026, month: 1 })).toBe("2026-02-01")
    expect(lastOf({ year: 2026, month: 1 })).toBe("2026-02-28")
    expect(lastOf({ year: 2028, month: 1 })).toBe("2028-02-29")
    expect(lastOf({ year: 2026, month: 11 })).toBe("2026-12-31")
  })

  it("moves across year ends both ways", () => {
    expect(shift({ year: 2026, month: 11 }, 1)).toEqual({ year: 2027, month: 0 })
    expect(shift({ year: 2026, month: 0 }, -1)).toEqual({ year: 2025, month: 11 })
  })

  it("takes this month in UTC, not the browser's zone", () => {
    expect(thisMonth(new Date("2026-06-30T23:30:00-05:00"))).toEqual({ year: 2026, month: 6 })
  })

  it("lays a month out in weeks from Sunday, padded with blanks", () => {
    // June 2026 starts on a Monday and has 30 days.
    const grid = monthGrid({ year: 2026, month: 5 })
    expect(grid).toHaveLength(5)
    expect(grid.every((week) => week.length === 7)).toBe(true)
    expect(grid[0].slice(0, 2)).toEqual([null, "2026-06-01"])
    expect(grid.flat().filter(Boolean)).toHaveLength(30)
    expect(grid[4]).toEqual(["2026-06-28", "2026-06-29", "2026-06-30", null, null, null, null])
  })

  it("reads a date aloud with what is left where it takes bookings", () => {
    expect(dayLabel("2026-06-01", undefined)).toBe("2026-06-01: loading")
    expect(dayLabel("2026-06-01", { date: "2026-06-01", status: "limited", remaining: 1, booked: 3, held: 0 })).toBe("2026-06-01: Limited, 1 left")
    expect(dayLabel("2026-06-01", { date: "2026-06-01", status: "sold_out", remaining: 0, booked: 4, held: 0 })).toBe("2026-06-01: Sold out, 0 left")
    expect(dayLabel("2026-06-01", { date: "2026-06-01", status: "blackout", remaining: 4, booked: 0, held: 0 })).toBe("2026-06-01: Blackout")
    expect(dayLabel("2026-06-01", { date: "2026-06-01", status: "held", remaining: 0, booked: 2, held: 1, held_until: "2026-05-20T10:30:00.000Z" })).toBe(
      "2026-06-01: Held, 0 left, 1 held in carts"
    )
    expect(isBookable("held")).toBe(false)
    expect(isBookable("limited")).toBe(true)
    expect(isBookable("sold_out")).toBe(false)
  })
})

describe("a date's blackouts and flags", () => {
  const availability: Availability = {
    settings: { sales_channel_id: "sc_1", capacity_per_date: 4, min_lead_days: 0, max_advance_days: null, high_demand_threshold: 1, hold_minutes: 30, time_zone: "UTC", allow_customer_reschedule: false, reschedule_notice_days: 14 },
    capacity_overrides: [],
    blackouts: [
      { id: "bo_1", start_date: "2026-06-10", end_date: "2026-06-12", reason: null },
      { id: "bo_2", start_date: "2026-07-01", end_date: "2026-07-01", reason: "Closed" },
    ],
    high_demand_dates: [{ id: "hd_1", date: "2026-06-12", note: null }],
  }

  it("finds the ranges that cover a date, both ends included", () => {
    expect(blackoutsOn(availability, "2026-06-10").map((b) => b.id)).toEqual(["bo_1"])
    expect(blackoutsOn(availability, "2026-06-12").map((b) => b.id)).toEqual(["bo_1"])
    expect(blackoutsOn(availability, "2026-06-13")).toEqual([])
    expect(flagsOn(availability, "2026-06-12").map((d) => d.id)).toEqual(["hd_1"])
    expect(flagsOn(availability, "2026-06-11")).toEqual([])
  })
})

describe("the settings form", () => {
  it("gives back the stored settings, no advance limit as empty", () => {
    const settings = { capacity_per_date: 4, min_lead_days: 2, max_advance_days: null, high_demand_threshold: 1, hold_minutes: 45, time_zone: "Pacific/Auckland", allow_customer_reschedule: true, reschedule_notice_days: 30 }
    expect(settingsFormValues(settings).max_advance_days).toBe("")
    expect(settingsPayload(settingsFormValues(settings))).toEqual(settings)
  })

  it("sends empty required numbers as NaN for the API to refuse", () => {
    const payload = settingsPayload({ capacity_per_date: "", min_lead_days: " ", max_advance_days: "365", high_demand_threshold: "", hold_minutes: "", time_zone: " UTC ", allow_customer_reschedule: "false", reschedule_notice_days: "" })
    expect(payload.capacity_per_date).toBeNaN()
    expect(payload.min_lead_days).toBeNaN()
    expect(payload.high_demand_threshold).toBeNaN()
    expect(payload.max_advance_days).toBe(365)
    expect(payload.hold_minutes).toBeNaN()
    expect(payload.time_zone).toBe("UTC")
    expect(payload.reschedule_notice_days).toBeNaN()
    expect(payload.allow_customer_reschedule).toBe(false)
  })
})

describe("a date's bookings", () => {
  const base = {
    id: "bkg_1",
    slot: 1,
    pool: "",
    tier_id: "tier_1",
    tier_name: "Signature Select",
    guest_count: 80,
    cart_id: "cart_1",
    order_id: null,
    order_display_id: null,
    customer_name: null,
    customer_email: null,
    expires_at: null,
    option_id: null,
  }

  it("reads an order's booking with its customer and order number", () => {
    expect(
      dateBookingText({ ...base, status: "confirmed", order_id: "order_1", order_display_id: 42, customer_name: "Ana Ruiz", customer_email: "ana@example.com" })
    ).toEqual({ title: "Signature Select · Ana Ruiz", detail: "Order #42 · 80 guests", status: "Confirmed" })
  })

  it("reads a cart's hold with until when, and a claim as a checkout in progress", () => {
    const held = dateBookingText({ ...base, status: "held", pool: "prod_1", guest_count: null, expires_at: "2027-06-01T10:30:00.000Z" }, "en-US")
    expect(held.title).toBe("Signature Select · A shopper's cart")
    expect(held.detail).toBe("own capacity")
    expect(held.status).toMatch(/^Held in a cart until Jun 1, 2027/)
    expect(dateBookingText({ ...base, status: "pending", tier_name: null }).title).toBe("tier_1 · A shopper's cart")
    expect(dateBookingText({ ...base, status: "pending" }).status).toBe("Checkout in progress")
  })

  it("reads an option's hold with its client and until when", () => {
    const held = dateBookingText(
      { ...base, status: "held", cart_id: null, guest_count: null, option_id: "dopt_1", customer_name: "Ana Ruiz", customer_email: "ana@example.com", expires_at: "2027-06-01T10:30:00.000Z" },
      "en-US"
    )
    expect(held.title).toBe("Signature Select · Ana Ruiz")
    expect(held.status).toMatch(/^Held by an option until Jun 1, 2027/)
  })
})
