import { bookingStatus, canReschedule, formatEventDate, guestCountText, priceDifferenceText, tierLabel } from "../order-tier-summary"

describe("order tier summary", () => {
  it("names a tier by its level, or by name alone when the tier is gone", () => {
    expect(tierLabel({ level: 2, tier_name: "Signature Select" })).toBe("Level 2 · Signature Select")
    expect(tierLabel({ level: null, tier_name: "Old package" })).toBe("Old package")
  })

  it("shows the event's calendar day, whatever the merchant's time zone", () => {
    expect(formatEventDate("2027-11-10", "en-US")).toBe("Wed, Nov 10, 2027")
    expect(formatEventDate("2028-02-29", "en-US")).toBe("Tue, Feb 29, 2028")
    expect(formatEventDate("2027-01-01", "en-GB")).toBe("Fri, 1 Jan 2027")
  })

  it("keeps a value that is not a calendar date as it came", () => {
    expect(formatEventDate("2027-13-45", "en-US")).toBe("2027-13-45")
    expect(formatEventDate("soon", "en-US")).toBe("soon")
  })

  it("says when the guest count was not given", () => {
    expect(guestCountText(null)).toBe("Not given")
    expect(guestCountText(1200, "en-US")).toBe("1,200")
  })

  it("words each booking status, and a line without a booking", () => {
    expect(bookingStatus({ id: "bk_1", status: "confirmed", slot: 1 })).toEqual({ label: "Confirmed", color: "green" })
    expect(bookingStatus({ id: "bk_1", status: "canceled", slot: 1 })).toEqual({ label: "Canceled", color: "red" })
    expect(bookingStatus({ id: "bk_1", status: "completed", slot: 1 })).toEqual({ label: "Completed", color: "grey" })
    expect(bookingStatus(null)).toEqual({ label: "Not booked", color: "orange" })
  })

  it("says a reschedule's price difference and that it is neither charged nor refunded", () => {
    expect(priceDifferenceText(1000, "usd", "en-US")).toBe("$1,000.00 more for the new date (not charged)")
    expect(priceDifferenceText(-500, "usd", "en-US")).toBe("$500.00 less for the new date (not refunded)")
    expect(priceDifferenceText(0, "usd", "en-US")).toBe("No difference")
  })

  it("offers to reschedule confirmed bookings only", () => {
    expect(canReschedule({ booking: { id: "bkg_1", status: "confirmed", slot: 1 } })).toBe(true)
    expect(canReschedule({ booking: { id: "bkg_1", status: "canceled", slot: 1 } })).toBe(false)
    expect(canReschedule({ booking: null })).toBe(false)
  })
})
