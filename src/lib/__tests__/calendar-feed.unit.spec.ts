import { parseCalendar } from "./ical"
import {
  blackoutEvent,
  bookingEvent,
  feedCalendar,
  feedPath,
  feedTokenOf,
  feedWindow,
  newFeedToken,
  optionEvent,
  personName,
  type FeedBooking,
  type FeedOption,
} from "../calendar-feed"
import { writeCalendar } from "../icalendar"
import { ordinal } from "../ordinal"

const at = new Date("2026-12-01T10:00:00Z")
const booking = (over: Partial<FeedBooking> = {}): FeedBooking => ({
  id: "bkg_1",
  event_date: "2027-07-17",
  status: "confirmed",
  tier_name: "Select",
  client: { name: "Jane Doe", email: "jane@example.com" },
  guest_count: 60,
  addons: [
    { title: "Album", quantity: 1 },
    { title: "Extra hour", quantity: 2 },
  ],
  order: { id: "order_1", display_id: 12, url: "https://shop.example/app/orders/order_1" },
  created_at: at,
  modified_at: at,
  ...over,
})

describe("feed tokens", () => {
  it("are 32 random bytes in base64url, a new one each time", () => {
    const tokens = Array.from({ length: 50 }, newFeedToken)
    expect(new Set(tokens).size).toBe(50)
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(Buffer.from(token, "base64url")).toHaveLength(32)
    }
  })

  it("are read from a path segment with or without .ics, and nothing else is one", () => {
    const token = newFeedToken()
    expect(feedTokenOf(token)).toBe(token)
    expect(feedTokenOf(`${token}.ics`)).toBe(token)
    expect(feedPath(token)).toBe(`/tiered/calendar/${token}.ics`)
    for (const bad of ["", "x", token.slice(1), `${token}a`, `${token}.ics.ics`, `${token.slice(1)}+`, `${token.slice(1)}\u0000`, "a".repeat(10_000), null, 42]) {
      expect(feedTokenOf(bad)).toBeNull()
    }
  })
})

describe("feed contents", () => {
  it("covers 90 days back to two years ahead", () => {
    expect(feedWindow("2027-01-15")).toEqual({ from: "2026-10-17", to: "2029-01-14" })
  })

  it("names a person from the parts given", () => {
    expect(personName(" Jane ", "Doe")).toBe("Jane Doe")
    expect(personName("Jane", null)).toBe("Jane")
    expect(personName("", "  ")).toBeNull()
    expect(personName(undefined, undefined)).toBeNull()
  })

  it("shows a booking as its package and client, with the details and the order link", () => {
    expect(bookingEvent(booking())).toEqual({
      uid: "bkg_1@tiered",
      start: "2027-07-17",
      end: "2027-07-17",
      summary: "Select – Jane Doe",
      description: [
        "Client: Jane Doe <jane@example.com>",
        "Guests: 60",
        "Add-ons: Album, Extra hour ×2",
        "Order #12: https://shop.example/app/orders/order_1",
      ].join("\n"),
      url: "https://shop.example/app/orders/order_1",
      created: at,
      modified: at,
      status: "CONFIRMED",
    })
  })

  it("spans a multi-day package's days in one event (its last day inclusive)", () => {
    const event = bookingEvent(booking({ end_date: "2027-07-19" }))
    expect([event.uid, event.start, event.end]).toEqual(["bkg_1@tiered", "2027-07-17", "2027-07-19"])
  })

  it("falls back to the client's email, to 'Booking' for a tier gone, and leaves out what it does not know", () => {
    const bare = bookingEvent(
      booking({ tier_name: null, client: { name: null, email: "x@example.com" }, guest_count: null, addons: [], status: "completed" })
    )
    expect(bare.summary).toBe("Booking – x@example.com")
    expect(bare.description).toBe("Client: <x@example.com>\nCompleted\nOrder #12: https://shop.example/app/orders/order_1")
    const noOrder = bookingEvent(booking({ client: { name: null, email: null }, order: null, guest_count: null, addons: [] }))
    expect(noOrder).toEqual(expect.objectContaining({ summary: "Select", description: null, url: null }))
  })

  it("shows a blackout with its reason over its days", () => {
    const blackout = { id: "blk_1", start_date: "2027-08-01", end_date: "2027-08-03", reason: "Studio holiday", created_at: at, modified_at: at }
    expect(blackoutEvent(blackout)).toEqual(
      expect.objectContaining({ uid: "blk_1@tiered", start: "2027-08-01", end: "2027-08-03", summary: "Blackout: Studio holiday", status: "CONFIRMED" })
    )
    expect(blackoutEvent({ ...blackout, reason: null }).summary).toBe("Blackout")
    expect(blackoutEvent({ ...blackout, reason: "  " }).summary).toBe("Blackout")
  })

  it("writes the tenant's calendar, events by first day, which ical.js reads back", () => {
    const calendar = feedCalendar({
      tenant_name: "Studio, Paris",
      bookings: [booking({ id: "bkg_2", event_date: "2027-09-01" }), booking()],
      blackouts: [{ id: "blk_1", start_date: "2027-08-01", end_date: "2027-08-03", reason: null, created_at: at, modified_at: at }],
    })
    const parsed = parseCalendar(writeCalendar(calendar))
    expect(parsed.name).toBe("Studio, Paris bookings")
    expect(parsed.rfc7986_name).toBe("Studio, Paris bookings")
    expect(parsed.refresh_interval).toBe("PT1H")
    expect(parsed.events.map((e) => [e.uid, e.start, e.end, e.summary])).toEqual([
      ["bkg_1@tiered", "2027-07-17", "2027-07-18", "Select – Jane Doe"],
      ["blk_1@tiered", "2027-08-01", "2027-08-04", "Blackout"],
      ["bkg_2@tiered", "2027-09-01", "2027-09-02", "Select – Jane Doe"],
    ])
  })
})

describe("options in the feed", () => {
  const option = (over: Partial<FeedOption> = {}): FeedOption => ({
    id: "dopt_1",
    event_date: "2027-07-04",
    tier_name: "Select",
    client: { name: "Ana", email: "ana@example.com" },
    note: null,
    position: 1,
    queued: 0,
    expires_at: new Date("2026-12-03T10:00:30Z"),
    draft_order: null,
    created_at: at,
    modified_at: at,
    ...over,
  })

  it("shows a live option as a tentative day with its client, package, expiry and queue", () => {
    expect(optionEvent(option({ queued: 2, note: "Wants the garden" }))).toEqual({
      uid: "dopt_1@tiered",
      start: "2027-07-04",
      end: "2027-07-04",
      summary: "Option: Ana (Select)",
      description: [
        "Client: Ana <ana@example.com>",
        "1st option, holding the date until 2026-12-03 10:00 UTC",
        "2 more options queued behind it",
        "Note: Wants the garden",
      ].join("\n"),
      url: null,
      created: at,
      modified: at,
      status: "TENTATIVE",
    })
  })

  it("names a promoted option by its place, one queued option in the singular, a tier gone as 'Booking', and links a draft order", () => {
    const event = optionEvent(
      option({ position: 2, queued: 1, tier_name: null, draft_order: { id: "order_9", url: "https://shop.example/app/draft-orders/order_9" } })
    )
    expect(event.summary).toBe("Option: Ana (Booking)")
    expect(event.description).toBe(
      [
        "Client: Ana <ana@example.com>",
        "2nd option, holding the date until 2026-12-03 10:00 UTC",
        "1 more option queued behind it",
        "Draft order: https://shop.example/app/draft-orders/order_9",
      ].join("\n")
    )
    expect(event.url).toBe("https://shop.example/app/draft-orders/order_9")
  })

  it("writes options among the bookings by day, tentative, which ical.js reads back", () => {
    const parsed = parseCalendar(
      writeCalendar(feedCalendar({ tenant_name: "Studio", bookings: [booking()], blackouts: [], options: [option({ client: { name: "Ana; Ben, \"Co\"", email: "a@example.com" } })] }))
    )
    expect(parsed.events.map((e) => [e.uid, e.start, e.end, e.summary, e.status])).toEqual([
      ["dopt_1@tiered", "2027-07-04", "2027-07-05", 'Option: Ana; Ben, "Co" (Select)', "TENTATIVE"],
      ["bkg_1@tiered", "2027-07-17", "2027-07-18", "Select – Jane Doe", "CONFIRMED"],
    ])
  })
})

describe("ordinal", () => {
  it("names places in English", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual([
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th", "112th",
    ])
  })
})
