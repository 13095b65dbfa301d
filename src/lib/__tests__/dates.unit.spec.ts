import fc from "fast-check"
import {
  addDays,
  DAY_MS,
  dateRangeProblem,
  datesBetween,
  dayNumber,
  dayNumberAt,
  daysBetween,
  fillRange,
  fromDayNumber,
  isCalendarDate,
  isDateShaped,
  isTimeZone,
  MAX_DATE,
  MIN_DATE,
  nextMidnightMs,
  nextOccurrence,
  rangeLength,
  startOfDayMs,
  todayIn,
  todayUtc,
  weekdayOf,
} from "../dates"

const viaDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)
const FIRST = dayNumber(MIN_DATE)
const LAST = dayNumber(MAX_DATE)
/** Any day whose year YYYY can write. */
const anyDay = fc.integer({ min: dayNumber("0000-01-01"), max: dayNumber("9999-12-31") })
const saneDay = fc.integer({ min: FIRST, max: LAST })

describe("the accepted range", () => {
  it("is 2000-01-01 to 2200-12-31", () => {
    expect([MIN_DATE, MAX_DATE]).toEqual(["2000-01-01", "2200-12-31"])
  })

  it.each(["2000-01-01", "2200-12-31", "2000-02-29", "2027-07-17", "2196-02-29"])("accepts %s", (d) => {
    expect(isCalendarDate(d)).toBe(true)
  })

  it.each([
    "1999-12-31",
    "2201-01-01",
    "9999-12-30",
    "0000-01-01",
    "2100-02-29", // not a leap year
    "+010000-01-01",
    "2027-02-29",
    "2027-13-01",
    "2027-00-10",
    "2027-04-31",
    "2027-7-17",
    "2027-07-17T00:00:00Z",
    " 2027-07-17",
    "2027-07-17\u0000",
    "",
  ])("refuses %p", (d) => {
    expect(isCalendarDate(d)).toBe(false)
  })

  it("refuses what is not a string", () => {
    for (const value of [null, undefined, 20270717, ["2027-07-17"], { date: "2027-07-17" }]) {
      expect(isCalendarDate(value)).toBe(false)
    }
  })

  it("holds exactly the dates from MIN_DATE to MAX_DATE (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST - 5000, max: LAST + 5000 }), (day) => {
        const date = viaDate(day)
        expect(isCalendarDate(date)).toBe(day >= FIRST && day <= LAST)
        expect(isDateShaped(date)).toBe(true)
      })
    )
  })

  it("says what is wrong with a date, or nothing", () => {
    expect(dateRangeProblem("2027-07-17")).toBeNull()
    expect(dateRangeProblem("2027-02-30")).toBe("must be a calendar date written YYYY-MM-DD")
    expect(dateRangeProblem("9999-12-31")).toBe("must be between 2000-01-01 and 2200-12-31")
  })
})

describe("day numbers", () => {
  it("count from 1970-01-01 as Date does (property)", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(fromDayNumber(day)).toBe(viaDate(day))
        expect(dayNumber(fromDayNumber(day))).toBe(day)
      })
    )
    expect(dayNumber("1970-01-01")).toBe(0)
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2)
  })

  it("refuse what YYYY-MM-DD cannot write instead of producing it", () => {
    expect(() => fromDayNumber(dayNumber("9999-12-31") + 1)).toThrow(RangeError)
    expect(() => fromDayNumber(dayNumber("0000-01-01") - 1)).toThrow(RangeError)
    expect(() => fromDayNumber(1.5)).toThrow(RangeError)
    expect(() => fromDayNumber(Number.MAX_VALUE)).toThrow(RangeError)
    expect(() => dayNumber("2027-02-30")).toThrow(RangeError)
    expect(() => dayNumber("+010000-01-01")).toThrow(RangeError)
  })

  it("add and subtract back (property)", () => {
    fc.assert(
      fc.property(saneDay, fc.integer({ min: -20_000, max: 20_000 }), (day, n) => {
        const date = fromDayNumber(day)
        const moved = addDays(date, n)
        expect(addDays(moved, -n)).toBe(date)
        expect(daysBetween(date, moved)).toBe(n)
        expect(rangeLength(date, moved)).toBe(Math.max(0, n + 1))
      })
    )
  })

  it("cross month ends, leap days and years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29")
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01")
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01")
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31")
    expect(daysBetween("2027-01-01", "2028-01-01")).toBe(365)
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366)
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2)
    expect(daysBetween("2027-01-10", "2027-01-01")).toBe(-9)
  })
})

describe("datesBetween", () => {
  it("lists consecutive dates from the first to the last (property)", () => {
    fc.assert(
      fc.property(saneDay, fc.integer({ min: -5, max: 400 }), (day, span) => {
        const from = fromDayNumber(day)
        const to = fromDayNumber(day + span)
        const dates = datesBetween(from, to, 401)
        expect(dates).toHaveLength(Math.max(0, span + 1))
        if (dates.length) {
          expect(dates[0]).toBe(from)
          expect(dates.at(-1)).toBe(to)
        }
        dates.slice(1).forEach((date, i) => expect(daysBetween(dates[i], date)).toBe(1))
      })
    )
  })

  it("refuses a range longer than its bound before building anything", () => {
    expect(() => datesBetween("2000-01-01", "2200-12-31", 366)).toThrow(/at most 366 days/)
    expect(() => datesBetween("2027-01-01", "2027-01-11", 10)).toThrow(RangeError)
    expect(datesBetween("2027-01-01", "2027-01-10", 10)).toHaveLength(10)
  })

  it("ends at the last date YYYY can write: the year-9999 range that used to loop forever", () => {
    expect(datesBetween("9999-12-30", "9999-12-31", 366)).toEqual(["9999-12-30", "9999-12-31"])
  })

  it("refuses what is not a date", () => {
    expect(() => datesBetween("2027-01-01", "2027-02-30", 366)).toThrow(RangeError)
    expect(() => datesBetween("next week", "2027-02-01", 366)).toThrow(RangeError)
  })
})

describe("today and instants", () => {
  it("today is the UTC date, whatever the offset the instant was written with", () => {
    expect(todayUtc(new Date("2026-07-01T23:30:00-05:00"))).toBe("2026-07-02")
    expect(todayUtc(new Date("2026-07-02T00:30:00+02:00"))).toBe("2026-07-01")
    expect(todayUtc()).toBe(new Date().toISOString().slice(0, 10))
  })

  it("an instant's day number is its UTC date's (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: startOfDayMs(MIN_DATE), max: startOfDayMs(MAX_DATE) + DAY_MS - 1 }), (ms) => {
        expect(dayNumberAt(ms)).toBe(dayNumber(todayUtc(new Date(ms))))
      })
    )
    expect(dayNumberAt(-1)).toBe(-1)
  })

  it("a date starts at its UTC midnight (property)", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const date = fromDayNumber(day)
        expect(startOfDayMs(date)).toBe(Date.parse(`${date}T00:00:00.000Z`))
      })
    )
    expect(startOfDayMs(MAX_DATE) + DAY_MS - 1).toBe(Date.parse(`${MAX_DATE}T23:59:59.999Z`))
  })
})

describe("weekdayOf", () => {
  it("is Date's UTC weekday, 0 = Sunday (property)", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(weekdayOf(fromDayNumber(day))).toBe(new Date(day * DAY_MS).getUTCDay())
      })
    )
    expect(weekdayOf("2027-07-17")).toBe(6)
    expect(weekdayOf("1970-01-01")).toBe(4)
  })

  it("refuses what is not a date", () => {
    expect(() => weekdayOf("2027-02-30")).toThrow(RangeError)
  })
})

describe("nextOccurrence", () => {
  it("is this year's date when it is still ahead, else next year's", () => {
    expect(nextOccurrence("12-24", "2027-07-17")).toBe("2027-12-24")
    expect(nextOccurrence("06-20", "2027-07-17")).toBe("2028-06-20")
  })

  it("never answers today itself", () => {
    expect(nextOccurrence("07-17", "2027-07-17")).toBe("2028-07-17")
  })
})

describe("time zones", () => {
  const at = (iso: string) => new Date(iso)

  it("knows IANA zones and refuses anything else", () => {
    for (const zone of ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles", "Asia/Kathmandu", "Etc/GMT+5", "America/Argentina/Buenos_Aires"]) {
      expect([zone, isTimeZone(zone)]).toEqual([zone, true])
    }
    for (const zone of ["", "Mars/Olympus", "UTC\u0000", "a".repeat(200), "Europe/" + "x".repeat(60), "+05:00", "-11:00", "Z", "Europe/Paris ", " UTC", "../etc/passwd", "Europe//Paris"]) {
      expect([zone, isTimeZone(zone)]).toEqual([zone, false])
    }
  })

  it("an unknown zone has no today", () => {
    expect(() => todayIn("Mars/Olympus", at("2027-03-14T09:30:00Z"))).toThrow(RangeError)
  })

  it("the same instant is a different day at UTC+14 and UTC-11", () => {
    const now = at("2027-03-14T09:30:00Z")
    expect(todayIn("UTC", now)).toBe("2027-03-14")
    expect(todayIn("Pacific/Kiritimati", now)).toBe("2027-03-14")
    expect(todayIn("Pacific/Pago_Pago", now)).toBe("2027-03-13")
    // Kiritimati's day starts at 10:00 UTC, Pago Pago's at 11:00 UTC.
    expect(todayIn("Pacific/Kiritimati", at("2027-03-14T09:59:59.999Z"))).toBe("2027-03-14")
    expect(todayIn("Pacific/Kiritimati", at("2027-03-14T10:00:00Z"))).toBe("2027-03-15")
    expect(todayIn("Pacific/Pago_Pago", at("2027-03-14T10:59:59.999Z"))).toBe("2027-03-13")
    expect(todayIn("Pacific/Pago_Pago", at("2027-03-14T11:00:00Z"))).toBe("2027-03-14")
  })

  it("follows Los Angeles across its DST changes of 2027 (March 14 and November 7)", () => {
    // Midnight is 08:00 UTC in winter (PST, -8) and 07:00 UTC in summer (PDT, -7).
    expect(todayIn("America/Los_Angeles", at("2027-03-14T07:59:59Z"))).toBe("2027-03-13")
    expect(todayIn("America/Los_Angeles", at("2027-03-14T08:00:00Z"))).toBe("2027-03-14")
    // 02:00 PST jumps to 03:00 PDT at 10:00 UTC; the day goes on, 23 hours long.
    expect(todayIn("America/Los_Angeles", at("2027-03-14T10:30:00Z"))).toBe("2027-03-14")
    expect(todayIn("America/Los_Angeles", at("2027-03-15T06:59:59Z"))).toBe("2027-03-14")
    expect(todayIn("America/Los_Angeles", at("2027-03-15T07:00:00Z"))).toBe("2027-03-15")
    // November 7: midnight still at 07:00 UTC (PDT); 02:00 PDT falls back to 01:00 PST; the day is 25 hours long.
    expect(todayIn("America/Los_Angeles", at("2027-11-07T06:59:59Z"))).toBe("2027-11-06")
    expect(todayIn("America/Los_Angeles", at("2027-11-07T07:00:00Z"))).toBe("2027-11-07")
    expect(todayIn("America/Los_Angeles", at("2027-11-08T07:59:59Z"))).toBe("2027-11-07")
    expect(todayIn("America/Los_Angeles", at("2027-11-08T08:00:00Z"))).toBe("2027-11-08")
  })

  it("Kathmandu's day starts at 18:15 UTC (+5:45)", () => {
    expect(todayIn("Asia/Kathmandu", at("2027-03-14T18:14:59Z"))).toBe("2027-03-14")
    expect(todayIn("Asia/Kathmandu", at("2027-03-14T18:15:00Z"))).toBe("2027-03-15")
  })

  it("UTC's today is todayUtc's, and every zone is within a day of it (property)", () => {
    const zones = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles", "Asia/Kathmandu", "Australia/Lord_Howe", "Etc/GMT+12"]
    fc.assert(
      fc.property(fc.integer({ min: startOfDayMs(MIN_DATE) + DAY_MS, max: startOfDayMs(MAX_DATE) - DAY_MS }), fc.constantFrom(...zones), (ms, zone) => {
        const now = new Date(ms)
        const today = todayIn(zone, now)
        expect(isCalendarDate(today)).toBe(true)
        expect(Math.abs(daysBetween(todayUtc(now), today))).toBeLessThanOrEqual(1)
        expect(todayIn("UTC", now)).toBe(todayUtc(now))
      })
    )
  })

  it("a zone's today is the date of the instant shifted by its offset (property, fixed-offset zones)", () => {
    const fixed: [string, number][] = [["Pacific/Kiritimati", 14 * 60], ["Pacific/Pago_Pago", -11 * 60], ["Asia/Kathmandu", 5 * 60 + 45], ["Etc/GMT+12", -12 * 60]]
    fc.assert(
      fc.property(fc.integer({ min: startOfDayMs("2000-01-01"), max: startOfDayMs("2200-12-31") }), fc.constantFrom(...fixed), (ms, [zone, minutes]) => {
        expect(todayIn(zone, new Date(ms))).toBe(todayUtc(new Date(ms + minutes * 60_000)))
      })
    )
  })
})

describe("fillRange", () => {
  it("fills a range ahead from today, or back to it, within the accepted dates", () => {
    expect(fillRange({}, "2027-03-14", 90, "ahead")).toEqual({ from: "2027-03-14", to: "2027-06-11" })
    expect(fillRange({ from: "2027-04-01" }, "2027-03-14", 3, "ahead")).toEqual({ from: "2027-04-01", to: "2027-04-03" })
    expect(fillRange({ to: "2027-03-20" }, "2027-03-14", 90, "ahead")).toEqual({ from: "2027-03-14", to: "2027-03-20" })
    expect(fillRange({ from: "2200-12-30" }, "2027-03-14", 90, "ahead")).toEqual({ from: "2200-12-30", to: MAX_DATE })
    expect(fillRange({}, "2027-03-14", 30, "back")).toEqual({ from: "2027-02-13", to: "2027-03-14" })
    expect(fillRange({ to: "2000-01-10" }, "2027-03-14", 30, "back")).toEqual({ from: MIN_DATE, to: "2000-01-10" })
    expect(fillRange({ from: "2027-03-01", to: "2027-03-02" }, "2027-03-14", 30, "back")).toEqual({ from: "2027-03-01", to: "2027-03-02" })
  })
})

describe("nextMidnightMs", () => {
  const ms = (iso: string) => Date.parse(iso)

  it("is the zone's next midnight, across DST changes and odd offsets", () => {
    const now = ms("2027-03-14T09:30:00Z")
    expect(nextMidnightMs("UTC", now)).toBe(ms("2027-03-15T00:00:00Z"))
    expect(nextMidnightMs("Pacific/Kiritimati", now)).toBe(ms("2027-03-14T10:00:00Z"))
    expect(nextMidnightMs("Pacific/Pago_Pago", now)).toBe(ms("2027-03-14T11:00:00Z"))
    expect(nextMidnightMs("Asia/Kathmandu", now)).toBe(ms("2027-03-14T18:15:00Z"))
    // Los Angeles' 23-hour day: from 01:30 PST to midnight PDT.
    expect(nextMidnightMs("America/Los_Angeles", now)).toBe(ms("2027-03-15T07:00:00Z"))
    // And its 25-hour day in November.
    expect(nextMidnightMs("America/Los_Angeles", ms("2027-11-07T07:00:00Z"))).toBe(ms("2027-11-08T08:00:00Z"))
    expect(nextMidnightMs("UTC", ms("2027-03-14T23:59:59.999Z"))).toBe(ms("2027-03-15T00:00:00Z"))
    expect(nextMidnightMs("UTC", ms("2027-03-15T00:00:00Z"))).toBe(ms("2027-03-16T00:00:00Z"))
  })

  it("the date changes exactly there (property)", () => {
    const zones = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles", "Asia/Kathmandu", "Australia/Lord_Howe", "America/Santiago"]
    fc.assert(
      fc.property(fc.integer({ min: startOfDayMs("2000-01-01"), max: startOfDayMs("2200-12-30") }), fc.constantFrom(...zones), (now, zone) => {
        const next = nextMidnightMs(zone, now)
        const today = todayIn(zone, new Date(now))
        expect(next).toBeGreaterThan(now)
        expect(todayIn(zone, new Date(next - 1))).toBe(today)
        expect(todayIn(zone, new Date(next))).toBe(addDays(today, 1))
      })
    )
  })
})
