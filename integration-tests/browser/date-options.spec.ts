// The Availability page's date drawer pencils options in for named clients: on a date taking one
// booking the first option holds the date (the calendar reads Held) and the second queues; releasing
// the first moves the second up to hold the date.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { visible } from "../checks"
import { adminApi, adminSession, choose, createTenant, fromSidebar, productBody, runId } from "./admin"

const RUN = runId()
const TENANT = `Options studio ${RUN}`
const now = new Date()
const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
const DATE = `${next.toISOString().slice(0, 8)}21`

/** A tenant of its own taking one booking a date, selling one package. */
async function fixtures(token: string) {
  const admin = adminApi(token)
  const { channel } = await createTenant(admin, TENANT)
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
})
