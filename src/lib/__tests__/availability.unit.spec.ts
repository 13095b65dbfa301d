import fc from "fast-check"
import { AvailabilityRules, DateAvailability, dateAvailability, datesBetween, isBookable, MAX_PACKAGE_DAYS, packageAvailability, packageDates } from "../availability"

const rules: AvailabilityRules = {
  capacity: 2,
  blackouts: [
    { start_date: "2027-08-01", end_date: "2027-08-03", reason: "Studio holiday" },
    { start_date: "2027-12-25", end_date: "2027-12-25" },
  ],
  min_lead_days: 7,
  max_advance_days: 730,
  high_demand_threshold: 1,
  high_demand_dates: ["2027-09-18"],
}
const today = "2027-01-01"

describe("dateAvailability", () => {
  it("counts capacity down to sold out", () => {
    expect(dateAvailability("2027-07-17", today, rules, 0)).toEqual({ date: "2027-07-17", status: "available", remaining: 2 })
    expect(dateAvailability("2027-07-17", today, rules, 1)).toEqual({ date: "2027-07-17", status: "limited", remaining: 1 })
    expect(dateAvailability("2027-07-17", today, rules, 2)).toEqual({ date: "2027-07-17", status: "sold_out", remaining: 0 })
    expect(dateAvailability("2027-07-17", today, rules, 5).remaining).toBe(0)
  })

  it("reads held when the last slots are only held, with when the first hold lapses", () => {
    const until = "2027-07-01T10:30:00.000Z"
    expect(dateAvailability("2027-07-17", today, rules, 2, { count: 1, until })).toEqual({ date: "2027-07-17", status: "held", remaining: 0, held_until: until })
    expect(dateAvailability("2027-07-17", today, rules, 2, { count: 2, until })).toEqual({ date: "2027-07-17", status: "held", remaining: 0, held_until: until })
    // Holds on a date with room left only lower what is left.
    expect(dateAvailability("2027-07-17", today, rules, 1, { count: 1, until })).toEqual({ date: "2027-07-17", status: "limited", remaining: 1 })
    // Firm bookings fill it: sold out, whatever holds there are besides (a capacity lowered since).
    expect(dateAvailability("2027-07-17", today, rules, 3, { count: 1, until })).toEqual({ date: "2027-07-17", status: "sold_out", remaining: 0 })
    // Outside the window or blacked out, holds change nothing.
    expect(dateAvailability("2027-08-02", today, rules, 2, { count: 2, until }).status).toBe("blackout")
    expect(isBookable("held")).toBe(false)
  })

  it("is held only when holds stand between the date and a free slot (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (capacity, firm, holds) => {
        const day = dateAvailability("2027-07-17", today, { ...rules, capacity, high_demand_threshold: 0, high_demand_dates: [] }, firm + holds, {
          count: holds,
          until: holds ? "2027-07-01T10:30:00.000Z" : null,
        })
        expect(day.remaining).toBe(Math.max(0, capacity - firm - holds))
        expect(day.status === "held").toBe(firm + holds >= capacity && firm < capacity && holds > 0)
        expect(day.status === "sold_out").toBe(firm >= capacity || (firm + holds >= capacity && holds === 0))
      })
    )
  })

  it("uses a tier's override capacity as given", () => {
    expect(dateAvailability("2027-07-17", today, { ...rules, capacity: 5, high_demand_threshold: 0 }, 2)).toEqual({
      date: "2027-07-17",
      status: "available",
      remaining: 3,
    })
  })

  it("blacks out single days and whole ranges, inclusive, with the reason", () => {
    for (const d of ["2027-08-01", "2027-08-02", "2027-08-03"]) {
      expect(dateAvailability(d, today, rules, 0)).toEqual({ date: d, status: "blackout", remaining: 0, reason: "Studio holiday" })
    }
    expect(dateAvailability("2027-08-04", today, rules, 0).status).toBe("available")
    expect(dateAvailability("2027-12-25", today, rules, 0)).toEqual({ date: "2027-12-25", status: "blackout", remaining: 0 })
  })

  it("closes dates inside the lead time and beyond the advance window", () => {
    expect(dateAvailability("2027-01-07", today, rules, 0).status).toBe("unavailable")
    expect(dateAvailability("2027-01-08", today, rules, 0).status).toBe("available")
    expect(dateAvailability("2028-12-31", today, rules, 0).status).toBe("available") // 730 days, 2028 is leap
    expect(dateAvailability("2029-01-01", today, rules, 0).status).toBe("unavailable")
    expect(dateAvailability("2026-12-31", today, rules, 0).status).toBe("unavailable")
    expect(dateAvailability("2040-01-01", today, { ...rules, max_advance_days: null }, 0).status).toBe("available")
  })

  it("marks flagged dates limited while they have room", () => {
    expect(dateAvailability("2027-09-18", today, rules, 0)).toEqual({ date: "2027-09-18", status: "limited", remaining: 2 })
    expect(dateAvailability("2027-09-18", today, rules, 2).status).toBe("sold_out")
  })

  it("is bookable exactly when it has room inside the window (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 900 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 3 }), (offset, booked, capacity) => {
        const date = datesBetween(today, "2030-01-01", 2000)[offset + 30] ?? "2030-01-01"
        const result = dateAvailability(date, "2027-01-31", { ...rules, capacity }, booked)
        const bookable = isBookable(result.status)
        expect(bookable).toBe(result.remaining > 0)
        expect(result.remaining).toBeLessThanOrEqual(capacity)
      })
    )
  })
})

describe("datesBetween", () => {
  it("walks across month ends, leap days and years", () => {
    expect(datesBetween("2028-02-27", "2028-03-01")).toEqual(["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"])
    expect(datesBetween("2027-12-31", "2028-01-01")).toEqual(["2027-12-31", "2028-01-01"])
    expect(datesBetween("2027-01-02", "2027-01-01")).toEqual([])
    expect(datesBetween("2027-01-01", "2027-12-31")).toHaveLength(365)
  })

  it("refuses a range longer than a call's maximum instead of walking it", () => {
    expect(datesBetween("2027-01-01", "2028-01-01")).toHaveLength(366)
    expect(() => datesBetween("2027-01-01", "2028-01-02")).toThrow(RangeError)
    expect(() => datesBetween("2000-01-01", "2200-12-31")).toThrow(/at most 366/)
    expect(datesBetween("2027-01-01", "2027-01-10", 10)).toHaveLength(10)
  })

  it("ends past year 9999 instead of looping (string order would never reach the end)", () => {
    expect(datesBetween("9999-12-30", "9999-12-31")).toEqual(["9999-12-30", "9999-12-31"])
    expect(() => datesBetween("9999-12-31", "9999-12-31", 1)).not.toThrow()
  })
})

describe("packageDates", () => {
  it("lists the consecutive days of a package, across month and year ends and a leap day", () => {
    expect(packageDates("2027-07-17")).toEqual(["2027-07-17"])
    expect(packageDates("2027-07-17", 3)).toEqual(["2027-07-17", "2027-07-18", "2027-07-19"])
    expect(packageDates("2027-12-31", 2)).toEqual(["2027-12-31", "2028-01-01"])
    expect(packageDates("2028-02-28", 3)).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"])
  })

  it("refuses a length outside 1..14 (never a long loop)", () => {
    for (const days of [0, -1, 1.5, MAX_PACKAGE_DAYS + 1, Number.MAX_SAFE_INTEGER, NaN]) {
      expect(() => packageDates("2027-07-17", days)).toThrow(RangeError)
    }
  })

  it("always gives `days` distinct dates in order, the first the start", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70000 }), fc.integer({ min: 1, max: MAX_PACKAGE_DAYS }), (offset, days) => {
        const from = new Date(Date.UTC(2000, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10)
        const dates = packageDates(from, days)
        expect(dates).toHaveLength(days)
        expect(dates[0]).toBe(from)
        expect([...dates].sort()).toEqual(dates)
        expect(new Set(dates).size).toBe(days)
      })
    )
  })
})

describe("packageAvailability", () => {
  const d = (date: string, status: DateAvailability["status"], remaining: number, extra: Partial<DateAvailability> = {}): DateAvailability => ({ date, status, remaining, ...extra })

  it("is the day itself for a one-day package", () => {
    const day = d("2027-07-17", "held", 0, { held_until: "2027-07-01T10:00:00.000Z" })
    expect(packageAvailability([day])).toBe(day)
  })

  it("takes the first day that cannot be booked, naming it", () => {
    expect(
      packageAvailability([d("2027-07-17", "available", 2), d("2027-07-18", "blackout", 0, { reason: "Holiday" }), d("2027-07-19", "sold_out", 0)])
    ).toEqual({ date: "2027-07-17", status: "blackout", remaining: 0, reason: "Holiday", blocked_by: "2027-07-18" })
    expect(packageAvailability([d("2027-07-17", "held", 0, { held_until: "x" }), d("2027-07-18", "available", 1)])).toEqual({
      date: "2027-07-17",
      status: "held",
      remaining: 0,
      held_until: "x",
      blocked_by: "2027-07-17",
    })
  })

  it("is limited when any day is, with the fewest slots left", () => {
    expect(packageAvailability([d("2027-07-17", "available", 3), d("2027-07-18", "limited", 1), d("2027-07-19", "available", 2)])).toEqual({
      date: "2027-07-17",
      status: "limited",
      remaining: 1,
    })
    expect(packageAvailability([d("2027-07-17", "available", 3), d("2027-07-18", "available", 2)])).toEqual({ date: "2027-07-17", status: "available", remaining: 2 })
  })

  it("is bookable exactly when every day is", () => {
    const statuses = ["available", "limited", "held", "sold_out", "blackout", "unavailable"] as const
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...statuses), { minLength: 1, maxLength: MAX_PACKAGE_DAYS }), (list) => {
        const days = list.map((status, i) => d(`2027-07-${String(i + 1).padStart(2, "0")}`, status, isBookable(status) ? 1 : 0))
        expect(isBookable(packageAvailability(days).status)).toBe(list.every(isBookable))
      })
    )
  })
})
