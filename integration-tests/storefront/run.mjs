// Browser test of the reference storefront: the whole journey (collection, comparison, add-ons,
// date, details, upsell, checkout) in Chromium on a desktop and a phone viewport, against the
// demo store on a real server, with the outcomes read back through the admin API and the database.
// The app runs with `medusa start` from a scratch copy under .cache/storefront-app; the storefront
// is built with `vite build` for that server and served from a port the server's STORE_CORS allows.
// Database: a fresh `tiered_storefront` on DATABASE_URL's server, or an embedded PostgreSQL for
// this run only. Prints `N passed, N failed` last; screenshots go to .cache/storefront-app/screenshots.
// Usage: node integration-tests/storefront/run.mjs   (exit code 0 when every check passed)
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import chokidar from "chokidar"
import pg from "pg"
import { devices } from "playwright-core"
import { connectionEnv, freshDatabase, startDatabase } from "../../scripts/embedded-db.mjs"
import { CHROMIUM, hasChromium, launchChromium } from "../chromium.mjs"
import { freePort, medusaCli, root, run, running, spawnGroup, stopGroup, takeOverSignals, waitForHttp } from "../../scripts/processes.mjs"
import { scratchApp, migrateArgs, tail } from "../../scripts/scratch-app.mjs"

const app = scratchApp(path.join(root, ".cache", "storefront-app"))
const DIST = path.join(app.dir, "dist")
const SCREENSHOTS = path.join(app.dir, "screenshots")
const DATABASE = "tiered_storefront"
const RUN = Date.now().toString(36)

// The demo's numbers (src/scripts/demo-data.ts), from which every expected price is worked out by hand.
const DEMO = {
  admin: { email: "admin@tiered.test", password: "supersecret" },
  peakMonths: [6, 7, 8, 9],
  peakPercent: 20,
  lastMinuteDays: 30,
  lastMinutePercent: -15,
  bundlePercent: -10,
  upgradeIncentive: -5,
  leadDays: 14,
}

const startedAt = Date.now()
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`
const log = (message) => console.log(`[storefront] ${message}`)
const tally = { passed: 0, failed: 0 }
let db = null
let server = null
let staticServer = null
let browser = null
let exiting = false

async function finish() {
  if (exiting) return
  exiting = true
  await browser?.close().catch(() => {})
  staticServer?.close()
  await Promise.all([...running, server].filter(Boolean).map((child) => stopGroup(child)))
  await db?.stop()
  log(`total ${seconds(startedAt)}`)
  console.log(`${tally.passed} passed, ${tally.failed} failed`)
  process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1)
}

// ---- dates and money, as the customer reads them ----

const today = () => new Date().toISOString().slice(0, 10)
function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
const daysFromToday = (date) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000)
const longDate = (date) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" })
const monthTitle = (date) => new Date(`${date}T00:00:00Z`).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" })
const usd = (amount) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(amount)
const cents = (amount) => Math.round(amount * 100) / 100

/** A package's price for a date under the demo's rules: peak season, then last minute. */
function datePrice(base, date) {
  let price = base
  if (DEMO.peakMonths.includes(Number(date.slice(5, 7)))) price *= 1 + DEMO.peakPercent / 100
  const ahead = daysFromToday(date)
  if (ahead >= 0 && ahead < DEMO.lastMinuteDays) price *= 1 + DEMO.lastMinutePercent / 100
  return price
}

// ---- the app: database, demo data, server, storefront build and its static server ----

async function startApp(storefrontPort) {
  let t = Date.now()
  db = await startDatabase({ name: "pg-storefront", persistent: false })
  takeOverSignals(["SIGINT", "SIGTERM", "SIGHUP"], (signal) => {
    log(`${signal}: stopping`)
    tally.failed++
    finish()
  })
  const url = await freshDatabase(db.url, DATABASE)
  log(`database ready (${seconds(t)})`)
  // Known before the seed: the pictures it uploads get URLs on this server (MEDUSA_BACKEND_URL).
  const port = await freePort()
  const base = `http://localhost:${port}`
  const env = {
    ...process.env,
    ...connectionEnv(url),
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_DISABLE_ADMIN: "true",
    NODE_ENV: "test",
    STORE_CORS: `http://localhost:${storefrontPort}`,
    MEDUSA_BACKEND_URL: base,
  }
  app.copy()
  t = Date.now()
  await app.medusa(await migrateArgs(url), env)
  log(`database migrated (${seconds(t)})`)
  t = Date.now()
  const seeded = await app.medusa(["exec", "./src/scripts/seed-demo.ts"], env, "seed")
  const line = seeded.split("\n").find((l) => l.startsWith("TIERED_DEMO "))
  if (!line) throw new Error("the demo seed printed no TIERED_DEMO line")
  const demo = JSON.parse(line.slice("TIERED_DEMO ".length))
  log(`demo seeded (${seconds(t)})`)

  t = Date.now()
  const serverLog = app.logTo("server")
  server = spawnGroup(process.execPath, [medusaCli, "start", "--port", String(port)], { cwd: app.dir, env, stdio: ["ignore", serverLog.fd, serverLog.fd] })
  fs.closeSync(serverLog.fd)
  const photography = demo.tenants[0]
  const [listening] = await Promise.all([
    waitForHttp(`${base}/health`, { child: server, timeoutMs: 180_000 }),
    buildStorefront({ backendUrl: base, publishableKey: photography.publishable_key, regionId: demo.region_id }),
  ])
  if (!listening) throw new Error(`the server did not answer /health; its log ends with:\n${tail(serverLog.file)}`)
  log(`server on ${base} and storefront built (${seconds(t)})`)
  staticServer = await serveStatic(DIST, storefrontPort)
  return { base, url, key: photography.publishable_key, regionId: demo.region_id, storefront: `http://localhost:${storefrontPort}` }
}

async function buildStorefront({ backendUrl, publishableKey, regionId }) {
  const { file, fd } = app.logTo("vite-build")
  try {
    const vite = path.join(root, "node_modules", "vite", "bin", "vite.js")
    const result = await run(process.execPath, [vite, "build", "storefront", "--outDir", DIST, "--emptyOutDir"], {
      cwd: root,
      env: { ...process.env, VITE_MEDUSA_BACKEND_URL: backendUrl, VITE_MEDUSA_PUBLISHABLE_KEY: publishableKey, VITE_MEDUSA_REGION_ID: regionId },
      stdio: ["ignore", fd, fd],
    })
    if (result.code !== 0) throw new Error(`vite build failed; its output ends with:\n${tail(file)}`)
  } finally {
    fs.closeSync(fd)
  }
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png" }

/** The built storefront over HTTP; any path that is not a file gets index.html (a single-page app). */
function serveStatic(dir, port) {
  const server = http.createServer((req, res) => {
    const wanted = path.normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "")
    let file = path.join(dir, wanted)
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dir, "index.html")
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" })
    fs.createReadStream(file).pipe(res)
  })
  return new Promise((resolve) => server.listen(port, () => resolve(server)))
}

// ---- the store, as the test reads it ----

function storeApi(base, key) {
  return async (route, { method = "GET", body } = {}) => {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": key },
      body: body ? JSON.stringify(body) : undefined,
    })
    const json = await response.json().catch(() => ({}))
    if (response.status >= 400) throw new Error(`${method} ${route}: ${response.status} ${json.message ?? ""}`)
    return json
  }
}

async function adminApi(base) {
  const login = await fetch(`${base}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(DEMO.admin) })
  const { token } = await login.json()
  return async (route) => {
    const response = await fetch(`${base}${route}`, { headers: { authorization: `Bearer ${token}` } })
    if (!response.ok) throw new Error(`GET ${route}: ${response.status}`)
    return response.json()
  }
}

async function dbRows(url, sql, params) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

/** The first date at least `minDays` ahead whose status for the tier is `status`, skipping `exclude`. */
async function findDate(store, tierId, status, { minDays = DEMO.leadDays, exclude = [] } = {}) {
  const from = addDays(today(), minDays)
  const { dates } = await store(`/store/tiers/${tierId}/availability?from=${from}&to=${addDays(from, 365)}`)
  const found = dates.find((d) => d.status === status && !exclude.includes(d.date))
  if (!found) throw new Error(`no ${status} date in the year from ${from}`)
  return found
}

/** Books a date as another couple would, through the store API: the storefront's customer loses it. */
async function takeDate(store, regionId, tierId, date) {
  const { cart } = await store("/store/carts", { method: "POST", body: { region_id: regionId, email: `rival-${RUN}@example.com` } })
  await store(`/store/carts/${cart.id}/tier-items`, { method: "POST", body: { tier_id: tierId, event_date: date } })
  const { payment_collection } = await store("/store/payment-collections", { method: "POST", body: { cart_id: cart.id } })
  await store(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { method: "POST", body: { provider_id: "pp_system_default" } })
  const done = await store(`/store/carts/${cart.id}/complete`, { method: "POST" })
  if (done.type !== "order") throw new Error(`the rival booking failed: ${JSON.stringify(done.error)}`)
}

// ---- checks ----

function expect(condition, message) {
  if (!condition) throw new Error(message)
}

async function visible(locator, what, timeout = 15_000) {
  await locator.first().waitFor({ state: "visible", timeout }).catch(() => {
    throw new Error(`expected to see ${what}`)
  })
}

/** Each collection card shows its picture, served by the store server (no outside host), loaded. */
async function segmentPicturesLoaded(page, base) {
  for (const handle of ["essential", "signature", "luxury"]) {
    const img = page.getByTestId(`segment-${handle}`).locator(".segment-image img")
    await img.scrollIntoViewIfNeeded()
    const src = await img.getAttribute("src")
    expect(src?.startsWith(`${base}/static/`), `${handle}: picture from the store server, not ${src}`)
    const width = await img.evaluate((el) =>
      el.complete ? el.naturalWidth : new Promise((resolve) => { el.onload = () => resolve(el.naturalWidth); el.onerror = () => resolve(0) })
    )
    expect(width > 0, `${handle}: picture loaded (naturalWidth ${width})`)
    expect(((await img.getAttribute("alt")) ?? "").length > 0, `${handle}: picture has alt text`)
  }
}

async function textOf(locator) {
  return (await locator.textContent())?.replace(/\s+/g, " ").trim() ?? ""
}

/** WCAG contrast ratio of an element's text against the first opaque background behind it. */
async function contrast(locator) {
  return locator.evaluate((el) => {
    const rgb = (value) => value.match(/[\d.]+/g).map(Number)
    const luminance = ([r, g, b]) => {
      const c = [r, g, b].map((v) => {
        v /= 255
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    }
    let node = el
    let background = null
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
async function openMonth(page, date) {
  const heading = page.locator("#calendar-month")
  for (let i = 0; i < 30 && (await textOf(heading)) !== monthTitle(date); i++) {
    // "December 2026" -> "December 1, 2026", which Date.parse reads.
    const shown = Date.parse((await textOf(heading)).replace(" ", " 1, "))
    const forward = shown < Date.parse(`${date.slice(0, 7)}-01T12:00:00`)
    await page.getByRole("button", { name: forward ? "Next month" : "Previous month" }).click()
  }
  expect((await textOf(heading)) === monthTitle(date), `the calendar should show ${monthTitle(date)}`)
  await page.locator(`button[data-date="${date}"][aria-label$="loading"]`).waitFor({ state: "detached" })
}

const day = (page, date) => page.locator(`button[data-date="${date}"]`)

async function visitorOf(page) {
  return page.evaluate(() => localStorage.getItem("tiered_visitor_id"))
}

/** The confirmation shows the booked date, package and total; answers the order number and the visitor. */
async function confirmation(page, { date, tier, total }) {
  await visible(page.getByRole("heading", { name: "Your date is booked" }), "the confirmation", 30_000)
  expect((await textOf(page.getByTestId("booking-date"))) === longDate(date), `the booked date should be ${longDate(date)}`)
  expect((await textOf(page.getByTestId("booking-tier"))) === tier, `the booked package should be ${tier}`)
  expect((await textOf(page.getByTestId("order-total"))) === usd(total), `the order total should be ${usd(total)}`)
  return { displayId: Number((await textOf(page.getByTestId("order-number"))).replace("#", "")), visitor: await visitorOf(page) }
}

/** Fills the details form and submits it. */
async function fillDetails(page, who) {
  await page.getByLabel("Email").fill(who.email)
  await page.getByLabel("First name").fill(who.first_name)
  await page.getByLabel("Last name").fill(who.last_name)
  await page.getByRole("button", { name: "Continue to checkout" }).click()
}

function desktopChecks(page, ctx) {
  const { store } = ctx
  const who = { email: `desktop-${RUN}@example.com`, first_name: "Ada", last_name: "Lovelace" }
  const state = {}
  const column = (level) => page.getByTestId(`tier-${level}`)
  return [
    [
      "shows the three collections with name, audience, price range and image",
      async () => {
        await page.goto(ctx.storefront, { waitUntil: "domcontentloaded" })
        await visible(page.getByRole("heading", { name: "Choose your collection" }), "the collections", 30_000)
        const expected = [
          ["essential", "Essential", "$2,000 – $5,000", "Cost-conscious couples planning an intimate day"],
          ["signature", "Signature", "$5,000 – $10,000", "Couples who want the full day covered without compromise"],
          ["luxury", "Luxury", "$10,000+", "Couples planning a large or destination celebration"],
        ]
        expect((await page.locator(".segment-card").count()) === 3, "three collection cards")
        for (const [handle, name, range, audience] of expected) {
          const card = page.getByTestId(`segment-${handle}`)
          expect((await textOf(card.getByRole("heading", { level: 3 }))) === name, `${handle}: name`)
          expect((await textOf(card.locator(".segment-range"))).endsWith(range), `${handle}: range ${await textOf(card.locator(".segment-range"))}`)
          expect((await textOf(card.locator(".segment-audience"))) === audience, `${handle}: audience`)
        }
        await segmentPicturesLoaded(page, ctx.base)
        for (const [what, locator] of [
          ["body text", page.locator(".segment-audience").first()],
          ["muted text", page.locator(".segment-card .muted").first()],
          ["primary buttons", page.getByRole("button", { name: "Compare Signature packages" })],
        ]) {
          const ratio = await contrast(locator)
          expect(ratio >= 4.5, `${what} contrast is ${ratio.toFixed(2)}:1, under 4.5:1`)
        }
      },
    ],
    [
      "compares the three Signature packages: included and missing features, the popular badge, base prices",
      async () => {
        await page.getByRole("button", { name: "Compare Signature packages" }).click()
        await visible(page.getByRole("heading", { name: "Compare Signature packages" }), "the comparison")
        expect(await page.evaluate(() => document.activeElement?.id === "step-tier"), "focus should move to the step's heading")
        const names = []
        for (const level of [1, 2, 3]) names.push(await textOf(column(level).getByRole("heading", { level: 3 })))
        expect(names.join() === "Essential,Select,Complete", `columns: ${names}`)
        expect((await page.locator(".tier-column .badge").count()) === 1 && (await column(2).locator(".badge").count()) === 1, "only Select carries the popular badge")
        const essential = await textOf(column(1).locator(".feature-list"))
        expect(essential.includes("Included: 8 hours coverage") && essential.includes("Not included: Second shooter"), `Essential's marks: ${essential}`)
        const prices = []
        for (const level of [1, 2, 3]) prices.push(await textOf(column(level).getByTestId("price-final")))
        expect(prices.join(" ") === "$5,000.00 $7,500.00 $10,000.00", `base prices: ${prices}`)
      },
    ],
    [
      "prices the packages for a date: the peak-season breakdown, and the price struck through under a last-minute discount",
      async () => {
        const peak = `${Number(today().slice(0, 4)) + 1}-07-17`
        await page.getByLabel("Your event date, for its price").fill(peak)
        await visible(column(2).getByText("for your date"), "prices for the date")
        await page.waitForFunction(() => document.querySelector('[data-testid="tier-2"] [data-testid="price-final"]')?.textContent === "$9,000.00")
        const breakdown = await textOf(column(2).locator(".breakdown"))
        expect(breakdown.includes("Base price $7,500.00") && breakdown.includes("Peak season (+20%) +$1,500.00"), `breakdown: ${breakdown}`)

        const soon = addDays(today(), 20)
        await page.getByLabel("Your event date, for its price").fill(soon)
        const final = usd(cents(datePrice(5000, soon)))
        await page.waitForFunction((want) => document.querySelector('[data-testid="tier-1"] [data-testid="price-final"]')?.textContent?.endsWith(want), final)
        const was = usd(cents(datePrice(5000, soon) / (1 + DEMO.lastMinutePercent / 100)))
        expect((await textOf(column(1).getByTestId("price-was"))) === `Was ${was}`, `struck-through price should be ${was}`)

        state.date = (await findDate(store, ctx.tiers.signature.Essential.id, "available", { minDays: 45 })).date
        await page.getByLabel("Your event date, for its price").fill(state.date)
        await page.waitForFunction((want) => document.querySelector('[data-testid="tier-1"] [data-testid="price-final"]')?.textContent?.endsWith(want), usd(cents(datePrice(5000, state.date))))
      },
    ],
    [
      "takes add-ons with quantities and shows the bundle incentive from three",
      async () => {
        await page.getByRole("button", { name: "Choose Essential" }).click()
        await visible(page.getByRole("heading", { name: "Add to Essential" }), "the add-ons")
        const notice = page.getByTestId("bundle-notice")
        expect((await textOf(notice)).includes("10% off each add-on when you choose 3 or more"), "the bundle's terms")
        await page.getByRole("button", { name: "One more Extra hour of coverage" }).click()
        await page.getByRole("button", { name: "One more Extra hour of coverage" }).click()
        expect((await page.getByLabel("Quantity of Extra hour of coverage").inputValue()) === "2", "two extra hours")
        await visible(notice.getByText("Add 1 more to save 10% on each add-on."), "one more to go")
        await page.getByRole("button", { name: "One more Second shooter" }).click()
        await visible(notice.getByText("Bundle applied: 10% off each of your add-ons."), "the bundle applied")
        expect((await page.getByRole("button", { name: "One more Photo booth" }).isEnabled()) && (await page.getByRole("button", { name: "One more Second shooter" }).isDisabled()), "Second shooter is one at most")
      },
    ],
    [
      "shows each date's status and refuses a blacked-out and a sold-out date; scarcity on a limited date; keyboard choice",
      async () => {
        await page.getByRole("button", { name: "Continue to your date" }).click()
        await visible(page.getByRole("heading", { name: "Choose your date" }), "the date picker")
        const tierId = ctx.tiers.signature.Essential.id
        for (const [status, label] of [
          ["blackout", "Blackout"],
          ["sold_out", "Sold out"],
        ]) {
          const found = await findDate(store, tierId, status)
          await openMonth(page, found.date)
          const aria = await day(page, found.date).getAttribute("aria-label")
          expect(aria.startsWith(`${longDate(found.date)}: ${label}`), `${found.date}: ${aria}`)
          // Marked aria-disabled, the date still takes a click or Enter, and says why it cannot be chosen.
          if (status === "blackout") await day(page, found.date).click({ force: true })
          else await day(page, found.date).press("Enter")
          await visible(page.locator(".refusal").getByText(`${longDate(found.date)} cannot be booked`), `the refusal of the ${status} date`)
          const chosen = await textOf(page.getByTestId("selected-date"))
          expect((await day(page, found.date).getAttribute("aria-pressed")) === "false" && !chosen.includes(longDate(found.date)), `a ${status} date cannot be chosen`)
        }
        const limited = await findDate(store, tierId, "limited")
        await openMonth(page, limited.date)
        expect((await textOf(day(page, limited.date))).includes(`${limited.remaining} left`), "limited dates say what is left")
        await day(page, limited.date).click()
        await visible(page.getByText(`High demand: only ${limited.remaining} booking`), "the scarcity message")

        // The journey's date, with the keyboard: arrows move between dates, Enter chooses.
        await openMonth(page, state.date)
        await day(page, state.date).focus()
        await page.keyboard.press("ArrowRight")
        await page.keyboard.press("ArrowLeft")
        expect(await page.evaluate((d) => document.activeElement?.getAttribute("data-date") === d, state.date), "arrows move the focus between dates")
        await page.keyboard.press("Enter")
        expect((await day(page, state.date).getAttribute("aria-pressed")) === "true", "Enter chooses the focused date")
        const chosen = await textOf(page.getByTestId("selected-date"))
        expect(chosen.includes(longDate(state.date)) && chosen.includes(usd(cents(datePrice(5000, state.date)))), `the chosen date and its price: ${chosen}`)
      },
    ],
    [
      "reserves the date, and the details form names what is missing",
      async () => {
        await page.getByRole("button", { name: "Continue to your details" }).click()
        await visible(page.getByRole("heading", { name: "Your details" }), "the details form")
        await page.getByRole("button", { name: "Continue to checkout" }).click()
        await visible(page.getByText("Enter an email address like name@example.com."), "the email error")
        expect((await page.getByLabel("Email").getAttribute("aria-invalid")) === "true", "the email field is marked invalid")
        expect(await page.evaluate(() => document.activeElement?.id === "contact-email"), "focus goes to the first field to fix")
        await fillDetails(page, who)
      },
    ],
    [
      "offers the upgrade in a modal dialog that keeps the focus; accepting it upgrades the package at the offer's price",
      async () => {
        const dialog = page.getByRole("dialog")
        await visible(dialog, "the upsell dialog")
        expect((await dialog.getAttribute("aria-modal")) === "true", "the dialog is modal")
        const inside = () => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))
        expect(await inside(), "focus starts in the dialog")
        for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
          await page.keyboard.press(key)
          expect(await inside(), `focus stays in the dialog after ${key}`)
        }
        const f = datePrice(1, state.date)
        const price = await textOf(dialog.getByTestId("upsell-price"))
        const was = `+${usd(cents(2500 * f))}`
        const now = `+${usd(cents(7500 * f * (1 + DEMO.upgradeIncentive / 100)) - cents(5000 * f))}`
        expect(price === `Was ${was} Now ${now} to your package`, `the offer's price: ${price}`)
        await page.screenshot({ path: shot("upsell-dialog") })
        await dialog.getByRole("button", { name: "Upgrade to Select" }).click()
        await visible(page.getByRole("heading", { name: "Review and book" }), "the checkout")
        await visible(page.getByText("Upgraded to Signature Select."), "the upgrade notice")
        const line = page.getByTestId("cart-tier-line")
        expect((await textOf(line.getByRole("heading"))) === "Signature Select", "the cart holds Select")
        state.tier = cents(7500 * f * (1 + DEMO.upgradeIncentive / 100))
        state.addons = 2 * cents(400 * (1 + DEMO.bundlePercent / 100)) + cents(800 * (1 + DEMO.bundlePercent / 100))
        state.total = cents(state.tier + state.addons)
        expect((await textOf(line.locator(".price-amounts").first())) === `Was ${usd(cents(7500 * f))} Now ${usd(state.tier)}`, "Select's price struck through before the offer")
        expect((await textOf(page.getByTestId("cart-total"))) === usd(state.total), `total ${usd(state.total)}`)
      },
    ],
    [
      "books with the store's payment provider and confirms the booking",
      async () => {
        expect(await page.getByLabel("Pay the studio directly (no card needed now)").isChecked(), "the system provider is offered and chosen")
        await page.getByRole("button", { name: `Pay and book · ${usd(state.total)}` }).click()
        Object.assign(state, await confirmation(page, { date: state.date, tier: "Signature Select", total: state.total }))
      },
    ],
    [
      "the store holds the order (tier, date, total), the accepted offer and the visitor's funnel",
      async () => {
        const { order, tierLine } = await ctx.bookedOrder(state.displayId)
        expect(order.email === who.email && order.total === state.total, `order ${order.display_id}: ${order.email} ${order.total}`)
        expect(tierLine.metadata.tier_id === ctx.tiers.signature.Select.id && tierLine.metadata.event_date === state.date, "the order books Select on the date")
        expect(tierLine.unit_price === state.tier && tierLine.metadata.upsell_offer_id, `Select at ${state.tier} with the offer`)
        const offers = await dbRows(ctx.url, "SELECT id, action, status, redeemed_by FROM upsell_offer WHERE visitor_id = $1 AND status <> 'shown'", [state.visitor])
        expect(offers.length === 1 && offers[0].action === "suggest_upgrade" && offers[0].status === "accepted" && offers[0].id === tierLine.metadata.upsell_offer_id, `decided offers: ${JSON.stringify(offers)}`)
        await ctx.expectFunnel(state.visitor, ["segment_selected", "tier_compared", "tier_viewed", "upsell_shown", "upsell_accepted", "checkout_started"])
        await ctx.expectSignedVisitor(state.visitor)
        await ctx.expectCartVisitor(who.email, state.visitor)
      },
    ],
  ]
}

function phoneChecks(page, ctx) {
  const { store } = ctx
  const who = { email: `phone-${RUN}@example.com`, first_name: "Grace", last_name: "Hopper" }
  const state = {}
  return [
    [
      "phone: the collections stack in one column and nothing scrolls sideways",
      async () => {
        await page.goto(ctx.storefront, { waitUntil: "domcontentloaded" })
        await visible(page.getByRole("heading", { name: "Choose your collection" }), "the collections", 30_000)
        const boxes = await Promise.all(["essential", "signature", "luxury"].map((h) => page.getByTestId(`segment-${h}`).boundingBox()))
        expect(boxes.every((b) => Math.abs(b.x - boxes[0].x) < 1) && boxes[0].y < boxes[1].y && boxes[1].y < boxes[2].y, "one card under the other")
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scrolling")
        await segmentPicturesLoaded(page, ctx.base)
      },
    ],
    [
      "phone: Essential Starter on a date, and the offer declined",
      async () => {
        await page.getByRole("button", { name: "Compare Essential packages" }).click()
        await visible(page.getByRole("heading", { name: "Compare Essential packages" }), "the comparison")
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "the comparison fits the phone")
        await page.getByRole("button", { name: "Choose Starter" }).click()
        await page.getByRole("button", { name: "Continue to your date" }).click()
        await visible(page.getByRole("heading", { name: "Choose your date" }), "the date picker")
        expect(await page.getByRole("button", { name: "Continue to your details" }).isDisabled(), "no date chosen yet: nothing to continue with")
        state.date = (await findDate(store, ctx.tiers.essential.Starter.id, "available", { minDays: 45 })).date
        await openMonth(page, state.date)
        await day(page, state.date).click()
        await page.getByRole("button", { name: "Continue to your details" }).click()
        await visible(page.getByRole("heading", { name: "Your details" }), "the details form")
        await fillDetails(page, who)
        const dialog = page.getByRole("dialog")
        await visible(dialog.getByRole("button", { name: "Upgrade to Classic" }), "the comparison offer")
        const box = await dialog.boundingBox()
        const viewport = page.viewportSize()
        expect(box.y >= 0 && box.y + box.height <= viewport.height + 1 && box.width <= viewport.width, "the dialog fits the screen")
        await visible(dialog.getByRole("button", { name: "No thanks" }), "the decline button")
        // Escape declines, as No thanks does.
        await page.keyboard.press("Escape")
        await visible(page.getByRole("heading", { name: "Review and book" }), "the checkout after Escape declined")
        state.total = cents(datePrice(2000, state.date))
        expect((await textOf(page.getByTestId("cart-total"))) === usd(state.total), `total ${usd(state.total)}`)
      },
    ],
    [
      "phone: a date taken by someone else before paying is refused clearly; another date books",
      async () => {
        await takeDate(store, ctx.regionId, ctx.tiers.essential.Classic.id, state.date)
        await page.getByRole("button", { name: /Pay and book/ }).click()
        const alert = page.getByRole("alert")
        await visible(alert, "the refusal")
        const message = await textOf(alert)
        expect(
          message.includes(`${state.date} is no longer available for Essential Starter (sold out)`) && message.includes("Someone else booked this date"),
          `the refusal says why: ${message}`
        )
        await page.screenshot({ path: shot("date-taken"), fullPage: true })
        await alert.getByRole("button", { name: "Choose another date" }).click()
        await visible(page.getByRole("heading", { name: "Choose your date" }), "the date picker")
        await openMonth(page, state.date)
        expect((await day(page, state.date).getAttribute("aria-label")) === `${longDate(state.date)}: Sold out`, "the taken date now reads sold out")
        await day(page, state.date).click({ force: true })
        await visible(page.locator(".refusal").getByText("cannot be booked"), "the taken date refused")

        state.date = (await findDate(store, ctx.tiers.essential.Starter.id, "available", { minDays: 45 })).date
        await openMonth(page, state.date)
        await day(page, state.date).click()
        await page.getByRole("button", { name: "Continue to your details" }).click()
        await visible(page.getByRole("heading", { name: "Your details" }), "the details form")
        expect((await page.getByLabel("Email").inputValue()) === who.email, "the details are kept")
        // The same offer, declined today, is not asked again for the new cart (offers count once per visitor, rule and day).
        await page.getByRole("button", { name: "Continue to checkout" }).click()
        await visible(page.getByRole("heading", { name: "Review and book" }), "the checkout without the declined offer")
        expect((await page.getByRole("dialog").count()) === 0, "no offer dialog")
        state.total = cents(datePrice(2000, state.date))
        await page.getByRole("button", { name: `Pay and book · ${usd(state.total)}` }).click()
        Object.assign(state, await confirmation(page, { date: state.date, tier: "Essential Starter", total: state.total }))
      },
    ],
    [
      "phone: the store holds the order, the declined offer (recorded once) and the funnel",
      async () => {
        const { order, tierLine } = await ctx.bookedOrder(state.displayId)
        expect(order.total === state.total && tierLine.metadata.tier_id === ctx.tiers.essential.Starter.id && tierLine.metadata.event_date === state.date, "Starter on the new date")
        const offers = await dbRows(ctx.url, "SELECT status FROM upsell_offer WHERE visitor_id = $1", [state.visitor])
        expect(offers.length === 1 && offers[0].status === "declined", `the visitor's offers: ${JSON.stringify(offers)}`)
        await ctx.expectFunnel(state.visitor, ["segment_selected", "tier_compared", "tier_viewed", "upsell_shown", "upsell_declined", "checkout_started"])
        await ctx.expectCartVisitor(who.email, state.visitor)
      },
    ],
  ]
}

let shotNumber = 0
const shot = (name) => path.join(SCREENSHOTS, `${String(++shotNumber).padStart(2, "0")}-${name}.png`)
const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60)

/** Runs a journey's checks in order; each builds on the one before, so the first failure ends it. */
async function journey(page, checks) {
  for (const [index, [name, check]] of checks.entries()) {
    const began = Date.now()
    try {
      await check()
      await page.screenshot({ path: shot(slug(name)), fullPage: true })
      tally.passed++
      log(`ok   ${name} (${seconds(began)})`)
    } catch (error) {
      tally.failed++
      await page.screenshot({ path: shot(`FAILED-${slug(name)}`), fullPage: true }).catch(() => {})
      log(`FAIL ${name}: ${error.message.split("\n")[0]}`)
      const rest = checks.slice(index + 1).map(([n]) => n)
      if (rest.length) log(`not run: ${rest.join("; ")}`)
      return
    }
  }
}

/**
 * `npm run dev` runs `medusa develop`, which restarts the server on any change in the repository
 * outside the paths it ignores (dot files, node_modules, dist, static, private, src/admin, .medusa
 * in Medusa 2.21). Starting the storefront's dev server and serving its entry module must change
 * nothing it watches.
 */
async function devServerLeavesTheRepositoryAlone() {
  const name = "starting the storefront's dev server changes no file medusa develop watches"
  const began = Date.now()
  const watcher = chokidar.watch(".", {
    cwd: root,
    ignoreInitial: true,
    ignored: (file) => {
      const relative = path.relative(root, path.resolve(root, file)).split(path.sep)
      return relative.some((part) => part.startsWith(".")) || ["node_modules", "dist", "static", "private"].includes(relative[0]) || relative.slice(0, 2).join("/") === "src/admin"
    },
  })
  const changes = []
  await new Promise((resolve) => watcher.on("ready", resolve))
  watcher.on("all", (event, file) => changes.push(`${event} ${file}`))
  const port = await freePort()
  const child = spawnGroup(process.execPath, [path.join(root, "scripts", "storefront-dev.mjs"), String(port)], { cwd: root, stdio: "ignore" })
  try {
    const up = await waitForHttp(`http://localhost:${port}/`, { child, timeoutMs: 60_000 })
    if (!up) throw new Error("the storefront's dev server did not answer")
    const entry = await fetch(`http://localhost:${port}/src/main.tsx`)
    if (!entry.ok) throw new Error(`the dev server answered ${entry.status} for src/main.tsx`)
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    if (changes.length) throw new Error(`medusa develop would restart for: ${changes.join(", ")}`)
    tally.passed++
    log(`ok   ${name} (${seconds(began)})`)
  } catch (error) {
    tally.failed++
    log(`FAIL ${name}: ${error.message}`)
  } finally {
    await stopGroup(child)
    await watcher.close()
  }
}

async function main() {
  if (!hasChromium()) {
    console.error(`[storefront] no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
    tally.failed++
    return finish()
  }
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true })
  fs.mkdirSync(SCREENSHOTS, { recursive: true })

  await devServerLeavesTheRepositoryAlone()

  let ctx
  try {
    const started = await startApp(await freePort())
    const store = storeApi(started.base, started.key)
    const admin = await adminApi(started.base)
    const tiers = {}
    for (const handle of ["essential", "signature"]) {
      const { tiers: list } = await store(`/store/segments/${handle}?region_id=${started.regionId}`)
      tiers[handle] = Object.fromEntries(list.map((t) => [t.name, t]))
    }
    ctx = {
      ...started,
      store,
      tiers,
      /** The order (through the admin API) and its tier line. */
      async bookedOrder(displayId) {
        const { orders } = await admin("/admin/orders?fields=id,display_id,email,total,*items&order=-created_at&limit=20")
        const order = orders.find((o) => o.display_id === displayId)
        expect(order, `order #${displayId} should exist`)
        return { order, tierLine: order.items.find((i) => i.metadata?.tiered_kind === "tier") }
      },
      async expectFunnel(visitor, names) {
        const rows = await dbRows(started.url, "SELECT DISTINCT name FROM tier_event WHERE visitor_id = $1", [visitor])
        const stored = rows.map((r) => r.name)
        const missing = names.filter((n) => !stored.includes(n))
        expect(missing.length === 0, `funnel events missing for the visitor: ${missing.join(", ")} (stored: ${stored.join(", ")})`)
      },
      /** The storefront keeps the id the store signed: the store confirms it as a returning visitor's. */
      async expectSignedVisitor(visitor) {
        const answer = await store("/store/tiered/visitor", { method: "POST", body: { visitor_id: visitor } })
        expect(answer.returning === true && answer.visitor_id === visitor, `the kept visitor id is the store's: ${visitor}`)
      },
      async expectCartVisitor(email, visitor) {
        const carts = await dbRows(started.url, "SELECT metadata->>'visitor_id' AS visitor FROM cart WHERE email = $1 AND completed_at IS NOT NULL", [email])
        expect(carts.length === 1 && carts[0].visitor === visitor, `the completed cart carries the visitor id: ${JSON.stringify(carts)}`)
      },
    }
  } catch (error) {
    console.error(`[storefront] setup failed: ${error.message}`)
    tally.failed++
    return finish()
  }

  const t = Date.now()
  browser = await launchChromium()
  for (const [label, options, checks] of [
    ["desktop", { viewport: { width: 1366, height: 900 } }, desktopChecks],
    ["phone", { ...devices["Pixel 7"] }, phoneChecks],
  ]) {
    log(`${label} journey`)
    const context = await browser.newContext(options)
    // Only the storefront and the store: nothing is fetched from outside.
    await context.route(/^https?:\/\/(?!localhost[:/])/, (route) => route.abort())
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await journey(page, checks(page, ctx))
    await context.close()
  }
  log(`browser checks took ${seconds(t)}; screenshots in ${path.relative(process.cwd(), SCREENSHOTS)}`)
  return finish()
}

main().catch((error) => {
  console.error(error)
  tally.failed++
  return finish()
})
