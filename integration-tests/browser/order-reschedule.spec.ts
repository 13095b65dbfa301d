// The order page's tier widget moves a booked package to another date: the Reschedule drawer asks
// the server about the date first (a taken date is refused with its reason, Confirm waits), shows
// the price difference for an open date, and Confirm moves the booking. Then the Availability
// page lets the tenant's couples reschedule themselves, with a notice.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { gone, visible } from "../checks"
import { NEXT_YEAR, adminApi, adminSession, base, checkout, choose, createTenant, productBody, runId, type AdminApi } from "./admin"

const RUN = runId()
// A tenant of its own with a $7,500 package, one booking a date, and a +20 % summer rule for its
// segment only (the other pages' tenants keep their prices).
const MOVE = {
  tenant: `Reschedule studio ${RUN}`,
  region: `Reschedule region ${RUN}`,
  segment: { handle: `reschedule-${RUN}`, name: `Reschedule ${RUN}` },
  tier: `Reschedule Select ${RUN}`,
  booked: `${NEXT_YEAR}-11-09`,
  taken: `${NEXT_YEAR}-11-16`,
  summer: `${NEXT_YEAR}-07-17`,
}

async function rescheduleFixtures(admin: AdminApi) {
  const { channel, store } = await createTenant(admin, MOVE.tenant)
  const { region } = await admin.post("/admin/regions", { name: MOVE.region, currency_code: "usd", countries: [], payment_providers: ["pp_system_default"] })
  const { segment } = await admin.post("/admin/segments", { ...MOVE.segment, rank: 12 })
  const { product } = await admin.post("/admin/products", { ...productBody(MOVE.tier, 7500), sales_channels: [{ id: channel.id }] })
  const { tier } = await admin.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: MOVE.tier, product_id: product.id })
  await admin.post("/admin/pricing-rules", { label: `Summer ${RUN}`, kind: "season", months: [7], percent: 20, priority: 1, segment_ids: [segment.id] })
  const place = async (who: string, date: string) => {
    const { cart } = await store.post("/store/carts", { region_id: region.id, email: `${who}-${RUN}@example.com` })
    await store.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tier.id, event_date: date })
    return checkout(store, cart.id, who)
  }
  const order = await place("mover", MOVE.booked)
  await place("other", MOVE.taken)
  return { channel, order }
}

describe("order reschedule", () => {
  const session = adminSession("order-reschedule")
  const { check, shot } = session
  let page: Page
  let admin: AdminApi
  let widget: Locator
  let drawer: Locator
  let fixtures: Awaited<ReturnType<typeof rescheduleFixtures>>
  let lineId: string
  const text = async (locator: Locator) => (await locator.innerText()).trim()

  beforeAll(async () => {
    page = session.page
    admin = adminApi(session.token)
    widget = page.getByTestId("order-tier-widget")
    drawer = page.getByTestId("reschedule-drawer")
  })

  check("the order page's widget offers to reschedule a confirmed package", async () => {
    fixtures = await rescheduleFixtures(admin)
    const { tier_summary } = await admin.get(`/admin/orders/${fixtures.order.id}/tier-summary`)
    lineId = tier_summary.lines[0].line_item_id
    await page.goto(`${base}/app/orders/${fixtures.order.id}`)
    await visible(widget, "the order tier widget", 60_000)
    const line = widget.getByTestId(`order-tier-line-${lineId}`)
    await line.scrollIntoViewIfNeeded()
    await line.getByTestId("order-tier-line-reschedule").click()
    await visible(drawer, "the reschedule drawer")
    assert((await text(drawer.getByTestId("reschedule-current"))).includes(`Nov 9, ${NEXT_YEAR}`), "the current date")
    assert(await drawer.getByTestId("drawer-submit").isDisabled(), "Confirm waits for a date")
  })

  check("a taken date is refused with its reason before anything moves", async () => {
    await drawer.getByLabel("New date").fill(MOVE.taken)
    await visible(drawer.getByTestId("reschedule-status").getByText("Sold out", { exact: true }), "the Sold out status")
    await visible(drawer.getByTestId("reschedule-reason").getByText(`${MOVE.taken} is sold out; choose another date`), "the reason")
    assert(await drawer.getByTestId("drawer-submit").isDisabled(), "Confirm stays off for a taken date")
  })

  check("an open summer date shows its price difference, and Confirm moves the booking", async () => {
    await drawer.getByLabel("New date").fill(MOVE.summer)
    await visible(drawer.getByTestId("reschedule-status").getByText("Available", { exact: true }), "the Available status")
    // $7,500 + 20 % in July, less the $7,500 paid.
    await visible(drawer.getByTestId("reschedule-difference").getByText("$1,500.00 more for the new date (not charged)"), "the price difference")
    await shot("reschedule-drawer")
    await drawer.getByTestId("drawer-submit").click()
    await visible(page.getByText(/Booking moved to .*Jul 17, /), "the moved toast")
    await gone(drawer, "the reschedule drawer")
    const line = widget.getByTestId(`order-tier-line-${lineId}`)
    await visible(line.getByTestId("order-tier-line-date").getByText(`Jul 17, ${NEXT_YEAR}`, { exact: false }), "the new date on the widget")
    const { tier_summary } = await admin.get(`/admin/orders/${fixtures.order.id}/tier-summary`)
    assert(tier_summary.lines[0].event_date === MOVE.summer && tier_summary.lines[0].booking.status === "confirmed", `moved: ${JSON.stringify(tier_summary.lines[0])}`)
  })

  check("the Availability page lets the tenant's couples reschedule, with 30 days' notice", async () => {
    await page.goto(`${base}/app/tiered/availability`)
    await choose(page, "availability-channel", MOVE.tenant)
    const form = page.getByTestId("availability-settings")
    await visible(form, "the settings form")
    const allowed = form.getByRole("checkbox", { name: "Allowed" })
    assert((await allowed.getAttribute("aria-checked")) === "false", "couples may not reschedule by default")
    assert((await page.getByLabel("Reschedule notice (days)").inputValue()) === "14", "14 days' notice by default")
    await allowed.click()
    await page.getByLabel("Reschedule notice (days)").fill("30")
    await page.getByTestId("save-settings").click()
    await visible(page.getByText("Availability settings saved"), "the saved toast")
    const { availability } = await admin.get(`/admin/availability/${fixtures.channel.id}`)
    assert(
      availability.settings.allow_customer_reschedule === true && availability.settings.reschedule_notice_days === 30,
      `saved: ${JSON.stringify(availability.settings)}`
    )
  })
})
