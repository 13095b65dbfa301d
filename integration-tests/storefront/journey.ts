// What the storefront journey files share: the app global-setup.mjs started (STOREFRONT_APP), the
// demo's numbers from which every expected price is worked out by hand, the store and the admin API
// and the database to read the outcomes back, and a Chromium page per file on a given viewport.
import assert from "node:assert/strict"
import type { Browser, BrowserContextOptions, Locator, Page } from "playwright-core"
import { launchChromium } from "../chromium"
import { WAIT, checksInOrder, loadedWidth, queryRows, visible } from "../checks"
import { buildRows, featureGains, groupRows, isYesNoRow } from "../../src/lib/comparison"
import { DEMO_DEPOSITS, DEMO_TIERS } from "../../src/scripts/demo-data"

type StorefrontApp = { base: string; url: string; key: string; regionId: string; storefront: string; screenshots: string }

function storefrontApp(): StorefrontApp {
  if (!process.env.STOREFRONT_APP) {
    throw new Error("STOREFRONT_APP is not set: run the storefront journey through jest's storefront project (npm test -- storefront)")
  }
  return JSON.parse(process.env.STOREFRONT_APP)
}

export const app = storefrontApp()
export const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`

// The demo's numbers (src/scripts/demo-data.ts).
export const DEMO = {
  admin: { email: "admin@tiered.test", password: "supersecret" },
  peakMonths: [6, 7, 8, 9],
  peakPercent: 20,
  lastMinuteDays: 30,
  lastMinutePercent: -15,
  bundlePercent: -10,
  upgradeIncentive: -5,
  leadDays: 14,
}

// ---- dates and money, as the customer reads them ----

export const today = () => new Date().toISOString().slice(0, 10)
export function addDays(date: string, days: number) {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
const daysFromToday = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000)
export const longDate = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" })
const monthTitle = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" })
export const usd = (amount: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(amount)
export const cents = (amount: number) => Math.round(amount * 100) / 100

/** A package's price for a date under the demo's rules: peak season, then last minute. */
export function datePrice(base: number, date: string) {
  let price = base
  if (DEMO.peakMonths.includes(Number(date.slice(5, 7)))) price *= 1 + DEMO.peakPercent / 100
  const ahead = daysFromToday(date)
  if (ahead >= 0 && ahead < DEMO.lastMinuteDays) price *= 1 + DEMO.lastMinutePercent / 100
  return price
}

// ---- the store, as the test reads it ----

export type Store = (route: string, options?: { method?: string; body?: unknown }) => Promise<any>

export const store: Store = async (route, { method = "GET", body } = {}) => {
  const response = await fetch(`${app.base}${route}`, {
    method,
    headers: { "content-type": "application/json", "x-publishable-api-key": app.key },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json: any = await response.json().catch(() => ({}))
  if (response.status >= 400) throw new Error(`${method} ${route}: ${response.status} ${json.message ?? ""}`)
  return json
}

async function adminCall(route: string, body?: unknown) {
  const login = await fetch(`${app.base}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(DEMO.admin) })
  const { token } = (await login.json()) as any
  const response = await fetch(`${app.base}${route}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${body === undefined ? "GET" : "POST"} ${route}: ${response.status}`)
  return (await response.json()) as any
}
const adminGet = (route: string) => adminCall(route)

export const dbRows = (sql: string, params: unknown[]) => queryRows(app.url, sql, params)

/**
 * Lets the carts' holds on `date` lapse, as if their time ran out, and answers how many. A hold
 * lapses by the clock, which cached store reads follow; an edit in the database does not reach
 * them, so a write to the tenant's availability (a blackout added and removed) drops them.
 */
export async function lapseHolds(date: string): Promise<number> {
  const rows = await dbRows(
    "UPDATE booking SET expires_at = now() - interval '1 minute' WHERE status = 'held' AND event_date = $1 AND deleted_at IS NULL RETURNING sales_channel_id",
    [date]
  )
  for (const channel of new Set(rows.map((r: any) => r.sales_channel_id as string))) {
    const { availability } = await adminCall(`/admin/availability/${channel}`, { add_blackouts: [{ start_date: "2199-12-31", reason: "cache drop" }] })
    const added = availability.blackouts.find((b: any) => b.start_date === "2199-12-31")
    await adminCall(`/admin/availability/${channel}`, { remove_blackout_ids: [added.id] })
  }
  return rows.length
}

/** The demo's Essential and Signature tiers by name, as the store lists them. */
export async function demoTiers() {
  const tiers: Record<string, Record<string, any>> = {}
  for (const handle of ["essential", "signature"]) {
    const { tiers: list } = await store(`/store/segments/${handle}?region_id=${app.regionId}`)
    tiers[handle] = Object.fromEntries(list.map((t: any) => [t.name, t]))
  }
  return tiers
}

/** The order (through the admin API) and its tier line. */
export async function bookedOrder(displayId: number) {
  const { orders } = await adminGet("/admin/orders?fields=id,display_id,email,total,*items&order=-created_at&limit=20")
  const order = orders.find((o: any) => o.display_id === displayId)
  assert(order, `order #${displayId} should exist`)
  return { order, tierLine: order.items.find((i: any) => i.metadata?.tiered_kind === "tier") }
}

export async function expectFunnel(visitor: string, names: string[]) {
  const rows = await dbRows("SELECT DISTINCT name FROM tier_event WHERE visitor_id = $1", [visitor])
  const stored = rows.map((r) => r.name)
  const missing = names.filter((n) => !stored.includes(n))
  assert(missing.length === 0, `funnel events missing for the visitor: ${missing.join(", ")} (stored: ${stored.join(", ")})`)
}

/** The storefront keeps the id the store signed: the store confirms it as a returning visitor's. */
export async function expectSignedVisitor(visitor: string) {
  const answer = await store("/store/tiered/visitor", { method: "POST", body: { visitor_id: visitor } })
  assert(answer.returning === true && answer.visitor_id === visitor, `the kept visitor id is the store's: ${visitor}`)
}

export async function expectCartVisitor(email: string, visitor: string) {
  const carts = await dbRows("SELECT metadata->>'visitor_id' AS visitor FROM cart WHERE email = $1 AND completed_at IS NOT NULL", [email])
  assert(carts.length === 1 && carts[0].visitor === visitor, `the completed cart carries the visitor id: ${JSON.stringify(carts)}`)
}

/** The first date at least `minDays` ahead whose status for the tier is `status`, skipping `exclude`. */
export async function findDate(tierId: string, status: string, { minDays = DEMO.leadDays, exclude = [] as string[] } = {}) {
  const from = addDays(today(), minDays)
  const { dates } = await store(`/store/tiers/${tierId}/availability?from=${from}&to=${addDays(from, 365)}`)
  const found = dates.find((d: any) => d.status === status && !exclude.includes(d.date))
  if (!found) throw new Error(`no ${status} date in the year from ${from}`)
  return found
}

/** Books a date as another couple would, through the store API: the storefront's customer loses it. */
export async function takeDate(tierId: string, date: string) {
  const { cart } = await store("/store/carts", { method: "POST", body: { region_id: app.regionId, email: `rival-${RUN}@example.com` } })
  await store(`/store/carts/${cart.id}/tier-items`, { method: "POST", body: { tier_id: tierId, event_date: date } })
  const { payment_collection } = await store("/store/payment-collections", { method: "POST", body: { cart_id: cart.id } })
  await store(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { method: "POST", body: { provider_id: "pp_system_default" } })
  const done = await store(`/store/carts/${cart.id}/complete`, { method: "POST" })
  if (done.type !== "order") throw new Error(`the rival booking failed: ${JSON.stringify(done.error)}`)
}

// ---- the page, as the customer sees it ----

export async function textOf(locator: Locator) {
  return (await locator.textContent())?.replace(/\s+/g, " ").trim() ?? ""
}

/** WCAG contrast ratio of an element's text against the first opaque background behind it. */
export async function contrast(locator: Locator) {
  return locator.evaluate((el) => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number)
    const luminance = ([r, g, b]: number[]) => {
      const c = [r, g, b].map((v) => {
        v /= 255
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    }
    let node: Element | null = el
    let background: number[] | null = null
    while (node && !background) {
      const value = getComputedStyle(node).backgroundColor
      const parts = rgb(value)
      if (parts.length === 3 || parts[3] === 1) background = parts
      node = node.parentElement
    }
    const fg = luminance(rgb(getComputedStyle(el).color))
    const bg = luminance(background ?? [255, 255, 255])
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)
  })
}

/** Shows the calendar month of `date` with the month buttons. */
export async function openMonth(page: Page, date: string) {
  const heading = page.locator("#calendar-month")
  for (let i = 0; i < 30 && (await textOf(heading)) !== monthTitle(date); i++) {
    // "December 2026" -> "December 1, 2026", which Date.parse reads.
    const shown = Date.parse((await textOf(heading)).replace(" ", " 1, "))
    const forward = shown < Date.parse(`${date.slice(0, 7)}-01T12:00:00`)
    await page.getByRole("button", { name: forward ? "Next month" : "Previous month" }).click()
  }
  assert((await textOf(heading)) === monthTitle(date), `the calendar should show ${monthTitle(date)}`)
  await page.locator(`button[data-date="${date}"][aria-label$="loading"]`).waitFor({ state: "detached" })
}

/** A picture served by the store server (no outside host), loaded, with alt text. */
export async function pictureLoaded(img: Locator, what: string) {
  await img.scrollIntoViewIfNeeded()
  const src = await img.getAttribute("src")
  assert(src?.startsWith(`${app.base}/static/`), `${what}: picture from the store server, not ${src}`)
  const width = await loadedWidth(img)
  assert(width > 0, `${what}: picture loaded (naturalWidth ${width})`)
  assert(((await img.getAttribute("alt")) ?? "").length > 0, `${what}: picture has alt text`)
}

/** Each collection card shows its picture. */
export async function segmentPicturesLoaded(page: Page) {
  for (const handle of ["essential", "signature", "luxury"]) {
    await pictureLoaded(page.getByTestId(`segment-${handle}`).locator(".segment-image img"), handle)
  }
}

export const day = (page: Page, date: string) => page.locator(`button[data-date="${date}"]`)

// ---- the comparison ----

type ComparisonCell = { tier: number; shows: string; more: boolean }
export type ReadComparison = { columns: string[]; groups: string[]; rows: { key: string; label: string; cells: ComparisonCell[] }[] }

/** The comparison table as the couple sees it: the package columns on screen, the group headings, and each row's cells on screen ("8 h", "✓", "—", and whether "+" marks it). */
export async function readComparison(page: Page): Promise<ReadComparison> {
  return page.getByTestId("comparison").locator("table").evaluate((table) => {
    const onScreen = (el: Element) => getComputedStyle(el).display !== "none"
    const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, " ").trim() ?? ""
    return {
      columns: [...table.querySelectorAll("thead th")].filter(onScreen).map(text),
      groups: [...table.querySelectorAll('th[scope="rowgroup"]')].map(text),
      rows: [...table.querySelectorAll("tbody tr[data-row]")].map((tr) => ({
        key: tr.getAttribute("data-row") ?? "",
        label: text(tr.querySelector("th")),
        cells: [...tr.querySelectorAll("td")].filter(onScreen).map((td) => ({
          tier: Number(td.getAttribute("data-tier")),
          shows: text(td.querySelector(".value") ?? td.querySelector(".mark")),
          more: td.classList.contains("is-better") && td.querySelector(".more") !== null,
        })),
      })),
    }
  })
}

const demoSegmentTiers = (segment: string) => DEMO_TIERS.filter((t) => t.segment === segment).sort((a, b) => a.level - b.level)

/** What the comparison of a demo segment shows, worked out from the demo's features with the comparison rules. */
export function demoComparison(segment: string): ReadComparison {
  const tiers = demoSegmentTiers(segment)
  const rows = buildRows(tiers.map((t) => ({ features: t.features, level: t.level })))
  const groups = groupRows(rows)
  return {
    columns: tiers.map((t) => t.name),
    groups: groups.some((g) => g.group !== null) ? groups.map((g) => g.group ?? "Also included") : [],
    rows: groups.flatMap((g) => g.rows).map((row) => ({
      key: row.key,
      label: row.label,
      cells: tiers.map((t, i) => {
        const value = row.values[i]
        const absent = value === null || value === false
        return { tier: t.level, shows: absent ? "—" : isYesNoRow(row) ? "✓" : row.display[i], more: row.better[i] }
      }),
    })),
  }
}

/** The rows where a package shows "—" although a package below it offers the row (there should be none). */
export function crossesAbove(read: ReadComparison) {
  return read.rows.filter((row) => row.cells.some((cell, i) => cell.shows === "—" && row.cells.slice(0, i).some((lower) => lower.shows !== "—"))).map((row) => row.key)
}

/** How an upgrade between two demo packages words its gains ("Coverage: 8 h → 10 h"). */
export function demoGains(segment: string, from: string, to: string) {
  const tiers = demoSegmentTiers(segment)
  const features = (name: string) => tiers.find((t) => t.name === name)!.features
  return featureGains(features(from), features(to)).map((gain) => gain.text)
}

/** The demo storefront's deposit of a total (Everafter Photography takes a percent at checkout). */
export const demoDeposit = (total: number) => cents((total * DEMO_DEPOSITS.photography!.value) / 100)

/**
 * The review says what is due today and what by when (the balance's days before the event), and
 * the pay button charges the deposit; answers that button.
 */
export async function expectDepositAtCheckout(page: Page, { date, total }: { date: string; total: number }) {
  const due = longDate(addDays(date, -DEMO_DEPOSITS.photography!.balance_due_days))
  const expected = `${usd(demoDeposit(total))} today, ${usd(cents(total - demoDeposit(total)))} due by ${due}`
  await visible(page.getByTestId("payment-plan").getByText(expected), `the payment plan "${expected}"`)
  return page.getByRole("button", { name: `Pay and book · ${usd(demoDeposit(total))}` })
}

/** The confirmation says what was paid and what is owed by when. */
export async function expectDepositConfirmed(page: Page, { date, total }: { date: string; total: number }) {
  const due = longDate(addDays(date, -DEMO_DEPOSITS.photography!.balance_due_days))
  const expected = `Paid today ${usd(demoDeposit(total))}; ${usd(cents(total - demoDeposit(total)))} due by ${due}`
  await visible(page.getByTestId("order-payment-plan").getByText(expected), `the order's plan "${expected}"`)
}

/** The confirmation shows the booked date, package and total; answers the order number and the visitor. */
export async function confirmation(page: Page, { date, tier, total }: { date: string; tier: string; total: number }) {
  await visible(page.getByRole("heading", { name: "Your date is booked" }), "the confirmation", 60_000)
  assert((await textOf(page.getByTestId("booking-date"))) === longDate(date), `the booked date should be ${longDate(date)}`)
  assert((await textOf(page.getByTestId("booking-tier"))) === tier, `the booked package should be ${tier}`)
  assert((await textOf(page.getByTestId("order-total"))) === usd(total), `the order total should be ${usd(total)}`)
  const visitor = await page.evaluate(() => localStorage.getItem("tiered_visitor_id"))
  return { displayId: Number((await textOf(page.getByTestId("order-number"))).replace("#", "")), visitor: visitor ?? "" }
}

export type Customer = { email: string; first_name: string; last_name: string }

/** Fills the details form and submits it. */
export async function fillDetails(page: Page, who: Customer) {
  await page.getByLabel("Email").fill(who.email)
  await page.getByLabel("First name").fill(who.first_name)
  await page.getByLabel("Last name").fill(who.last_name)
  await page.getByRole("button", { name: "Continue to checkout" }).click()
}

/**
 * One journey's Chromium page on a viewport, from beforeAll to afterAll (only the storefront and
 * the store are reached: nothing is fetched from outside), and the demo's tiers;
 * `check` registers the journey's checks in order, with a full-page screenshot after each.
 */
export function journeySession(file: string, options: BrowserContextOptions) {
  let browser: Browser | undefined
  let page: Page
  let tiers: Awaited<ReturnType<typeof demoTiers>>
  beforeAll(async () => {
    tiers = await demoTiers()
    browser = await launchChromium()
    const context = await browser.newContext(options)
    await context.route(/^https?:\/\/(?!localhost[:/])/, (route) => route.abort())
    page = await context.newPage()
    page.setDefaultTimeout(WAIT)
  })
  afterAll(async () => {
    await browser?.close()
  })
  const { check, shot } = checksInOrder(file, { dir: app.screenshots, page: () => page, fullPage: true })
  return {
    check,
    shot,
    get page() {
      return page
    },
    get tiers() {
      return tiers
    },
  }
}
