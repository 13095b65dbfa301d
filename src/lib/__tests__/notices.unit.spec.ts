import {
  disabledAfter,
  eventDates,
  isLapsingSoon,
  NOTICE_TEMPLATES,
  noticeKey,
  noticeSwitches,
  NoticeOrder,
  NoticePayment,
  NoticeRecord,
  NoticeTier,
  noticeCancellation,
  owedBalanceProblem,
  optionNoticeData,
  orderNoticeData,
  rescheduleNoticeData,
  upgradeNoticeData,
} from "../notices"

const breakdown = (base: number, final = base) => ({ base, adjustments: [], final, currency_code: "usd" })
const item = (id: string, title: string, unit: number, quantity = 1) => ({
  id,
  title,
  product_title: `${title} product`,
  quantity,
  unit_price: unit,
  subtotal: unit * quantity,
  discount_total: 0,
  total: unit * quantity,
})

const order: NoticeOrder = {
  id: "order_1",
  display_id: 7,
  email: "couple@example.com",
  customer_id: null,
  customer_name: "Ada Lovelace",
  sales_channel: { id: "sc_1", name: "Studio" },
  currency_code: "usd",
  placed_at: "2027-01-02T10:00:00.000Z",
  subtotal: 7000,
  discount_total: 0,
  tax_total: 0,
  total: 7000,
  items: [item("li_tier", "Select", 5000), item("li_album", "Album", 1000, 2), item("li_old", "Essential", 4000, 0)],
}
const tiers: NoticeTier[] = [
  { id: "tier_select", name: "Select", level: 2, segment: { id: "seg_sig", name: "Signature" } },
  { id: "tier_ess", name: "Essential", level: 1, segment: { id: "seg_sig", name: "Signature" } },
]
const record = (extra: Partial<NoticeRecord>): NoticeRecord => ({
  kind: "tier",
  line_key: "k1",
  order_line_item_id: "li_tier",
  tier_id: "tier_select",
  segment_id: "seg_sig",
  event_date: "2027-11-10",
  days: 1,
  guest_count: 40,
  price_breakdown: breakdown(5000),
  ...extra,
})
const records = [
  record({ days: 2 }),
  record({ kind: "addon", order_line_item_id: "li_album", price_breakdown: breakdown(1000) }),
  // An upgrade's old line, left at quantity 0.
  record({ order_line_item_id: "li_old", tier_id: "tier_ess", line_key: "k1" }),
]
const payment: NoticePayment = { currency_code: "usd", total: 7000, deposit: 2100, paid: 2100, balance: 4900, balance_due_date: "2027-05-18", status: "due" }

describe("noticeKey", () => {
  it("names the template, the entity and its version", () => {
    expect(noticeKey("booking-confirmation", "order_1")).toBe("tiered:booking-confirmation:order_1")
    expect(noticeKey("option-lapsing", "dopt_1", "2027-01-01T00:00:00.000Z")).toBe("tiered:option-lapsing:dopt_1:2027-01-01T00:00:00.000Z")
  })
})

describe("noticeSwitches and disabledAfter", () => {
  it("turns every template on, with a 24-hour window, for a tenant that changed nothing", () => {
    const switches = noticeSwitches(null)
    expect(Object.values(switches.templates).every(Boolean)).toBe(true)
    expect(Object.keys(switches.templates)).toEqual([...NOTICE_TEMPLATES])
    expect(switches.option_lapsing_hours).toBe(24)
  })

  it("turns off what is named false, on what is named true, and leaves the rest", () => {
    expect(disabledAfter([], { "booking-canceled": false })).toEqual(["booking-canceled"])
    expect(disabledAfter(["booking-canceled", "option-promoted"], { "booking-canceled": true })).toEqual(["option-promoted"])
    expect(disabledAfter(["option-promoted"], {})).toEqual(["option-promoted"])
    // A stored name no template has any more is dropped.
    expect(disabledAfter(["gone", "option-lapsing"], {})).toEqual(["option-lapsing"])
    expect(noticeSwitches({ disabled_templates: ["option-lapsing"], option_lapsing_hours: 6 })).toEqual({
      templates: expect.objectContaining({ "option-lapsing": false, "booking-confirmation": true }),
      option_lapsing_hours: 6,
    })
  })
})

describe("orderNoticeData", () => {
  it("lists each package with its tier, segment, every day, add-ons and breakdowns, every live line, totals and payment", () => {
    const data = orderNoticeData(order, records, tiers, payment)
    expect(data.packages).toEqual([
      {
        segment: { id: "seg_sig", name: "Signature" },
        tier: { id: "tier_select", name: "Select", level: 2 },
        product_title: "Select product",
        event_date: "2027-11-10",
        event_dates: ["2027-11-10", "2027-11-11"],
        guest_count: 40,
        line: expect.objectContaining({ line_item_id: "li_tier", unit_price: 5000, quantity: 1, total: 5000, price_breakdown: breakdown(5000) }),
        addons: [expect.objectContaining({ line_item_id: "li_album", title: "Album", quantity: 2, unit_price: 1000, total: 2000 })],
      },
    ])
    expect(data.lines.map((l) => l.line_item_id)).toEqual(["li_tier", "li_album"])
    expect(data).toEqual(
      expect.objectContaining({
        order_id: "order_1",
        display_id: 7,
        email: "couple@example.com",
        customer_name: "Ada Lovelace",
        sales_channel: { id: "sc_1", name: "Studio" },
        totals: { subtotal: 7000, discount_total: 0, tax_total: 0, total: 7000 },
        payment,
      })
    )
  })

  it("has no package for an order without tier records", () => {
    expect(orderNoticeData(order, [], tiers, payment).packages).toEqual([])
  })
})

describe("upgradeNoticeData and rescheduleNoticeData", () => {
  const base = orderNoticeData(order, records, tiers, payment)

  it("names the tier left and the package now booked", () => {
    const data = upgradeNoticeData(base, { from_tier_id: "tier_ess", to_tier_id: "tier_select", price_difference: 1000 }, tiers)
    expect(data?.upgrade).toEqual({
      from: { tier: { id: "tier_ess", name: "Essential", level: 1 }, segment: { id: "seg_sig", name: "Signature" } },
      to: base.packages[0],
      price_difference: 1000,
    })
    expect(upgradeNoticeData(base, { from_tier_id: "tier_ess", to_tier_id: "tier_other", price_difference: 1 }, tiers)).toBeNull()
  })

  it("names the package moved and its dates before and after", () => {
    const data = rescheduleNoticeData(base, { line_item_id: "li_tier", from: "2027-11-03", to: "2027-11-10", price_difference: 0 })
    expect(data?.reschedule).toEqual({ package: base.packages[0], from: "2027-11-03", to: "2027-11-10", price_difference: 0 })
    expect(rescheduleNoticeData(base, { line_item_id: "li_album", from: "a", to: "b", price_difference: 0 })).toBeNull()
  })
})

describe("options", () => {
  const option = {
    id: "dopt_1",
    sales_channel: { id: "sc_1", name: "Studio" },
    client_name: "Ben",
    client_email: "ben@example.com",
    event_date: "2027-05-10",
    status: "live",
    expires_at: "2027-01-02T12:00:00.000Z",
    hold_hours: 48,
  }

  it("tells the client their package, date and when the hold ends", () => {
    expect(optionNoticeData(option, tiers[0], "Select product")).toEqual({
      option_id: "dopt_1",
      client_name: "Ben",
      email: "ben@example.com",
      sales_channel: { id: "sc_1", name: "Studio" },
      event_date: "2027-05-10",
      segment: { id: "seg_sig", name: "Signature" },
      tier: { id: "tier_select", name: "Select", level: 2 },
      product_title: "Select product",
      expires_at: "2027-01-02T12:00:00.000Z",
      hold_hours: 48,
    })
  })

  it("is lapsing soon inside the window only, while it still holds the date", () => {
    const at = (iso: string) => new Date(iso)
    expect(isLapsingSoon(option, 24, at("2027-01-01T12:00:00.000Z"))).toBe(true) // exactly 24 hours before
    expect(isLapsingSoon(option, 24, at("2027-01-01T11:59:59.000Z"))).toBe(false)
    expect(isLapsingSoon(option, 24, at("2027-01-02T12:00:00.000Z"))).toBe(false) // lapsed already
    expect(isLapsingSoon({ ...option, status: "converted" }, 24, at("2027-01-02T00:00:00.000Z"))).toBe(true)
    expect(isLapsingSoon({ ...option, status: "queued", expires_at: null }, 24, at("2027-01-02T00:00:00.000Z"))).toBe(false)
    expect(isLapsingSoon({ ...option, status: "booked" }, 24, at("2027-01-02T00:00:00.000Z"))).toBe(false)
  })

  it("lists every day of a package", () => {
    expect(eventDates("2027-12-31", 3)).toEqual(["2027-12-31", "2028-01-01", "2028-01-02"])
    expect(eventDates("2027-12-31", 0)).toEqual(["2027-12-31"])
  })
})

describe("noticeCancellation", () => {
  it("reads what the policy refunded and kept from the canceled order's metadata, totalling the refunds", () => {
    const metadata = {
      other: 1,
      tiered_cancellation: {
        policy: { deposit_refundable: false, balance_refundable_days: 60 },
        payments: [
          { payment_id: "pay_1", kind: "deposit", held: 3000, refunded: 0, reason: "deposit_kept" },
          { payment_id: "pay_2", kind: "balance", held: 7000.005, refunded: 7000.005, reason: "balance_in_window" },
        ],
      },
    }
    expect(noticeCancellation(metadata, "usd")).toEqual({
      refunded: 7000.01,
      payments: [
        { payment_id: "pay_1", kind: "deposit", held: 3000, refunded: 0, reason: "deposit_kept" },
        { payment_id: "pay_2", kind: "balance", held: 7000.005, refunded: 7000.005, reason: "balance_in_window" },
      ],
    })
  })

  it("is null for an order canceled without the policy (or not canceled)", () => {
    expect(noticeCancellation(null, "usd")).toBeNull()
    expect(noticeCancellation({}, "usd")).toBeNull()
    expect(noticeCancellation({ tiered_cancellation: { payments: "x" } }, "usd")).toBeNull()
  })
})

describe("owedBalanceProblem", () => {
  it("stops a notice about an owed balance once the order is paid in full", () => {
    expect(owedBalanceProblem({ status: "paid" })).toBe("the order is paid in full")
    expect(owedBalanceProblem({ status: "due" })).toBeNull()
    expect(owedBalanceProblem({ status: "overdue" })).toBeNull()
    expect(owedBalanceProblem({ status: "canceled" })).toBe("the order is canceled")
  })
})
