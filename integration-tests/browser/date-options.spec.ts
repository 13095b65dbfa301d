// The Availability page's date drawer pencils options in for named clients: on a date taking one
// booking the first option holds the date (the calendar reads Held) and the second queues; releasing
// the first moves the second up to hold the date; converting it makes a draft order, linked from the
// option, and once Medusa turns the draft into an order the option links to the order.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { visible } from "../checks"
import { adminApi, adminSession, choose, createTenant, fromSidebar, productBody, runId } from "./admin"

const RUN = runId()
const TENANT = `Options studio ${RUN}`
const now = new Date()
const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
const DATE = `${next.toISOString().slice(0, 8)}21`
const REGION = `Options region ${RUN}`

/** A tenant of its own taking one booking a date, selling one package. */
async function fixtures(token: string) {
  const admin = adminApi(token)
  const { channel } = await createTenant(admin, TENANT)
  await admin.post("/admin/regions", { name: REGION, currency_code: "usd", countries: [] })
  const { segment } = await admin.post("/admin/segments", { handle: `options-${RUN}`, name: `Options ${RUN}`, rank: 13 })
  const { product } = await admin.post("/admin/products", { ...productBody(`Options Select ${RUN}`, 7500), sales_channels: [{ id: channel.id }] })
  await admin.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: `Options Select ${RUN}`, product_id: product.id })
  return { channel }
}

describe("a date's options for named clients", () => {
  const session = adminSession("date-options")
  const { check, shot } = session
  let page: Page
  let drawer: Locator
  let made: Awaited<ReturnType<typeof fixtures>>

  beforeAll(() => {
    page = session.page
    drawer = page.getByTestId("date-drawer")
  })

  const openDate = async () => {
    await page.getByTestId(`calendar-day-${DATE}`).click()
    await visible(drawer, "the date drawer")
  }
  const pencil = async (name: string, hours: string) => {
    await drawer.getByLabel("Client name").fill(name)
    await drawer.getByLabel("Client email").fill(`${name.toLowerCase()}-${RUN}@example.com`)
    await drawer.getByLabel("Holds for (hours)").fill(hours)
    await drawer.getByTestId("pencil-option").click()
  }
  const rowsCount = (n: number) =>
    page.waitForFunction((n) => document.querySelectorAll('[data-testid="date-option"]').length === n, n, { timeout: 30_000 })
  const statuses = async () => {
    const rows = drawer.getByTestId("date-option")
    const out: string[] = []
    for (let i = 0; i < (await rows.count()); i++) {
      out.push(`${await rows.nth(i).getAttribute("data-status")}: ${(await rows.nth(i).innerText()).split("\n")[0]}`)
    }
    return out
  }

  check("the first option holds the date and the calendar reads Held; the second queues", async () => {
    made = await fixtures(session.token)
    await fromSidebar(page, "Availability")
    await choose(page, "availability-channel", TENANT)
    await visible(page.getByTestId("availability-calendar"), "the calendar")
    await page.getByRole("button", { name: "Next month" }).click()
    await openDate()
    await visible(drawer.getByText("No option on this date."), "the empty options list")
    await choose(page, "option-tier", `Options Select ${RUN}`)
    await pencil("Ana", "48")
    await visible(page.getByText("Option holds the date"), "the live toast")
    // The form clears once the list shows the new option.
    await rowsCount(1)
    await pencil("Ben", "24")
    await rowsCount(2)
    await drawer.getByTestId("date-option").first().scrollIntoViewIfNeeded()
    assert.deepEqual(await statuses(), ["live: 1st option: Ana", "queued: 2nd option: Ben"])
    assert.match(await drawer.getByTestId("date-booking").innerText(), /Ana[\s\S]*Held by an option until/, "the option's hold among the date's bookings")
    await visible(page.getByText("Option queued as 2nd option"), "the queued toast")
    await page.screenshot({ path: shot("date-options") })
    await page.keyboard.press("Escape")
    const cell = page.getByTestId(`calendar-day-${DATE}`)
    await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute("data-status") === "held", `calendar-day-${DATE}`, { timeout: 30_000 })
    assert.equal(await cell.getAttribute("data-status"), "held", "the date reads held while the option holds it")
  })

  check("releasing the first option moves the second up to hold the date", async () => {
    await openDate()
    const first = drawer.getByTestId("date-option").filter({ hasText: "Ana" })
    await first.getByRole("button", { name: "Release" }).click()
    await visible(page.getByText("Option released"), "the released toast")
    await page.waitForFunction(
      () => document.querySelector('[data-testid="date-option"][data-status="live"]')?.textContent?.includes("Ben") === true,
      undefined,
      { timeout: 30_000 }
    )
    assert.deepEqual(await statuses(), ["released: 1st option: Ana", "live: 2nd option: Ben"])
    const { options } = await adminApi(session.token).get(`/admin/availability/${made.channel.id}/options?from=${DATE}&to=${DATE}`)
    assert.equal(options.map((o: { status: string }) => o.status).join(","), "released,live")
    assert.ok(options[1].expires_at, "the promoted option holds the date until a time")
  })

  check("Convert to draft order links the live option to its draft order, then to its order once converted", async () => {
    const ben = drawer.getByTestId("date-option").filter({ hasText: "Ben" })
    if (await drawer.getByTestId("option-region").count()) {
      await choose(page, "option-region", new RegExp(REGION))
    }
    await ben.getByTestId("convert-option").click()
    await visible(page.getByText("Draft order created for the client"), "the converted toast")
    await page.waitForFunction(
      () => document.querySelector('[data-testid="date-option"][data-status="converted"]')?.textContent?.includes("Ben") === true,
      undefined,
      { timeout: 30_000 }
    )
    const { options } = await adminApi(session.token).get(`/admin/availability/${made.channel.id}/options?from=${DATE}&to=${DATE}`)
    const draftId = options[1].draft_order_id as string
    assert.ok(draftId, "the option names its draft order")
    const link = ben.getByTestId("option-order-link")
    assert.equal(await link.innerText(), "Open the draft order")
    assert.equal(new URL((await link.getAttribute("href"))!, page.url()).pathname, `/app/draft-orders/${draftId}`)
    assert.equal(await ben.getByTestId("convert-option").count(), 0, "a converted option is not converted again")
    await ben.scrollIntoViewIfNeeded()
    await page.screenshot({ path: shot("date-option-converted") })

    await adminApi(session.token).post(`/admin/draft-orders/${draftId}/convert-to-order`, {})
    // order.placed books the option on the event bus.
    let status = ""
    for (let i = 0; i < 100 && status !== "booked"; i++, await new Promise((r) => setTimeout(r, 200))) {
      status = (await adminApi(session.token).get(`/admin/availability/${made.channel.id}/options?from=${DATE}&to=${DATE}`)).options[1].status
    }
    assert.equal(status, "booked", "the option is booked once its draft order is an order")
    await page.keyboard.press("Escape")
    await openDate()
    await page.waitForFunction(
      () => document.querySelector('[data-testid="date-option"][data-status="booked"]')?.textContent?.includes("Ben") === true,
      undefined,
      { timeout: 30_000 }
    )
    const booked = drawer.getByTestId("date-option").filter({ hasText: "Ben" }).getByTestId("option-order-link")
    assert.equal(await booked.innerText(), "Open the order")
    assert.equal(new URL((await booked.getAttribute("href"))!, page.url()).pathname, `/app/orders/${draftId}`)
    await booked.click()
    await page.waitForURL((url) => url.pathname === `/app/orders/${draftId}`, { timeout: 30_000 })
  })
})
