// The Availability page's date drawer lists the date's bookings and carts' holds: a placed order
// (with its order number, customer and a link to the order) and a cart's hold (until when), and
// the calendar cell counts both; the hold time and time zone fields are saved with the settings.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { visible } from "../checks"
import { adminApi, adminSession, checkout, choose, createTenant, fromSidebar, productBody, runId } from "./admin"

const RUN = runId()
const TENANT = `Holds studio ${RUN}`
const now = new Date()
const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
const DATE = `${next.toISOString().slice(0, 8)}20`

/** A tenant of its own taking two bookings a date: one order placed on DATE, and one cart holding it. */
async function fixtures(token: string) {
  const admin = adminApi(token)
  const { channel, store } = await createTenant(admin, TENANT)
  await admin.post(`/admin/availability/${channel.id}`, { settings: { capacity_per_date: 2 } })
  const { region } = await admin.post("/admin/regions", { name: `Holds region ${RUN}`, currency_code: "usd", countries: [], payment_providers: ["pp_system_default"] })
  const { segment } = await admin.post("/admin/segments", { handle: `holds-${RUN}`, name: `Holds ${RUN}`, rank: 12 })
  const { product } = await admin.post("/admin/products", { ...productBody(`Holds Select ${RUN}`, 7500), sales_channels: [{ id: channel.id }] })
  const { tier } = await admin.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: `Holds Select ${RUN}`, product_id: product.id })
  const booked = (await store.post("/store/carts", { region_id: region.id, email: `booked-${RUN}@example.com` })).cart
  await store.post(`/store/carts/${booked.id}/tier-items`, { tier_id: tier.id, event_date: DATE, guest_count: 90 })
  const order = await checkout(store, booked.id, "booked")
  const holding = (await store.post("/store/carts", { region_id: region.id })).cart
  const { hold } = await store.post(`/store/carts/${holding.id}/tier-items`, { tier_id: tier.id, event_date: DATE })
  return { channel, order, hold }
}

describe("a date's bookings and holds", () => {
  const session = adminSession("date-holds")
  const { check, shot } = session
  let page: Page
  let drawer: Locator
  let made: Awaited<ReturnType<typeof fixtures>>

  beforeAll(() => {
    page = session.page
    drawer = page.getByTestId("date-drawer")
  })

  check("the calendar counts the order and the hold on the date", async () => {
    made = await fixtures(session.token)
    await fromSidebar(page, "Availability")
    await choose(page, "availability-channel", TENANT)
    await visible(page.getByTestId("availability-calendar"), "the calendar")
    await page.getByRole("button", { name: "Next month" }).click()
    const cell = page.getByTestId(`calendar-day-${DATE}`)
    await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute("data-status") === "sold_out" || document.querySelector(`[data-testid="${id}"]`)?.getAttribute("data-status") === "held", `calendar-day-${DATE}`, { timeout: 30_000 })
    assert.equal(await cell.getAttribute("data-status"), "held", "a date whose last slot is held reads held")
    const label = await cell.getAttribute("aria-label")
    assert.match(label ?? "", /Held, 0 left, 1 held in carts/, `the cell's label: ${label}`)
  })

  check("the date drawer lists the order with a link and the cart's hold with until when", async () => {
    await page.getByTestId(`calendar-day-${DATE}`).click()
    await visible(drawer, "the date drawer")
    const rows = drawer.getByTestId("date-booking")
    await visible(rows.first(), "the date's bookings")
    assert.equal(await rows.count(), 2, "one order and one hold")
    assert.match(await drawer.getByTestId("booked-count").innerText(), /2 booked \(1 held in carts\)/)
    const orderRow = rows.filter({ hasText: "Confirmed" })
    const link = orderRow.getByRole("link")
    assert.equal(await link.getAttribute("href"), `/app/orders/${made.order.id}`, "the link to the order")
    assert.match(await orderRow.innerText(), new RegExp(`Order #${made.order.display_id}`), "the order number")
    assert.match(await orderRow.innerText(), /90 guests/, "the guests")
    const holdRow = rows.filter({ hasText: "Held in a cart until" })
    assert.match(await holdRow.innerText(), /A shopper's cart/, "the hold's cart")
    assert.equal(await holdRow.getByRole("link").count(), 0, "a hold has no order to link to")
    await page.screenshot({ path: shot("date-drawer-bookings") })
    await orderRow.getByRole("link").click()
    await page.waitForURL(`**/orders/${made.order.id}`)
  })

  check("the hold time and the time zone are saved with the settings, and a zone that does not exist is refused", async () => {
    await fromSidebar(page, "Availability")
    await choose(page, "availability-channel", TENANT)
    await page.getByLabel("Cart hold (minutes)").fill("45")
    await page.getByLabel("Time zone").fill("Mars/Olympus")
    await page.getByTestId("save-settings").click()
    await visible(page.getByText(/IANA time zone/).first(), "the refusal")
    await page.getByLabel("Time zone").fill("America/Los_Angeles")
    await page.getByTestId("save-settings").click()
    await visible(page.getByText("Availability settings saved"), "the saved toast")
    const { availability } = await adminApi(session.token).get(`/admin/availability/${made.channel.id}`)
    assert.equal(availability.settings.hold_minutes, 45)
    assert.equal(availability.settings.time_zone, "America/Los_Angeles")
  })
})
