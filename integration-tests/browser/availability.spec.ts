// The Availability page: a sales channel's capacity, a blackout and a high-demand flag on the
// calendar; its calendar feed (the URL serves the calendar, rotating it kills the old one); then its repairs section (the reconciler run with Check now, a flag marked resolved)
// and the same repairs on the order page's tier widget.
import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import { gone, visible } from "../checks"
import { parseCalendar } from "../../src/lib/__tests__/ical"
import { NEXT_YEAR, adminApi, adminSession, base, checkout, choose, createTenant, dbQuery, fromSidebar, productBody, runId, type AdminApi } from "./admin"

const RUN = runId()
const BLACKOUT_REASON = `Private event ${RUN}`
// The reconciler's fixtures: a tenant whose two orders lose their bookings (as a crash between two
// steps would leave them); a third order then takes the second one's date.
const REPAIRS = {
  tenant: `Repairs studio ${RUN}`,
  region: `Repairs region ${RUN}`,
  segment: { handle: `repairs-${RUN}`, name: `Repairs ${RUN}`, commission_percent: 10 },
  tier: `Repairs Select ${RUN}`,
  dates: [`${NEXT_YEAR}-10-06`, `${NEXT_YEAR}-10-13`],
}
const TAKEN = `on ${REPAIRS.dates[1]} has no booking: the date was taken by another booking`

const now = new Date()
const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
const inNextMonth = (day: string) => `${next.toISOString().slice(0, 8)}${day}`
const BLACKOUT = inNextMonth("10")
const FLAG = inNextMonth("12")

/**
 * Two orders of a tenant of their own lose their bookings (deleted in the database, as a process
 * killed between two checkout steps leaves them); a third couple then books the second order's date
 * through the store, so the reconciler can book the first order again but must flag the second.
 */
async function repairFixtures(token: string) {
  const admin = adminApi(token)
  const { channel, store } = await createTenant(admin, REPAIRS.tenant)
  const { region } = await admin.post("/admin/regions", { name: REPAIRS.region, currency_code: "usd", countries: [], payment_providers: ["pp_system_default"] })
  const { segment } = await admin.post("/admin/segments", { ...REPAIRS.segment, rank: 11 })
  const { product } = await admin.post("/admin/products", { ...productBody(REPAIRS.tier, 7500), sales_channels: [{ id: channel.id }] })
  const { tier } = await admin.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: REPAIRS.tier, product_id: product.id })
  const place = async (who: string, date: string) => {
    const { cart } = await store.post("/store/carts", { region_id: region.id, email: `${who}-${RUN}@example.com` })
    await store.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tier.id, event_date: date })
    return checkout(store, cart.id, who)
  }
  const [first, second] = [await place("repaired", REPAIRS.dates[0]), await place("flagged", REPAIRS.dates[1])]
  const deleted = await dbQuery("DELETE FROM booking WHERE order_id = ANY($1) RETURNING id", [[first.id, second.id]])
  if (deleted.length !== 2) throw new Error(`expected to delete the two orders' bookings, deleted ${deleted.length}`)
  const taker = await place("taker", REPAIRS.dates[1])
  return { channel, first, second, taker }
}

describe("availability and its repairs", () => {
  const session = adminSession("availability")
  const { check, shot } = session
  let page: Page
  let drawer: Locator
  const cell = (date: string) => page.getByTestId(`calendar-day-${date}`)
  const statusOf = (date: string) => cell(date).getAttribute("data-status")
  const waitForStatus = async (date: string, status: string) => {
    await page
      .waitForFunction(
        ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute("data-status") === want,
        [`calendar-day-${date}`, status],
        { timeout: 30_000 }
      )
      .catch(async () => {
        throw new Error(`expected ${date} to be ${status}, it is ${await statusOf(date)}`)
      })
  }

  beforeAll(() => {
    page = session.page
    drawer = page.getByTestId("date-drawer")
  })

  check("the Availability page shows the default sales channel's settings", async () => {
    await fromSidebar(page, "Availability")
    await visible(page.getByRole("heading", { name: "Availability", level: 1 }), "the Availability heading")
    await choose(page, "availability-channel", "Default Sales Channel")
    await visible(page.getByTestId("availability-settings"), "the settings form")
    await visible(page.getByTestId("availability-calendar"), "the calendar")
    // Defaults until saved: one booking a date, no limit ahead.
    assert((await page.getByLabel("Capacity per date").inputValue()) === "1", "default capacity 1")
    assert((await page.getByLabel("Maximum advance days").inputValue()) === "", "no advance limit by default")
  })

  check("sets the capacity to 2 a date", async () => {
    await page.getByLabel("Capacity per date").fill("2")
    await page.getByTestId("save-settings").click()
    await visible(page.getByText("Availability settings saved"), "the saved toast")
    await page.getByRole("button", { name: "Next month" }).click()
    await waitForStatus(BLACKOUT, "available")
    const text = await cell(BLACKOUT).innerText()
    assert(/2 left/.test(text), `expected 2 left on ${BLACKOUT}: ${text}`)
    assert((await page.getByLabel("Capacity per date").inputValue()) === "2", "the saved capacity")
  })

  check("blacks out a date with a reason", async () => {
    await cell(BLACKOUT).click()
    await visible(drawer, "the date drawer")
    await drawer.getByLabel("Reason").fill(BLACKOUT_REASON)
    await page.screenshot({ path: shot("blackout-drawer") })
    await drawer.getByTestId("black-out").click()
    await gone(drawer, "the date drawer")
    await waitForStatus(BLACKOUT, "blackout")
    const row = page.getByTestId("blackout-row").filter({ hasText: BLACKOUT_REASON })
    await visible(row, "the blackout in the list")
    assert((await row.innerText()).includes(BLACKOUT), "the blackout row shows its date")
  })

  check("flags another date high demand: it shows as limited", async () => {
    await cell(FLAG).click()
    await visible(drawer, "the date drawer")
    await drawer.getByTestId("flag-high-demand").click()
    await gone(drawer, "the date drawer")
    await waitForStatus(FLAG, "limited")
    assert(/Limited/.test(await cell(FLAG).innerText()), "the limited badge")
    await visible(page.getByTestId("high-demand-row").filter({ hasText: FLAG }), "the flag in the list")
    await page.getByTestId("availability-calendar").scrollIntoViewIfNeeded()
  })

  check("removes the flag from the date and the blackout from the list", async () => {
    await cell(FLAG).click()
    await drawer.getByRole("button", { name: "Remove flag" }).click()
    await gone(drawer, "the date drawer")
    await waitForStatus(FLAG, "available")
    await page.getByRole("button", { name: `Remove blackout from ${BLACKOUT}` }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click()
    await waitForStatus(BLACKOUT, "available")
    await visible(page.getByTestId("blackout-list").getByText("No blackouts."), "an empty blackout list")
  })

  check("marks the tenant's today in its time zone, not UTC's", async () => {
    // The date at an instant in a zone, worked out here as a second witness.
    const dateIn = (timeZone: string) =>
      new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date())
    // At any hour one of them is on another date than UTC: Pago Pago (UTC-11) before 11:00 UTC, Kiritimati (UTC+14) from 10:00.
    const zone = dateIn("Pacific/Pago_Pago") !== dateIn("UTC") ? "Pacific/Pago_Pago" : "Pacific/Kiritimati"
    const admin = adminApi(session.token)
    const name = `Zone studio ${RUN}`
    const { channel } = await createTenant(admin, name)
    await admin.post(`/admin/availability/${channel.id}`, { settings: { time_zone: zone } })
    await page.reload()
    await choose(page, "availability-channel", name)
    await page.getByRole("button", { name: "Today", exact: true }).click()
    const today = dateIn(zone)
    await visible(page.locator(`[data-testid="calendar-day-${today}"][aria-current="date"]`), `${today}, today in ${zone}, marked`)
    assert.equal(await page.locator('[aria-current="date"]').count(), 1, "one date marked today")
    // Back to the default channel, which the calendar feed checks below read.
    await choose(page, "availability-channel", "Default Sales Channel")
  })

  describe("calendar feed", () => {
    const FEED_PATH = /^\/tiered\/calendar\/[A-Za-z0-9_-]{43}\.ics$/
    const FEED_BLACKOUT = inNextMonth("20")
    let feedUrl: string
    /** The feed as a calendar app fetches it: no key, no session. */
    const fetchFeed = (url: string) => fetch(url, { redirect: "manual" })

    check("shows the tenant's feed URL, which serves its calendar, and copies it", async () => {
      const admin = adminApi(session.token)
      const { sales_channels } = await admin.get("/admin/sales-channels?q=Default%20Sales%20Channel&limit=50")
      const channel = sales_channels.find((c: { name: string }) => c.name === "Default Sales Channel")
      await admin.post(`/admin/availability/${channel.id}`, { add_blackouts: [{ start_date: FEED_BLACKOUT, reason: `Feed check ${RUN}` }] })
      const section = page.getByTestId("calendar-feed")
      await visible(section.getByRole("heading", { name: "Calendar feed" }), "the Calendar feed section")
      await section.scrollIntoViewIfNeeded()
      const input = page.getByTestId("calendar-feed-url")
      await visible(input, "the feed URL")
      feedUrl = await input.inputValue()
      assert(FEED_PATH.test(new URL(feedUrl).pathname), `the feed URL: ${feedUrl}`)
      assert((await input.getAttribute("readonly")) !== null, "the URL is read-only")
      assert((await admin.get(`/admin/availability/${channel.id}/feed`)).feed.url === feedUrl, "the URL the admin API answers")

      const response = await fetchFeed(feedUrl)
      assert(response.status === 200, `the feed answers ${response.status}`)
      assert(response.headers.get("content-type") === "text/calendar; charset=utf-8", `content type ${response.headers.get("content-type")}`)
      const calendar = parseCalendar(await response.text())
      assert(calendar.name === "Default Sales Channel bookings", `the calendar's name: ${calendar.name}`)
      const blackout = calendar.events.find((e) => e.summary === `Blackout: Feed check ${RUN}`)
      assert(blackout && blackout.start === FEED_BLACKOUT && blackout.all_day, `the blackout in the feed: ${JSON.stringify(calendar.events)}`)

      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: base })
      await page.getByTestId("copy-feed-url").click()
      await visible(page.getByRole("tooltip").getByText("Copied"), "the Copied tooltip")
      const copied = await page.evaluate(() => navigator.clipboard.readText())
      assert(copied === feedUrl, `the clipboard holds ${copied}`)
      await page.screenshot({ path: shot("calendar-feed") })
    })

    check("rotates the link after the confirmation prompt: a new URL, and the old one answers 404", async () => {
      const input = page.getByTestId("calendar-feed-url")
      await page.getByTestId("rotate-feed").click()
      const dialog = page.getByRole("alertdialog")
      await visible(dialog.getByText("Rotate the calendar feed link?"), "the confirmation prompt")
      await dialog.getByRole("button", { name: "Cancel" }).click()
      await gone(dialog, "the prompt")
      assert((await input.inputValue()) === feedUrl, "Cancel keeps the link")
      assert((await fetchFeed(feedUrl)).status === 200, "the kept link still answers")

      await page.getByTestId("rotate-feed").click()
      await dialog.getByRole("button", { name: "Rotate" }).click()
      await visible(page.getByText("Calendar feed link rotated"), "the rotated toast")
      await page.waitForFunction(
        ([id, old]) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | null)?.value !== old,
        ["calendar-feed-url", feedUrl]
      )
      const fresh = await input.inputValue()
      assert(FEED_PATH.test(new URL(fresh).pathname) && fresh !== feedUrl, `the new URL: ${fresh}`)
      assert((await fetchFeed(feedUrl)).status === 404, "the old link answers 404")
      const response = await fetchFeed(fresh)
      assert(response.status === 200, `the new link answers ${response.status}`)
      assert(parseCalendar(await response.text()).name === "Default Sales Channel bookings", "the new link serves the calendar")
    })
  })

  describe("repairs", () => {
    let admin: AdminApi
    let section: Locator
    let openList: Locator
    let recentList: Locator
    let widget: Locator
    let fixtures: Awaited<ReturnType<typeof repairFixtures>>
    let flag: any
    const rowOf = (list: Locator, kind: string, orderId: string) =>
      list.locator(`[data-testid="tier-repair"][data-kind="${kind}"]`).filter({ has: page.locator(`a[href$="/orders/${orderId}"]`) })
    const text = async (locator: Locator) => (await locator.innerText()).trim()
    const repairsOf = async (orderId: string): Promise<any[]> => (await admin.get(`/admin/tier-repairs?order_id=${orderId}`)).repairs

    beforeAll(() => {
      admin = adminApi(session.token)
      section = page.getByTestId("tier-repairs-section")
      openList = page.getByTestId("tier-repairs-open")
      recentList = page.getByTestId("tier-repairs-recent")
      widget = page.getByTestId("order-tier-widget")
    })

    check("Check now on the Availability page runs the reconciler: the flagged order with its reason, date and link, and the repaired one", async () => {
      fixtures = await repairFixtures(session.token)
      const before = (await admin.get(`/admin/tier-repairs?sales_channel_id=${fixtures.channel.id}`)).last_run
      await page.goto(`${base}/app`)
      await fromSidebar(page, "Availability")
      await visible(page.getByRole("heading", { name: "Availability", level: 1 }), "the Availability heading")
      await choose(page, "availability-channel", REPAIRS.tenant)
      await visible(section, "the repairs section")
      await section.scrollIntoViewIfNeeded()
      await page.getByTestId("check-now").click()
      await visible(page.getByText(/^Checked [\d,]+ orders?: /), "the run's result in a toast", 60_000)

      const { last_run } = await admin.get(`/admin/tier-repairs?sales_channel_id=${fixtures.channel.id}`)
      assert(last_run && last_run.id !== before?.id && last_run.trigger === "admin" && !last_run.error, `the last run: ${JSON.stringify({ before, last_run })}`)
      ;[flag] = (await repairsOf(fixtures.second.id)).filter((r) => r.kind === "order_flagged")
      assert(flag && flag.needs_attention && !flag.resolved_at && flag.reason.includes(TAKEN), `the second order's flag: ${JSON.stringify(flag)}`)
      const repaired = (await repairsOf(fixtures.first.id)).map((r) => r.kind)
      assert(repaired.includes("booking_created"), `the first order's repairs: ${repaired}`)
      const booked = await dbQuery("SELECT event_date FROM booking WHERE order_id = $1 AND status = 'confirmed' AND deleted_at IS NULL", [fixtures.first.id])
      assert(booked.length === 1 && booked[0].event_date === REPAIRS.dates[0], `the first order's booking: ${JSON.stringify(booked)}`)

      const open = rowOf(openList, "order_flagged", fixtures.second.id)
      await visible(open, "the open flag in the Needs attention list")
      assert((await openList.locator('[data-testid="tier-repair"]').count()) === 1, "one open flag for the tenant")
      assert((await text(open.getByTestId("tier-repair-state"))) === "Needs attention", "the flag's state")
      assert((await text(open.getByTestId("tier-repair-kind"))) === "Order flagged", "the flag's kind")
      assert((await text(open.getByTestId("tier-repair-reason"))).includes(TAKEN), "the flag's reason")
      assert((await text(open.getByTestId("tier-repair-date"))).includes(`Oct 13, ${NEXT_YEAR}`), "the flag's event date")
      assert((await open.getByTestId("tier-repair-order").getAttribute("href")) === `/app/orders/${fixtures.second.id}`, "the link to the order")
      await visible(open.getByRole("button", { name: "Mark resolved" }), "the Mark resolved button")
      assert((await text(openList)).includes("Needs attention (1)"), "the open flags counted in the title")

      const fixed = rowOf(recentList, "booking_created", fixtures.first.id)
      await visible(fixed, "the repair in the Recent repairs list")
      assert((await text(fixed.getByTestId("tier-repair-state"))) === "Repaired", "the repair's state")
      assert((await text(fixed.getByTestId("tier-repair-kind"))) === "Missing booking created", "the repair's kind")
      assert((await fixed.getByRole("button", { name: "Mark resolved" }).count()) === 0, "a repair has nothing to resolve")
      assert((await rowOf(recentList, "order_flagged", fixtures.second.id).count()) === 0, "the open flag is not repeated below")
      const lastRun = await text(page.getByTestId("tier-repairs-last-run"))
      assert(/^Last checked (just now|1 minute ago): [\d,]+ orders?, [\d,]+ repairs?$/.test(lastRun), `the last run: ${lastRun}`)
      await openList.scrollIntoViewIfNeeded()
    })

    check("the order page's widget shows the flag with its reason and Mark resolved, and the other order's repair beside its booking", async () => {
      await page.goto(`${base}/app/orders/${fixtures.second.id}`)
      await visible(widget.getByTestId("order-tier-repairs"), "the repairs in the order widget", 60_000)
      await widget.scrollIntoViewIfNeeded()
      const row = widget.locator(`[data-testid="tier-repair"][data-repair-id="${flag.id}"]`)
      await visible(row, "the flag in the widget")
      assert((await text(row.getByTestId("tier-repair-state"))) === "Needs attention", "the flag's state in the widget")
      assert((await text(row.getByTestId("tier-repair-reason"))).includes(TAKEN), "the flag's reason in the widget")
      await visible(row.getByRole("button", { name: "Mark resolved" }), "Mark resolved in the widget")
      assert((await text(widget.getByTestId("order-tier-line-booking"))) === "Not booked", "the flagged line has no booking")
      await page.screenshot({ path: shot("order-flagged") })

      await page.goto(`${base}/app/orders/${fixtures.first.id}`)
      await visible(widget.getByTestId("order-tier-repairs"), "the repairs in the other order's widget", 60_000)
      await widget.scrollIntoViewIfNeeded()
      const fixed = widget.locator('[data-testid="tier-repair"][data-kind="booking_created"]')
      await visible(fixed, "the repair in the widget")
      assert((await text(fixed.getByTestId("tier-repair-kind"))) === "Missing booking created", "the repair's kind in the widget")
      assert((await text(fixed.getByTestId("tier-repair-state"))) === "Repaired", "the repair's state in the widget")
      assert((await text(widget.getByTestId("order-tier-line-booking"))) === "Confirmed", "the repaired line is booked")

      // An order the reconciler never touched shows no repairs section.
      await page.goto(`${base}/app/orders/${fixtures.taker.id}`)
      await visible(widget.getByTestId("order-tier-line-booking").getByText("Confirmed"), "the untouched order's booking", 60_000)
      assert((await widget.getByTestId("order-tier-repairs").count()) === 0, "no repairs section without repairs")
    })

    check("Mark resolved moves the flag out of the open list into the history, and the API keeps it resolved", async () => {
      await page.goto(`${base}/app`)
      await fromSidebar(page, "Availability")
      await choose(page, "availability-channel", REPAIRS.tenant)
      const open = rowOf(openList, "order_flagged", fixtures.second.id)
      await visible(open, "the open flag")
      await open.scrollIntoViewIfNeeded()
      await open.getByRole("button", { name: "Mark resolved" }).click()
      await visible(page.getByText("Flag marked resolved"), "the resolved toast")
      await visible(openList.getByText("Nothing needs your attention."), "an empty open list")
      const done = rowOf(recentList, "order_flagged", fixtures.second.id)
      await visible(done, "the resolved flag in the history")
      assert((await text(done.getByTestId("tier-repair-state"))) === "Resolved", "the resolved state")
      assert((await done.getByRole("button", { name: "Mark resolved" }).count()) === 0, "nothing left to resolve")
      const [stored] = (await repairsOf(fixtures.second.id)).filter((r) => r.id === flag.id)
      assert(stored && typeof stored.resolved_at === "string" && stored.resolved_by, `the stored flag: ${JSON.stringify(stored)}`)
      const stillOpen = await admin.get(`/admin/tier-repairs?sales_channel_id=${fixtures.channel.id}&needs_attention=true&resolved=false`)
      assert(stillOpen.count === 0, `open flags left: ${JSON.stringify(stillOpen.repairs)}`)
      await section.scrollIntoViewIfNeeded()
    })
  })
})
