import fc from "fast-check"
import { parseCalendar } from "./ical"
import { dateTimeValue, dateValue, escapeText, foldLine, writeCalendar, type AllDayEvent } from "../icalendar"

const octets = (line: string) => Buffer.byteLength(line, "utf8")
const unfold = (text: string) => text.replace(/\r\n /g, "")
/** What a TEXT value reads as once parsed: line breaks as \n, other control characters as spaces. */
const asRead = (value: string) => value.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ")

const event = (over: Partial<AllDayEvent> = {}): AllDayEvent => ({
  uid: "bkg_1@tiered",
  start: "2027-07-17",
  end: "2027-07-17",
  summary: "Select – Jane Doe",
  modified: new Date("2026-12-01T10:20:30.456Z"),
  ...over,
})

const calendar = (events: AllDayEvent[]) =>
  writeCalendar({ product: "-//Tiered storefront//Calendar feed//EN", name: "Studio bookings", refresh_minutes: 60, events })

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and line breaks, and drops other control characters", () => {
    expect(escapeText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d")
    expect(escapeText("one\ntwo\r\nthree\rfour")).toBe("one\\ntwo\\nthree\\nfour")
    expect(escapeText("tab\there\u0000nul\u001bescape\u007fdel")).toBe("tab\there nul escape del")
    expect(escapeText("Café: 10:00")).toBe("Café: 10:00")
  })
})

describe("foldLine", () => {
  it("leaves a line of 75 octets alone and folds the 76th onto a line starting with a space", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75))
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`)
    expect(foldLine("x".repeat(200)).split("\r\n").map(octets)).toEqual([75, 75, 52])
  })

  it("never splits a character: a 2-, 3- or 4-octet character that does not fit moves to the next line", () => {
    const lines = foldLine(`${"x".repeat(74)}é${"y".repeat(10)}`).split("\r\n")
    expect(lines[0]).toBe("x".repeat(74))
    expect(lines[1]).toBe(" é" + "y".repeat(10))
    const emoji = foldLine("😀".repeat(40)).split("\r\n")
    expect(emoji.map(octets)).toEqual([72, 73, 17])
  })

  it("keeps every line within 75 octets and unfolds to the line it was given, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const line = text.replace(/[\r\n]/g, "")
        const folded = foldLine(line)
        return folded.split("\r\n").every((l, i) => octets(l) <= 75 && (i === 0 || l.startsWith(" "))) && unfold(folded) === line
      })
    )
  })
})

describe("values", () => {
  it("writes DATE and UTC DATE-TIME values, and refuses what is not a date", () => {
    expect(dateValue("2027-07-17")).toBe("20270717")
    expect(dateTimeValue(new Date("2026-12-01T10:20:30.456Z"))).toBe("20261201T102030Z")
    expect(() => dateValue("2027-02-29")).toThrow(RangeError)
    expect(() => dateValue("20270717")).toThrow(RangeError)
  })
})

describe("writeCalendar", () => {
  it("writes CRLF lines only, ending with one, that ical.js reads as the calendar and its all-day events", () => {
    const text = calendar([
      event({ description: "Client: Jane Doe <jane@example.com>\nGuests: 60", url: "https://shop.example/app/orders/order_1" }),
      event({ uid: "blk_1@tiered", start: "2027-12-30", end: "2028-01-02", summary: "Blackout: Holidays, family; rest" }),
    ])
    expect(text.endsWith("\r\n")).toBe(true)
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/)
    expect(text.split("\r\n").every((l) => octets(l) <= 75)).toBe(true)
    expect(text).toContain("\r\nDTSTART;VALUE=DATE:20270717\r\nDTEND;VALUE=DATE:20270718\r\n")
    expect(text).toContain("\r\nDTSTAMP:20261201T102030Z\r\n")

    const parsed = parseCalendar(text)
    expect(parsed.name).toBe("Studio bookings")
    expect(parsed.refresh_interval).toBe("PT1H")
    expect(parsed.published_ttl).toBe("PT1H")
    expect(parsed.events).toEqual([
      expect.objectContaining({
        uid: "bkg_1@tiered",
        start: "2027-07-17",
        end: "2027-07-18",
        all_day: true,
        summary: "Select – Jane Doe",
        description: "Client: Jane Doe <jane@example.com>\nGuests: 60",
        url: "https://shop.example/app/orders/order_1",
        status: "CONFIRMED",
        transp: "OPAQUE",
      }),
      // A range ends the day after its last day, across the new year.
      expect.objectContaining({ uid: "blk_1@tiered", start: "2027-12-30", end: "2028-01-03", all_day: true, summary: "Blackout: Holidays, family; rest" }),
    ])
  })

  it("writes a refresh interval of minutes that are not whole hours", () => {
    const text = writeCalendar({ product: "p", name: "n", refresh_minutes: 90, events: [] })
    expect(parseCalendar(text).refresh_interval).toBe("PT90M")
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT90M\r\n")
  })

  it("gives back any summary and description through ical.js as written (line breaks as \\n)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "binary", minLength: 1, maxLength: 300 }), (summary, description) => {
        const [parsed] = parseCalendar(calendar([event({ summary, description })])).events
        expect(parsed.summary).toBe(asRead(summary))
        expect(parsed.description).toBe(asRead(description))
      }),
      { numRuns: 200 }
    )
  })
})
