// Browser test of the admin screens (Segments, Pricing rules, Availability with its repairs and
// flags, Upsell rules, Experiments, Tier flags, Tier analytics and Commission & payouts pages,
// product tier and order tier widgets) in Chromium.
// The app runs with `medusa start` from a scratch copy under .cache/browser-app: the server
// serves the admin bundle from its project's public/admin, and building in the repository would
// replace .medusa/server (the plugin's package output). The bundle is rebuilt only when its
// inputs change. Database: DATABASE_URL, or an embedded one for this run; port: a free one.
// Stripe: the HTTP tests' local Stripe double, started here, with Stripe Connect on in the app.
// Usage: node integration-tests/browser/run.mjs   (exit code 0 when every check passed)
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import Stripe from "stripe"
import { connectionEnv, startDatabase } from "../../scripts/embedded-db.mjs"
import { listFiles, migrateArgs, scratchApp, tail } from "../../scripts/scratch-app.mjs"
import {
  freePort,
  medusaCli,
  root,
  running,
  spawnGroup,
  stopGroup,
  takeOverSignals,
  waitForHttp,
} from "../../scripts/processes.mjs"
import { CHROMIUM, hasChromium, launchChromium } from "../chromium.mjs"
import { StripeDouble } from "../stripe-double.js"

const app = scratchApp(path.join(root, ".cache", "browser-app"))
const APP = app.dir
const SCREENSHOTS = path.join(root, "integration-tests", "browser", "screenshots")
// Names unique to this run, so a reused DATABASE_URL never collides with an earlier run.
const RUN = Date.now().toString(36)
const ADMIN = { email: `browser-${RUN}@tiered.test`, password: `pw-${RUN}-secret` }
const SEGMENT = { handle: `signature-${RUN}`, name: `Signature ${RUN}` }
const CLONE = { handle: `signature-copy-${RUN}`, name: `Signature copy ${RUN}` }
const PRODUCT_TITLE = `Harbour Wedding ${RUN}`
// The preview's tier: a USD 7,500 package in its own segment, made through the API in the setup.
const PREVIEW = {
  segment: { handle: `preview-${RUN}`, name: `Preview ${RUN}` },
  tier: "Select package",
  product: `Garden Wedding ${RUN}`,
  region: `Preview region ${RUN}`,
}
const RULE = `Peak season ${RUN}`
const NEXT_YEAR = new Date().getUTCFullYear() + 1
const BLACKOUT_REASON = `Private event ${RUN}`
const UPSELL = { name: `Compare up ${RUN}`, nested: `Nested trigger ${RUN}` }
const EXPERIMENT = { key: `copy-${RUN}`, name: `Copy test ${RUN}`, raced: `raced-${RUN}`, rule: `Experiment rule ${RUN}` }
// The analytics fixtures: a tenant of its own, a 10% segment with two tiers, and orders in November
// (no season rule), so every number on the page is worked out by hand below.
const ANALYTICS = {
  tenant: `Analytics studio ${RUN}`,
  region: `Analytics region ${RUN}`,
  segment: { handle: `analytics-${RUN}`, name: `Analytics ${RUN}`, commission_percent: 10 },
  rule: `Analytics compare ${RUN}`,
  experiment: { key: `analytics-copy-${RUN}`, name: `Analytics copy ${RUN}` },
  dates: [`${NEXT_YEAR}-11-10`, `${NEXT_YEAR}-11-17`],
}
// The payouts fixtures: a tenant with a 10% segment, a $7,500 level 2 tier and a $1,000 add-on,
// booked in November (no season rule), and its Stripe Connect onboarding against the double.
const PAYOUTS = {
  tenant: `Payouts studio ${RUN}`,
  region: `Payouts region ${RUN}`,
  segment: { handle: `payouts-${RUN}`, name: `Payouts ${RUN}`, commission_percent: 10 },
  tier: `Payouts Select ${RUN}`,
  addon: `Album ${RUN}`,
  plain: `Gift card ${RUN}`,
  date: `${NEXT_YEAR}-11-24`,
  guests: 80,
}
// The reconciler's fixtures: a tenant whose two orders lose their bookings (as a crash between two
// steps would leave them); a third order then takes the second one's date.
const REPAIRS = {
  tenant: `Repairs studio ${RUN}`,
  region: `Repairs region ${RUN}`,
  segment: { handle: `repairs-${RUN}`, name: `Repairs ${RUN}`, commission_percent: 10 },
  tier: `Repairs Select ${RUN}`,
  dates: [`${NEXT_YEAR}-10-06`, `${NEXT_YEAR}-10-13`],
}
const STRIPE_WEBHOOK_SECRET = "whsec_browser_test"

const startedAt = Date.now()
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`
const log = (message) => console.log(`[browser] ${message}`)

let db = null
let server = null
let stripe = null
const tally = { passed: 0, failed: 0 }
let browser = null
let exiting = false

async function cleanup() {
  await browser?.close().catch(() => {})
  await Promise.all([...running, server].filter(Boolean).map((child) => stopGroup(child)))
  await stripe?.stop()
  await db?.stop()
}

async function finish(passed, failed) {
  if (exiting) return
  exiting = true
  await cleanup()
  log(`total ${seconds(startedAt)}`)
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed === 0 && passed > 0 ? 0 : 1)
}

// ---- the app: a scratch copy of the project, its admin bundle, a database and a server ----

/** What the admin bundle is built from: its sources, the dependencies and the admin config. */
function adminBuildKey() {
  const hash = createHash("sha256")
  const inputs = [
    ...listFiles(path.join(root, "src", "admin")),
    path.join(root, "package-lock.json"),
    path.join(root, "medusa-config.ts"),
  ]
  for (const file of inputs) {
    hash.update(path.relative(root, file)).update(fs.readFileSync(file))
  }
  return hash.digest("hex")
}

// Medusa CLI commands in the scratch app; each one's output is in .cache/browser-app/logs.
const { medusa } = app

/** `medusa start` serves the bundle in public/admin; rebuild it only when its inputs changed. */
async function ensureAdminBundle(env) {
  const target = path.join(APP, "public", "admin")
  const keyFile = path.join(target, ".build-key")
  const key = adminBuildKey()
  if (fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8") === key) {
    log("admin bundle is up to date")
    return
  }
  log("building the admin bundle (medusa build --admin-only)")
  await medusa(["build", "--admin-only"], env)
  const built = path.join(APP, ".medusa", "admin")
  if (!fs.existsSync(path.join(built, "index.html"))) {
    throw new Error("medusa build --admin-only wrote no index.html")
  }
  fs.rmSync(target, { recursive: true, force: true })
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.renameSync(built, target)
  fs.writeFileSync(keyFile, key)
}

async function startApp() {
  let t = Date.now()
  db = await startDatabase({ name: "pg-browser", database: "tiered_browser", persistent: false })
  takeOverSignals(["SIGINT", "SIGTERM", "SIGHUP"], (signal) => {
    log(`${signal}: stopping`)
    finish(tally.passed, tally.failed + 1)
  })
  log(`database ready (${seconds(t)})`)
  stripe = await new StripeDouble().start()
  const env = {
    ...process.env,
    ...connectionEnv(db.url),
    // Stripe Connect on (medusa-config.ts), its SDK pointed at the double.
    STRIPE_API_KEY: "sk_test_browser",
    STRIPE_WEBHOOK_SECRET,
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(stripe.port),
    STRIPE_API_PROTOCOL: "http",
    MEDUSA_DISABLE_TELEMETRY: "true",
    // Not "development" (that serves the admin through Vite) and not "production" (secure cookies).
    NODE_ENV: "test",
  }

  // The admin bundle (only when its inputs changed) builds while the database is migrated.
  t = Date.now()
  app.copy()
  const migrated = medusa(await migrateArgs(db.url), env).then(() =>
    log(`database migrated (${seconds(t)})`)
  )
  await Promise.all([ensureAdminBundle(env).then(() => log(`admin bundle ready (${seconds(t)})`)), migrated])

  // The admin user is created while the server boots.
  t = Date.now()
  const port = await freePort()
  const serverLog = app.logTo("server")
  server = spawnGroup(process.execPath, [medusaCli, "start", "--port", String(port)], {
    cwd: APP,
    env,
    stdio: ["ignore", serverLog.fd, serverLog.fd],
  })
  fs.closeSync(serverLog.fd)
  const base = `http://localhost:${port}`
  const [, listening] = await Promise.all([
    medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], env),
    waitForHttp(`${base}/health`, { child: server, timeoutMs: 120_000 }),
  ])
  if (!listening) {
    throw new Error(`the server did not answer /health; its log ends with:\n${tail(serverLog.file)}`)
  }
  log(`server listening on ${base} (${seconds(t)})`)
  return base
}

async function api(base, route, options = {}) {
  const { status, json } = await apiAnswer(base, route, options)
  if (status >= 400) {
    throw new Error(`${options.method ?? "GET"} ${route}: ${status} ${json.message ?? ""}`)
  }
  return json
}

async function apiAnswer(base, route, { token, method = "GET", body, headers = {} } = {}) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: response.status, json: await response.json().catch(() => ({})) }
}

const productBody = (title, amount) => ({
  title,
  status: "published",
  options: [{ title: "Package", values: ["Standard"] }],
  variants: [
    {
      title: "Standard",
      options: { Package: "Standard" },
      manage_inventory: false,
      prices: [{ currency_code: "usd", amount }],
    },
  ],
})

/**
 * Through the admin API, as the merchant would: a service product for the widget to assign, and
 * a priced tier in a USD region for the pricing preview.
 */
async function createFixtures(base) {
  const { token } = await api(base, "/auth/user/emailpass", { method: "POST", body: ADMIN })
  const post = (route, body) => api(base, route, { token, method: "POST", body })
  const { product } = await post("/admin/products", productBody(PRODUCT_TITLE, 5000))
  const { product: previewProduct } = await post("/admin/products", productBody(PREVIEW.product, 7500))
  await post("/admin/regions", { name: PREVIEW.region, currency_code: "usd", countries: [] })
  const { segment } = await post("/admin/segments", PREVIEW.segment)
  await post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: PREVIEW.tier, product_id: previewProduct.id })
  return { product, token }
}

// ---- the checks ----

function expect(condition, message) {
  if (!condition) throw new Error(message)
}

async function visible(locator, what, timeout = 15_000) {
  await locator.first().waitFor({ state: "visible", timeout }).catch(() => {
    throw new Error(`expected to see ${what}`)
  })
}

async function gone(locator, what, timeout = 15_000) {
  await locator.first().waitFor({ state: "detached", timeout }).catch(() => {
    throw new Error(`expected ${what} to disappear`)
  })
}

// The plugin's one sidebar entry and its pages, nested under it in this order (their `rank`).
const PLUGIN_ENTRY = "Tiered storefront"
const PLUGIN_PAGES = [
  ["Segments", "segments"],
  ["Pricing rules", "pricing-rules"],
  ["Availability", "availability"],
  ["Upsell rules", "upsell-rules"],
  ["Experiments", "experiments"],
  ["Tier analytics", "tier-analytics"],
  ["Commission & payouts", "commission-payouts"],
  ["Tier flags", "tier-flags"],
]
const sidebarOf = (page) => page.locator("aside")

/** Opens one of the plugin's pages as a merchant does: its entry in the sidebar, then the sub-item. */
async function fromSidebar(page, label) {
  const sidebar = sidebarOf(page)
  await sidebar.getByRole("link", { name: PLUGIN_ENTRY, exact: true }).click()
  await sidebar.getByRole("link", { name: label, exact: true }).click()
}

function checks(page, base, product) {
  const drawer = page.getByTestId("tier-drawer")
  const segmentDrawer = page.getByTestId("segment-drawer")
  const row = (handle) => page.getByTestId(`segment-row-${handle}`)
  const cell = (handle, level) => page.getByTestId(`tier-cell-${handle}-${level}`)
  const widget = page.getByTestId("product-tier-widget")

  const openSegments = async () => {
    await page.goto(`${base}/app/tiered/segments`)
    await visible(page.getByRole("heading", { name: "Segments", level: 1 }), "the Segments heading", 60_000)
  }
  const openSegmentMenu = async (name, item) => {
    await page.getByRole("button", { name: `Actions for segment ${name}` }).click()
    await page.getByRole("menuitem", { name: item }).click()
  }

  return [
    [
      "logs in to the admin",
      async () => {
        await page.goto(`${base}/app/login`)
        await page.locator('input[name="email"]').fill(ADMIN.email)
        await page.locator('input[name="password"]').fill(ADMIN.password)
        await page.locator('button[type="submit"]').click()
        await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 30_000 })
      },
    ],
    [
      "the sidebar has one entry for the plugin; its sub-items, in order, open each page",
      async () => {
        const sidebar = sidebarOf(page)
        const entry = sidebar.getByRole("link", { name: PLUGIN_ENTRY, exact: true })
        await visible(entry, "the plugin's entry in the sidebar", 30_000)
        expect((await entry.count()) === 1, `entries named ${PLUGIN_ENTRY}: ${await entry.count()}`)
        for (const [label] of PLUGIN_PAGES) {
          expect((await sidebar.getByRole("link", { name: label, exact: true }).count()) === 0, `"${label}" is a top-level entry`)
        }
        await entry.click()
        await visible(page.getByRole("heading", { name: PLUGIN_ENTRY, level: 1 }), "the overview's heading")
        expect(new URL(page.url()).pathname === "/app/tiered", `the overview's address: ${page.url()}`)
        const overview = page.getByTestId("tiered-pages").getByRole("link")
        const hrefs = await overview.evaluateAll((links) => links.map((a) => a.getAttribute("href")))
        const want = PLUGIN_PAGES.map(([, slug]) => `/app/tiered/${slug}`)
        expect(JSON.stringify(hrefs) === JSON.stringify(want), `the overview's links: ${JSON.stringify(hrefs)}`)
        const labels = PLUGIN_PAGES.map(([label]) => label)
        const shown = (await sidebar.getByRole("link").allInnerTexts()).map((t) => t.trim()).filter((t) => labels.includes(t))
        expect(JSON.stringify(shown) === JSON.stringify(labels), `the sub-items: ${JSON.stringify(shown)}`)
        for (const [label, slug] of PLUGIN_PAGES) {
          await sidebar.getByRole("link", { name: label, exact: true }).click()
          await visible(page.getByRole("heading", { name: label, level: 1 }), `the ${label} heading`, 30_000)
          expect(new URL(page.url()).pathname === `/app/tiered/${slug}`, `${label} at ${page.url()}`)
          expect((await entry.count()) === 1, `the entry stays one on ${label}`)
        }
      },
    ],
    [
      "the sidebar links to the Segments page",
      async () => {
        await visible(sidebarOf(page).getByRole("link", { name: PLUGIN_ENTRY, exact: true }), "the plugin's entry in the sidebar", 30_000)
        await fromSidebar(page, "Segments")
        await visible(page.getByRole("heading", { name: "Segments", level: 1 }), "the Segments heading")
        // A fresh database shows the empty state; a reused DATABASE_URL may already hold segments.
        await visible(
          page.getByTestId("segments-message").getByText("No segments yet").or(page.getByTestId("segment-matrix")),
          "the empty state or the matrix"
        )
      },
    ],
    [
      "creates a segment",
      async () => {
        await page.getByTestId("create-segment").click()
        await segmentDrawer.getByLabel("Handle").fill(SEGMENT.handle)
        await segmentDrawer.getByLabel("Name").fill(SEGMENT.name)
        await segmentDrawer.getByLabel("Description").fill("Polished coverage for the whole day.")
        await segmentDrawer.getByLabel("Audience").fill("Couples planning a classic wedding")
        await segmentDrawer.getByLabel("Price from").fill("5000")
        await segmentDrawer.getByLabel("Price to").fill("10000")
        await segmentDrawer.getByLabel("Rank").fill("2")
        await segmentDrawer.getByLabel("Commission %").fill("10")
        await segmentDrawer.getByLabel("Image URL").fill("https://example.com/signature.jpg")
        await page.screenshot({ path: shot("segment-form") })
        await segmentDrawer.getByTestId("drawer-submit").click()
        await gone(segmentDrawer, "the segment drawer")
        await visible(row(SEGMENT.handle), "the new segment's row")
        const text = await row(SEGMENT.handle).innerText()
        expect(text.includes(SEGMENT.name) && text.includes("10% commission"), `unexpected row: ${text}`)
      },
    ],
    [
      "adds a tier to the segment from the matrix",
      async () => {
        await page.getByRole("button", { name: `Add level 1 tier to ${SEGMENT.name}` }).click()
        expect((await drawer.getByLabel("Level").inputValue()) === "1", "the level should default to the cell's")
        await drawer.getByLabel("Name").fill("Signature Essential")
        await drawer.getByLabel("Features").fill("6 hours coverage\nOnline gallery")
        await drawer.getByLabel("Max guests").fill("50")
        await drawer.getByTestId("drawer-submit").click()
        await gone(drawer, "the tier drawer")
        await visible(cell(SEGMENT.handle, 1).getByText("Signature Essential"), "the tier in level 1")
        const text = await cell(SEGMENT.handle, 1).innerText()
        expect(/No product/.test(text) && /Up to 50 guests/.test(text) && /2 features/.test(text), `unexpected cell: ${text}`)
      },
    ],
    [
      "the product page widget shows the API's refusal (level already taken)",
      async () => {
        await page.goto(`${base}/app/products/${product.id}`)
        await visible(widget, "the tier widget", 60_000)
        await visible(widget.getByText("not the package of any tier"), "the unassigned state")
        await widget.scrollIntoViewIfNeeded()
        await page.screenshot({ path: shot("product-unassigned") })
        await widget.getByTestId("assign-tier").click()
        expect((await drawer.getByLabel("Name").inputValue()) === PRODUCT_TITLE, "the name should default to the product title")
        await drawer.getByTestId("tier-segment").click()
        await page.getByRole("option", { name: SEGMENT.name }).click()
        await drawer.getByLabel("Features").fill("8 hours coverage\nSecond shooter\nOnline gallery")
        await drawer.getByLabel("Max guests").fill("100")
        await drawer.getByLabel("Popular badge").click()
        await drawer.getByTestId("drawer-submit").click()
        await visible(page.getByText(/Level 1 is taken/), "the API's error message in a toast")
        await visible(drawer, "the drawer still open after the refusal")
      },
    ],
    [
      "assigns the product to the segment with the widget",
      async () => {
        await drawer.getByLabel("Level").fill("2")
        await drawer.getByTestId("drawer-submit").click()
        await gone(drawer, "the tier drawer")
        await visible(widget.getByTestId("product-tier-summary"), "the tier summary")
        expect((await widget.getByTestId("product-tier-segment").innerText()) === SEGMENT.name, "widget segment")
        expect((await widget.getByTestId("product-tier-level").innerText()) === "2", "widget level")
        const name = await widget.getByTestId("product-tier-name").innerText()
        expect(name.includes(PRODUCT_TITLE) && name.includes("Popular"), `widget name: ${name}`)
        await visible(widget.getByText("Second shooter"), "the features")
        await widget.scrollIntoViewIfNeeded()
      },
    ],
    [
      "the matrix shows the product in its segment",
      async () => {
        await openSegments()
        await visible(cell(SEGMENT.handle, 2).getByText(PRODUCT_TITLE), "the product in level 2")
        const text = await cell(SEGMENT.handle, 2).innerText()
        expect(/Popular/.test(text) && /Up to 100 guests/.test(text) && /3 features/.test(text), `unexpected cell: ${text}`)
        await visible(cell(SEGMENT.handle, 3).getByRole("button", { name: /Add level 3 tier/ }), "an empty level 3")
      },
    ],
    [
      "clones the segment: same tiers, no products",
      async () => {
        await openSegmentMenu(SEGMENT.name, "Clone")
        await segmentDrawer.getByLabel("Handle").fill(CLONE.handle)
        await segmentDrawer.getByLabel("Name").fill(CLONE.name)
        await segmentDrawer.getByTestId("drawer-submit").click()
        await gone(segmentDrawer, "the clone drawer")
        await visible(row(CLONE.handle), "the clone's row")
        const level2 = await cell(CLONE.handle, 2).innerText()
        expect(level2.includes(PRODUCT_TITLE) && level2.includes("No product"), `unexpected clone cell: ${level2}`)
      },
    ],
    [
      "deletes a segment after the confirmation prompt",
      async () => {
        await openSegmentMenu(CLONE.name, "Delete")
        const prompt = page.getByRole("alertdialog")
        await visible(prompt, "the confirmation prompt")
        await page.screenshot({ path: shot("delete-prompt") })
        await prompt.getByRole("button", { name: "Delete" }).click()
        await gone(row(CLONE.handle), "the deleted segment's row")
      },
    ],
    [
      "bulk-archives the selected tiers",
      async () => {
        await page.getByRole("checkbox", { name: "Select tier Signature Essential" }).click()
        await page.getByTestId("archive-selected").click()
        await page.getByRole("alertdialog").getByRole("button", { name: "Archive" }).click()
        await visible(cell(SEGMENT.handle, 1).getByRole("button", { name: /Add level 1 tier/ }), "an empty level 1")
        await visible(cell(SEGMENT.handle, 2).getByText(PRODUCT_TITLE), "level 2 untouched")
      },
    ],
    [
      "edits the product's tier from the widget",
      async () => {
        await page.goto(`${base}/app/products/${product.id}`)
        await visible(widget.getByTestId("product-tier-summary"), "the tier summary", 60_000)
        await widget.getByRole("button", { name: "Tier actions" }).click()
        await page.getByRole("menuitem", { name: "Edit" }).click()
        await drawer.getByLabel("Max guests").fill("120")
        await drawer.getByTestId("drawer-submit").click()
        await gone(drawer, "the tier drawer")
        await visible(widget.getByText("120"), "the new max guests")
        await widget.scrollIntoViewIfNeeded()
      },
    ],
    [
      "removes the product from its tier after the confirmation prompt",
      async () => {
        await widget.getByRole("button", { name: "Tier actions" }).click()
        await page.getByRole("menuitem", { name: "Remove from tier" }).click()
        await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click()
        await visible(widget.getByText("not the package of any tier"), "the unassigned state")
        await widget.scrollIntoViewIfNeeded()
      },
    ],
  ]
}

/** Picks an option of a @medusajs/ui Select (a Radix listbox) by its trigger's test id. */
async function choose(page, triggerTestId, option) {
  await page.getByTestId(triggerTestId).click()
  await page.getByRole("option", { name: option }).click()
}

function pricingChecks(page, base) {
  const drawer = page.getByTestId("pricing-rule-drawer")
  const ruleRow = page.getByTestId("pricing-rule-row").filter({ hasText: RULE })
  const day = (date) => page.getByTestId(`preview-row-${date}`)
  const MAY_30 = `${NEXT_YEAR}-05-30`
  const JUNE_1 = `${NEXT_YEAR}-06-01`

  /** A preview row: its final price text, the rule labels, and whether it is highlighted. */
  const previewRow = async (date) => {
    await visible(day(date), `the preview row for ${date}`)
    return {
      final: await day(date).getByTestId("preview-final").innerText(),
      rules: await day(date).getByTestId("preview-rules").innerText(),
      differs: (await day(date).getAttribute("data-differs")) === "true",
    }
  }

  return [
    [
      "the sidebar links to the Pricing rules page",
      async () => {
        await page.goto(`${base}/app`)
        await fromSidebar(page, "Pricing rules")
        await visible(page.getByRole("heading", { name: "Pricing rules", level: 1 }), "the Pricing rules heading", 30_000)
        await visible(page.getByText("No pricing rules yet").or(page.getByTestId("pricing-rules-table")), "the empty state or the rules")
      },
    ],
    [
      "creates a season rule: June-September, +20%",
      async () => {
        await page.getByTestId("create-pricing-rule").click()
        await drawer.getByLabel("Label").fill(RULE)
        // Season is the default kind; its months show, the other kinds' fields do not.
        await visible(drawer.getByTestId("season-fields"), "the season fields")
        expect((await drawer.getByLabel("Days").count()) === 0, "a season rule should not ask for days")
        for (const month of ["June", "July", "August", "September"]) {
          await drawer.getByLabel(month, { exact: true }).click()
        }
        await drawer.getByLabel("Percent").fill("20")
        await drawer.getByLabel("Priority").fill("1")
        await page.screenshot({ path: shot("pricing-rule-form") })
        await drawer.getByTestId("drawer-submit").click()
        await gone(drawer, "the pricing rule drawer")
        await visible(ruleRow, "the new rule's row")
        const text = await ruleRow.innerText()
        expect(/June – September/.test(text) && /\+20%/.test(text) && /Season/.test(text), `unexpected row: ${text}`)
      },
    ],
    [
      "shows only the chosen kind's fields",
      async () => {
        await page.getByTestId("create-pricing-rule").click()
        await drawer.getByTestId("rule-kind").click()
        await page.getByRole("option", { name: "Last minute" }).click()
        await visible(drawer.getByLabel("Days"), "the days field")
        expect((await drawer.getByTestId("season-fields").count()) === 0, "a last-minute rule should not show months")
        await drawer.getByTestId("rule-kind").click()
        await page.getByRole("option", { name: "Weekday" }).click()
        await visible(drawer.getByLabel("Saturday", { exact: true }), "the weekdays")
        await drawer.getByRole("button", { name: "Cancel" }).click()
        await gone(drawer, "the pricing rule drawer")
      },
    ],
    [
      "previews a tier's prices: June dates +20%, May dates at the base",
      async () => {
        await choose(page, "preview-tier", `${PREVIEW.segment.name} · ${PREVIEW.tier}`)
        await choose(page, "preview-region", `${PREVIEW.region} (USD)`)
        // The end first, so the range is never backwards on the way.
        await page.getByLabel("To", { exact: true }).fill(`${NEXT_YEAR}-06-02`)
        await page.getByLabel("From", { exact: true }).fill(MAY_30)
        await visible(day(`${NEXT_YEAR}-06-02`), "the last preview row")
        expect((await page.getByTestId("preview-table").locator("tbody tr").count()) === 4, "four dates in the preview")
        const may = await previewRow(MAY_30)
        expect(/7,500/.test(may.final) && !may.differs && !may.rules.includes(RULE), `May 30: ${JSON.stringify(may)}`)
        const june = await previewRow(JUNE_1)
        expect(/9,000/.test(june.final) && june.differs && june.rules.includes(RULE), `June 1: ${JSON.stringify(june)}`)
        await page.getByTestId("price-preview").scrollIntoViewIfNeeded()
      },
    ],
    [
      "deactivating the rule brings June back to the base price",
      async () => {
        await ruleRow.getByRole("switch", { name: `Active: ${RULE}` }).click()
        await page.waitForFunction(
          (id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute("data-differs") === "false",
          `preview-row-${JUNE_1}`
        )
        expect(/7,500/.test((await previewRow(JUNE_1)).final), "June at the base price while the rule is off")
        await ruleRow.getByRole("switch", { name: `Active: ${RULE}` }).click()
        await page.waitForFunction(
          (id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute("data-differs") === "true",
          `preview-row-${JUNE_1}`
        )
      },
    ],
    [
      "edits the rule's percent and the preview follows",
      async () => {
        await page.getByRole("button", { name: `Actions for rule ${RULE}` }).click()
        await page.getByRole("menuitem", { name: "Edit" }).click()
        expect((await drawer.getByLabel("Percent").inputValue()) === "20", "the form starts from the rule")
        await drawer.getByLabel("Percent").fill("25")
        await drawer.getByTestId("drawer-submit").click()
        await gone(drawer, "the pricing rule drawer")
        await visible(ruleRow.getByText("+25%"), "the new percent in the row")
        await visible(day(JUNE_1).getByText(/9,375/), "June at +25%")
      },
    ],
    [
      "deletes the rule after the confirmation prompt",
      async () => {
        await page.getByRole("button", { name: `Actions for rule ${RULE}` }).click()
        await page.getByRole("menuitem", { name: "Delete" }).click()
        const prompt = page.getByRole("alertdialog")
        await visible(prompt, "the confirmation prompt")
        await prompt.getByRole("button", { name: "Delete" }).click()
        await gone(ruleRow, "the deleted rule's row")
        await visible(day(JUNE_1).getByText(/7,500/), "June back at the base price")
      },
    ],
  ]
}

function availabilityChecks(page) {
  const now = new Date()
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
  const inNextMonth = (day) => `${next.toISOString().slice(0, 8)}${day}`
  const BLACKOUT = inNextMonth("10")
  const FLAG = inNextMonth("12")
  const cell = (date) => page.getByTestId(`calendar-day-${date}`)
  const drawer = page.getByTestId("date-drawer")
  const statusOf = (date) => cell(date).getAttribute("data-status")
  const waitForStatus = async (date, status) => {
    await page
      .waitForFunction(
        ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute("data-status") === want,
        [`calendar-day-${date}`, status],
        { timeout: 15_000 }
      )
      .catch(async () => {
        throw new Error(`expected ${date} to be ${status}, it is ${await statusOf(date)}`)
      })
  }

  return [
    [
      "the Availability page shows the default sales channel's settings",
      async () => {
        await fromSidebar(page, "Availability")
        await visible(page.getByRole("heading", { name: "Availability", level: 1 }), "the Availability heading", 30_000)
        await choose(page, "availability-channel", "Default Sales Channel")
        await visible(page.getByTestId("availability-settings"), "the settings form")
        await visible(page.getByTestId("availability-calendar"), "the calendar")
        // Defaults until saved: one booking a date, no limit ahead.
        expect((await page.getByLabel("Capacity per date").inputValue()) === "1", "default capacity 1")
        expect((await page.getByLabel("Maximum advance days").inputValue()) === "", "no advance limit by default")
      },
    ],
    [
      "sets the capacity to 2 a date",
      async () => {
        await page.getByLabel("Capacity per date").fill("2")
        await page.getByTestId("save-settings").click()
        await visible(page.getByText("Availability settings saved"), "the saved toast")
        await page.getByRole("button", { name: "Next month" }).click()
        await waitForStatus(BLACKOUT, "available")
        const text = await cell(BLACKOUT).innerText()
        expect(/2 left/.test(text), `expected 2 left on ${BLACKOUT}: ${text}`)
        expect((await page.getByLabel("Capacity per date").inputValue()) === "2", "the saved capacity")
      },
    ],
    [
      "blacks out a date with a reason",
      async () => {
        await cell(BLACKOUT).click()
        await visible(drawer, "the date drawer")
        await drawer.getByLabel("Reason").fill(BLACKOUT_REASON)
        await page.screenshot({ path: shot("blackout-drawer") })
        await drawer.getByTestId("black-out").click()
        await gone(drawer, "the date drawer")
        await waitForStatus(BLACKOUT, "blackout")
        const row = page.getByTestId("blackout-row").filter({ hasText: BLACKOUT_REASON })
        await visible(row, "the blackout in the list")
        expect((await row.innerText()).includes(BLACKOUT), "the blackout row shows its date")
      },
    ],
    [
      "flags another date high demand: it shows as limited",
      async () => {
        await cell(FLAG).click()
        await visible(drawer, "the date drawer")
        await drawer.getByTestId("flag-high-demand").click()
        await gone(drawer, "the date drawer")
        await waitForStatus(FLAG, "limited")
        expect(/Limited/.test(await cell(FLAG).innerText()), "the limited badge")
        await visible(page.getByTestId("high-demand-row").filter({ hasText: FLAG }), "the flag in the list")
        await page.getByTestId("availability-calendar").scrollIntoViewIfNeeded()
      },
    ],
    [
      "removes the flag from the date and the blackout from the list",
      async () => {
        await cell(FLAG).click()
        await drawer.getByRole("button", { name: "Remove flag" }).click()
        await gone(drawer, "the date drawer")
        await waitForStatus(FLAG, "available")
        await page.getByRole("button", { name: `Remove blackout from ${BLACKOUT}` }).click()
        await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click()
        await waitForStatus(BLACKOUT, "available")
        await visible(page.getByTestId("blackout-list").getByText("No blackouts."), "an empty blackout list")
      },
    ],
  ]
}

/** The admin API as the checks' second witness: what the screen shows must be what was stored. */
function adminApi(base, token) {
  return {
    get: (route) => api(base, route, { token }),
    post: (route, body) => api(base, route, { token, method: "POST", body }),
    del: (route) => api(base, route, { token, method: "DELETE" }),
    status: async (route) => (await apiAnswer(base, route, { token })).status,
  }
}

async function dbQuery(sql, params) {
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

/** Deep equality; object keys in any order (the database stores JSON with its own key order). */
const canonical = (value) =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === "object"
      ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]))
      : value
const same = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))

function upsellChecks(page, base, token) {
  const admin = adminApi(base, token)
  const drawer = page.getByTestId("upsell-rule-drawer")
  const ruleRow = (name) => page.getByTestId("upsell-rule-row").filter({ hasText: name })
  const storedRule = async (name) => {
    const { upsell_rules } = await admin.get("/admin/upsell-rules?limit=200")
    return upsell_rules.find((r) => r.name === name)
  }
  const openRuleMenu = async (name, item) => {
    await page.getByRole("button", { name: `Actions for rule ${name}` }).click()
    await page.getByRole("menuitem", { name: item }).click()
  }
  const SUMMARY = `viewing ${SEGMENT.name} level 1 AND add-ons ≥ 2`

  return [
    [
      "the sidebar links to the Upsell rules page",
      async () => {
        await page.goto(`${base}/app`)
        await fromSidebar(page, "Upsell rules")
        await visible(page.getByRole("heading", { name: "Upsell rules", level: 1 }), "the Upsell rules heading", 30_000)
        await visible(page.getByText("No upsell rules yet").or(page.getByTestId("upsell-rules-table")), "the empty state or the rules")
      },
    ],
    [
      "creates a rule with a two-condition AND trigger",
      async () => {
        await page.getByTestId("create-upsell-rule").click()
        await drawer.getByLabel("Name").fill(UPSELL.name)
        await choose(page, "condition-segment-1", SEGMENT.name)
        await drawer.getByLabel("Level of condition 1").fill("1")
        await drawer.getByTestId("add-condition").click()
        await choose(page, "condition-kind-2", "Add-on count at least")
        await drawer.getByLabel("Add-ons of condition 2").fill("2")
        await visible(drawer.getByTestId("trigger-summary").getByText(SUMMARY), "the trigger read back in words")
        await choose(page, "upsell-action", "Suggest upgrade")
        await drawer.getByLabel("Incentive %").fill("5")
        await drawer.getByLabel("Headline").fill("Upgrade to {{to_tier}} for {{price_difference}} more")
        await drawer.getByLabel("Priority").fill("10")
        await drawer.getByLabel("Default Sales Channel").click()
        await page.screenshot({ path: shot("upsell-rule-form") })
        await drawer.getByTestId("drawer-submit").click()
        await gone(drawer, "the upsell rule drawer")
        await visible(ruleRow(UPSELL.name), "the new rule's row")
        const text = await ruleRow(UPSELL.name).innerText()
        for (const part of [SUMMARY, "Suggest upgrade", "5%", "Always", "Active", "Default Sales Channel"]) {
          expect(text.includes(part), `the row should show "${part}": ${text}`)
        }
        const stored = await storedRule(UPSELL.name)
        const trigger = { all: [{ viewing_tier: { segment: SEGMENT.handle, level: 1 } }, { addon_count_at_least: 2 }] }
        expect(stored && same(stored.trigger, trigger), `stored trigger: ${JSON.stringify(stored?.trigger)}`)
        expect(stored.action === "suggest_upgrade" && stored.priority === 10 && stored.incentive_percent === 5, "stored fields")
        expect(stored.sales_channel_ids.length === 1 && stored.is_active, `stored tenants: ${stored.sales_channel_ids}`)
      },
    ],
    [
      "shows the API's refusal of an unknown placeholder and keeps the drawer open",
      async () => {
        await openRuleMenu(UPSELL.name, "Edit")
        expect((await drawer.getByLabel("Level of condition 1").inputValue()) === "1", "the form starts from the rule")
        await drawer.getByLabel("Headline").fill("Upgrade for {{foo}}")
        await drawer.getByTestId("drawer-submit").click()
        await visible(drawer.getByTestId("form-error").getByText(/unknown placeholder.*foo/), "the API's message in the drawer")
        await visible(page.getByText("The change was not saved"), "the refusal toast")
        const stored = await storedRule(UPSELL.name)
        expect(stored.headline.includes("{{to_tier}}"), `the headline should be unchanged: ${stored.headline}`)
      },
    ],
    [
      "edits the rule: headline, priority and its last day",
      async () => {
        await drawer.getByLabel("Headline").fill("Only {{remaining_slots}} dates left for {{to_tier}}")
        await drawer.getByLabel("Priority").fill("20")
        await drawer.getByLabel("Last day").fill(`${NEXT_YEAR}-12-31`)
        await drawer.getByTestId("drawer-submit").click()
        await gone(drawer, "the upsell rule drawer")
        await visible(ruleRow(UPSELL.name).getByText(`Until ${NEXT_YEAR}-12-31`), "the window in the row")
        const stored = await storedRule(UPSELL.name)
        expect(stored.headline === "Only {{remaining_slots}} dates left for {{to_tier}}" && stored.priority === 20, "stored edit")
        expect(stored.ends_at?.startsWith(`${NEXT_YEAR + 1}-01-01T00:00:00`), `ends_at: ${stored.ends_at}`)
        expect(stored.trigger.all?.length === 2, "the trigger is untouched")
      },
    ],
    [
      "a nested trigger made through the API reads in words and survives an edit",
      async () => {
        const trigger = {
          all: [{ viewing_tier: { level: 1 } }, { any: [{ segment_in: [SEGMENT.handle] }, { high_demand_date: true }] }],
        }
        await admin.post("/admin/upsell-rules", { name: UPSELL.nested, trigger, action: "emphasize_scarcity", headline: "Few dates left" })
        await page.reload()
        const summary = `viewing a level 1 tier AND (segment is ${SEGMENT.name} OR high-demand date)`
        await visible(ruleRow(UPSELL.nested).getByText(summary, { exact: true }), "the nested summary", 30_000)
        await openRuleMenu(UPSELL.nested, "Edit")
        await visible(drawer.getByTestId("trigger-kept"), "the kept trigger")
        await drawer.getByLabel("Priority").fill("3")
        await drawer.getByTestId("drawer-submit").click()
        await gone(drawer, "the upsell rule drawer")
        const stored = await storedRule(UPSELL.nested)
        expect(stored.priority === 3 && same(stored.trigger, trigger), `stored: ${JSON.stringify(stored)}`)
        await admin.del(`/admin/upsell-rules/${stored.id}`)
      },
    ],
    [
      "deactivates the rule from the row menu; the filter follows",
      async () => {
        await openRuleMenu(UPSELL.name, "Deactivate")
        await visible(ruleRow(UPSELL.name).getByTestId("upsell-rule-active").getByText("Inactive"), "the inactive badge")
        expect((await storedRule(UPSELL.name)).is_active === false, "stored inactive")
        await choose(page, "upsell-rule-filter", /^Active$/)
        await gone(ruleRow(UPSELL.name), "the inactive rule under Active")
        await choose(page, "upsell-rule-filter", /^Inactive$/)
        await visible(ruleRow(UPSELL.name), "the rule under Inactive")
        await choose(page, "upsell-rule-filter", "All rules")
      },
    ],
    [
      "deletes the rule after the confirmation prompt",
      async () => {
        const { id } = await storedRule(UPSELL.name)
        await openRuleMenu(UPSELL.name, "Delete")
        await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click()
        await gone(ruleRow(UPSELL.name), "the deleted rule's row")
        expect((await admin.status(`/admin/upsell-rules/${id}`)) === 404, "the API no longer finds the rule")
        const rows = await dbQuery("SELECT deleted_at FROM upsell_rule WHERE id = $1", [id])
        expect(rows.length === 1 && rows[0].deleted_at !== null, "the rule's row is marked deleted")
      },
    ],
  ]
}

function experimentChecks(page, base, token) {
  const admin = adminApi(base, token)
  const drawer = page.getByTestId("experiment-drawer")
  const row = (key) => page.locator(`[data-testid="experiment-row"][data-experiment-key="${key}"]`)
  const stored = async (key) => {
    const { experiments } = await admin.get("/admin/experiments?limit=200")
    return experiments.find((e) => e.key === key)
  }
  const openMenu = async (name, item) => {
    await page.getByRole("button", { name: `Actions for experiment ${name}` }).click()
    await page.getByRole("menuitem", { name: item }).click()
  }
  const confirmPrompt = (button) => page.getByRole("alertdialog").getByRole("button", { name: button }).click()
  const waitForStatus = (key, status) => visible(row(key).getByTestId("experiment-status").getByText(status), `${key} ${status}`)
  let outsider = null

  /** Asks the page's visitor check and returns the answer it shows. */
  const checkVisitor = async (visitorId) => {
    const box = page.getByTestId("visitor-check")
    await choose(page, "check-experiment", new RegExp(EXPERIMENT.name))
    await box.getByLabel("Visitor id").fill(visitorId)
    await box.getByTestId("check-visitor-submit").click()
    const answer = box.getByTestId("assignment-variant")
    await visible(answer, "the assignment")
    return answer.innerText()
  }

  return [
    [
      "the sidebar links to the Experiments page",
      async () => {
        await page.goto(`${base}/app`)
        await fromSidebar(page, "Experiments")
        await visible(page.getByRole("heading", { name: "Experiments", level: 1 }), "the Experiments heading", 30_000)
        await visible(page.getByText("No experiments yet").or(page.getByTestId("experiments-table")), "the empty state or the list")
      },
    ],
    [
      "creates a draft with two variants (control and a 3x urgent copy)",
      async () => {
        const { upsell_rule: rule } = await admin.post("/admin/upsell-rules", {
          name: EXPERIMENT.rule,
          trigger: { addon_count_at_least: 2 },
          action: "suggest_upgrade",
          headline: "Go {{to_tier}}",
        })
        await page.getByTestId("create-experiment").click()
        await drawer.getByRole("group", { name: "Upsell rules" }).getByLabel(EXPERIMENT.rule).click()
        await drawer.getByLabel("Key", { exact: true }).fill(EXPERIMENT.key)
        await drawer.getByLabel("Name").fill(EXPERIMENT.name)
        await drawer.getByLabel("Traffic %").fill("10")
        await drawer.getByLabel("Variant 2 key").fill("urgent")
        await drawer.getByLabel("Weight").nth(1).fill("3")
        await drawer.getByLabel("Incentive %").nth(1).fill("5")
        await drawer.getByLabel("Headline override").nth(1).fill("Only {{remaining_slots}} dates left")
        expect((await drawer.getByTestId("variant-2-share").innerText()) === "75%", "the second variant's share")
        await page.screenshot({ path: shot("experiment-form") })
        await drawer.getByTestId("drawer-submit").click()
        await gone(drawer, "the experiment drawer")
        await waitForStatus(EXPERIMENT.key, "Draft")
        const text = await row(EXPERIMENT.key).innerText()
        for (const part of ["10%", "control 25%", "No change (control)", "urgent 75%", "Incentive 5%", "All tenants"]) {
          expect(text.includes(part), `the row should show "${part}": ${text}`)
        }
        const experiment = await stored(EXPERIMENT.key)
        expect(experiment.status === "draft" && experiment.traffic_percent === 10, "stored draft at 10%")
        expect(same(experiment.variants.map((v) => [v.key, v.weight]), [["control", 1], ["urgent", 3]]), "stored variants")
        expect(same(experiment.rule_ids, [rule.id]), "the stored experiment changes the ticked rule only")
      },
    ],
    [
      "starts the experiment; its variants are read-only",
      async () => {
        await openMenu(EXPERIMENT.name, "Start")
        await confirmPrompt("Start")
        await waitForStatus(EXPERIMENT.key, "Running")
        expect((await stored(EXPERIMENT.key)).status === "running", "stored running")
        await openMenu(EXPERIMENT.name, "Edit")
        await visible(drawer.getByTestId("variants-read-only"), "the read-only variants")
        expect((await drawer.getByTestId("variants-editor").count()) === 0, "no variant editor once running")
        expect(await drawer.getByLabel("Key", { exact: true }).isDisabled(), "the key is fixed once running")
        await visible(drawer.getByText(EXPERIMENT.rule, { exact: true }), "the experiment's rule, read-only")
      },
    ],
    [
      "a visitor outside the 10% traffic is shown as not in the experiment, as the API says",
      async () => {
        await drawer.getByRole("button", { name: "Cancel" }).click()
        await gone(drawer, "the experiment drawer")
        const { id } = await stored(EXPERIMENT.key)
        for (let i = 0; i < 100 && !outsider; i++) {
          const visitor = `visitor-${RUN}-${i}`
          const { variant } = await admin.get(`/admin/experiments/${id}/assignment?visitor_id=${visitor}`)
          if (variant === null) outsider = visitor
        }
        expect(outsider, "some visitor should fall outside 10% traffic")
        expect((await checkVisitor(outsider)) === "Not in the experiment", "the page's answer")
      },
    ],
    [
      "raises the running experiment's traffic to 100%: the visitor gets the API's variant",
      async () => {
        await openMenu(EXPERIMENT.name, "Edit")
        await drawer.getByLabel("Traffic %").fill("100")
        await drawer.getByTestId("drawer-submit").click()
        await gone(drawer, "the experiment drawer")
        await visible(row(EXPERIMENT.key).getByTestId("experiment-traffic").getByText("100%"), "the new traffic")
        const experiment = await stored(EXPERIMENT.key)
        expect(experiment.traffic_percent === 100 && experiment.variants.length === 2, "stored traffic, variants kept")
        const { variant } = await admin.get(`/admin/experiments/${experiment.id}/assignment?visitor_id=${outsider}`)
        expect(variant === "control" || variant === "urgent", `the API's variant: ${variant}`)
        // The answer on screen refreshes after the save.
        await visible(page.getByTestId("assignment-variant").getByText(variant, { exact: true }), `variant ${variant} on the page`)
      },
    ],
    [
      "a variant change refused because the experiment started meanwhile shows the API's message",
      async () => {
        const { experiment } = await admin.post("/admin/experiments", {
          key: EXPERIMENT.raced,
          name: `Raced ${RUN}`,
          variants: [{ key: "a", weight: 1 }, { key: "b", weight: 1 }],
        })
        await page.reload()
        await page.getByRole("button", { name: `Actions for experiment Raced ${RUN}` }).click({ timeout: 30_000 })
        await page.getByRole("menuitem", { name: "Edit" }).click()
        await visible(drawer.getByTestId("variants-editor"), "the variant editor of the draft")
        // Another admin starts it while this drawer is open.
        await admin.post(`/admin/experiments/${experiment.id}/start`)
        await drawer.getByLabel("Weight").nth(1).fill("2")
        await drawer.getByTestId("drawer-submit").click()
        await visible(drawer.getByTestId("form-error").getByText(/stop it and start a new one/), "the API's refusal in the drawer")
        await drawer.getByRole("button", { name: "Cancel" }).click()
        await gone(drawer, "the experiment drawer")
        expect((await admin.get(`/admin/experiments/${experiment.id}`)).experiment.variants[1].weight === 1, "variants unchanged")
        await admin.del(`/admin/experiments/${experiment.id}`)
      },
    ],
    [
      "stops the experiment",
      async () => {
        await page.reload()
        await openMenu(EXPERIMENT.name, "Stop")
        await confirmPrompt("Stop")
        await waitForStatus(EXPERIMENT.key, "Stopped")
        const experiment = await stored(EXPERIMENT.key)
        expect(experiment.status === "stopped" && experiment.stopped_at, "stored stopped")
        await page.getByRole("button", { name: `Actions for experiment ${EXPERIMENT.name}` }).click()
        expect((await page.getByRole("menuitem", { name: "Edit" }).count()) === 0, "a stopped experiment has no Edit")
        await page.keyboard.press("Escape")
      },
    ],
  ]
}

function flagChecks(page, base, token) {
  const admin = adminApi(base, token)
  const upsell = page.getByTestId("flag-upsell")
  const expectFlag = async (flag, value, source) => {
    await visible(flag.getByTestId("flag-value").getByText(value, { exact: true }), `the value ${value}`)
    await visible(flag.getByTestId("flag-source").getByText(source, { exact: true }), `the ${source} badge`)
  }

  return [
    [
      "the Tier flags page shows each flag's value and that it is the default",
      async () => {
        // A reused DATABASE_URL may hold an earlier run's overrides.
        await admin.del("/admin/tier-flags")
        await page.goto(`${base}/app`)
        await fromSidebar(page, "Tier flags")
        await visible(page.getByRole("heading", { name: "Tier flags", level: 1 }), "the Tier flags heading", 30_000)
        await expectFlag(upsell, "On", "Default")
        await expectFlag(page.getByTestId("flag-tenant_allowlist"), "Every tenant", "Default")
      },
    ],
    [
      "turns upsell off: overridden",
      async () => {
        await upsell.getByRole("switch").click()
        await expectFlag(upsell, "Off", "Overridden")
        const { flags, overrides } = await admin.get("/admin/tier-flags")
        expect(flags.upsell === false && overrides.upsell === false, `stored: ${JSON.stringify({ flags, overrides })}`)
      },
    ],
    [
      "resets upsell to its default",
      async () => {
        await upsell.getByRole("button", { name: "Reset to default" }).click()
        await expectFlag(upsell, "On", "Default")
        const { flags, overrides } = await admin.get("/admin/tier-flags")
        expect(flags.upsell === true && !("upsell" in overrides), `stored: ${JSON.stringify({ flags, overrides })}`)
      },
    ],
    [
      "sets the upsell rollout to 25%",
      async () => {
        const rollout = page.getByTestId("flag-upsell_rollout_percent")
        await rollout.getByLabel("Rollout %").fill("25")
        await rollout.getByTestId("save-rollout").click()
        await expectFlag(rollout, "25%", "Overridden")
        expect((await admin.get("/admin/tier-flags")).flags.upsell_rollout_percent === 25, "stored rollout")
      },
    ],
    [
      "limits the plugin to one tenant, then resets every flag",
      async () => {
        const allowlist = page.getByTestId("flag-tenant_allowlist")
        await allowlist.getByLabel("Only these tenants").click()
        await allowlist.getByLabel("Default Sales Channel").click()
        await allowlist.getByTestId("save-allowlist").click()
        await expectFlag(allowlist, "Only Default Sales Channel", "Overridden")
        const { flags } = await admin.get("/admin/tier-flags")
        expect(flags.tenant_allowlist?.length === 1, `stored allowlist: ${flags.tenant_allowlist}`)
        await page.getByTestId("reset-all-flags").click()
        await page.getByRole("alertdialog").getByRole("button", { name: "Reset" }).click()
        await expectFlag(allowlist, "Every tenant", "Default")
        await expectFlag(page.getByTestId("flag-upsell_rollout_percent"), "100%", "Default")
        expect(same((await admin.get("/admin/tier-flags")).overrides, {}), "no overrides left")
      },
    ],
  ]
}

/** A storefront's calls, with its publishable key. */
function storeApi(base, key) {
  const headers = { "x-publishable-api-key": key }
  return { post: (route, body = {}) => api(base, route, { method: "POST", body, headers }) }
}

/** A tenant: a sales channel and its storefront, with a publishable key for it alone. */
async function createTenant(base, admin, name) {
  const { sales_channel: channel } = await admin.post("/admin/sales-channels", { name })
  const { api_key: key } = await admin.post("/admin/api-keys", { title: `${name} storefront`, type: "publishable" })
  await admin.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [channel.id] })
  return { channel, store: storeApi(base, key.token) }
}

/** Pays a storefront cart with the system provider and places the order. */
async function checkout(store, cartId, who) {
  const { payment_collection: collection } = await store.post("/store/payment-collections", { cart_id: cartId })
  await store.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const completed = await store.post(`/store/carts/${cartId}/complete`)
  if (completed.type !== "order") throw new Error(`the cart of ${who} did not complete: ${JSON.stringify(completed.error ?? completed)}`)
  return completed.order
}

/** The tenant's storefront: funnel events, an upsell offer taken and one declined, and two orders. */
async function analyticsFixtures(base, token) {
  const admin = adminApi(base, token)
  const { channel, store } = await createTenant(base, admin, ANALYTICS.tenant)
  const { region } = await admin.post("/admin/regions", {
    name: ANALYTICS.region,
    currency_code: "usd",
    countries: [],
    payment_providers: ["pp_system_default"],
  })
  const { segment } = await admin.post("/admin/segments", { ...ANALYTICS.segment, rank: 9 })
  const tier = async (level, name, amount) => {
    const { product } = await admin.post("/admin/products", {
      ...productBody(`${name} ${RUN}`, amount),
      sales_channels: [{ id: channel.id }],
    })
    return (await admin.post(`/admin/segments/${segment.id}/tiers`, { level, name, product_id: product.id })).tier
  }
  const essential = await tier(1, "Essential", 5000)
  const select = await tier(2, "Select", 7500)

  const { upsell_rule: rule } = await admin.post("/admin/upsell-rules", {
    name: ANALYTICS.rule,
    trigger: { viewing_tier: { segment: ANALYTICS.segment.handle, level: 1 } },
    action: "show_comparison",
    headline: "Compare with the next package",
    priority: 100,
    sales_channel_ids: [channel.id],
  })
  const { experiment } = await admin.post("/admin/experiments", {
    ...ANALYTICS.experiment,
    traffic_percent: 100,
    variants: [{ key: "control", weight: 1 }, { key: "urgent", weight: 1, headline: "Dates are going fast" }],
    sales_channel_ids: [channel.id],
    rule_ids: [rule.id],
  })
  await admin.post(`/admin/experiments/${experiment.id}/start`)

  // Four visitors pick the segment; a1, a2 and a3 view a tier (a2 twice), a1 and a2 compare,
  // start checkout and order: a1 the Select ($7,500), a2 the Essential ($5,000) after taking an offer.
  const event = (name, visitor, extra = {}) => store.post("/store/tier-events", { name, visitor_id: visitor, ...extra })
  const bySegment = { segment: ANALYTICS.segment.handle }
  // The server buckets and counts only the visitor ids it signed: each visitor asks for one first.
  const ids = {}
  for (const v of ["a1", "a2", "a3", "a4"]) ids[v] = (await store.post("/store/tiered/visitor")).visitor_id
  const visitor = (v) => ids[v]
  for (const v of ["a1", "a2", "a3", "a4"]) await event("segment_selected", visitor(v), bySegment)
  for (const [v, t] of [["a1", select], ["a2", essential], ["a2", essential], ["a3", essential], ["a3", select]]) {
    await event("tier_viewed", visitor(v), { tier_id: t.id })
  }
  for (const v of ["a1", "a2"]) await event("tier_compared", visitor(v), bySegment)
  for (const v of ["a1", "a2"]) await event("checkout_started", visitor(v), bySegment)

  const order = async (v, t, date, offer) => {
    const { cart } = await store.post("/store/carts", { region_id: region.id, email: `${v}@example.com`, metadata: { visitor_id: visitor(v) } })
    await store.post(`/store/carts/${cart.id}/tier-items`, { tier_id: t.id, event_date: date })
    if (offer) await offer(cart.id)
    return checkout(store, cart.id, v)
  }
  const offerFor = async (v, extra) => {
    const { offers } = await store.post("/store/upsell/offers", {
      visitor_id: visitor(v),
      region_id: region.id,
      context: { segment: ANALYTICS.segment.handle, viewing_tier_id: essential.id },
      ...extra,
    })
    const offer = offers.find((o) => o.rule_id === rule.id)
    if (!offer) throw new Error(`no offer of the analytics rule for ${v}: ${JSON.stringify(offers)}`)
    return offer
  }
  await order("a1", select, ANALYTICS.dates[0])
  await order("a2", essential, ANALYTICS.dates[1], async (cartId) => {
    const offer = await offerFor("a2", { cart_id: cartId })
    await store.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" })
  })
  const declined = await offerFor("a3")
  await store.post(`/store/upsell/offers/${declined.id}/decision`, { decision: "declined" })

  // Conversions are written by subscribers after the order: wait until the reports hold both.
  const tenantQuery = `sales_channel_id=${channel.id}`
  let orders = 0
  for (let i = 0; i < 60 && orders < 2; i++) {
    if (i) await new Promise((r) => setTimeout(r, 500))
    const { by_segment } = await admin.get(`/admin/tier-analytics/revenue?${tenantQuery}`)
    orders = by_segment.find((r) => r.segment_id === segment.id)?.orders ?? 0
  }
  if (orders !== 2) throw new Error(`the revenue report shows ${orders} of the 2 orders after 30 s`)
  return { channel, segment, essential, select, rule, experiment }
}

function analyticsChecks(page, base, token) {
  const admin = adminApi(base, token)
  const handle = ANALYTICS.segment.handle
  const section = (name) => page.getByTestId(`${name}-section`)
  /** The texts of the cells with these test ids inside a row. */
  const texts = async (row, ids) => {
    await visible(row, "a report row")
    return Object.fromEntries(await Promise.all(ids.map(async (id) => [id, (await row.getByTestId(id).innerText()).trim()])))
  }
  const show = (name) => section(name).scrollIntoViewIfNeeded()
  const tickFill = () => page.getByTestId("funnel-chart").locator(".recharts-cartesian-axis-tick-value").first().evaluate((el) => getComputedStyle(el).fill)
  const expectTexts = async (row, expected, what) => {
    const actual = await texts(row, Object.keys(expected))
    expect(same(actual, expected), `${what}: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(actual)}`)
  }
  const funnelCells = (counts, rates, overall) => ({
    ...Object.fromEntries(["segment_selected", "tier_viewed", "tier_compared", "checkout_started", "order"].map((s, i) => [`funnel-${s}`, counts[i]])),
    ...Object.fromEntries(["tier_viewed", "tier_compared", "checkout_started", "order"].map((s, i) => [`funnel-rate-${s}`, rates[i]])),
    "funnel-overall": overall,
  })
  const download = async (report) => {
    const [file] = await Promise.all([page.waitForEvent("download"), section(report).getByTestId(`export-${report}`).click()])
    const failure = await file.failure()
    expect(!failure, `the ${report} CSV download failed: ${failure}`)
    return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), "utf8") }
  }
  let fixtures

  return [
    [
      "the storefront's events, an offer taken and declined, and two orders reach the reports",
      async () => {
        fixtures = await analyticsFixtures(base, token)
        // Charts draw at once (Recharts skips its animation), so screenshots show the final bars.
        await page.emulateMedia({ reducedMotion: "reduce" })
      },
    ],
    [
      "the sidebar links to the Tier analytics page: the funnel's counts and step rates, by hand",
      async () => {
        await page.goto(`${base}/app`)
        await fromSidebar(page, "Tier analytics")
        await visible(page.getByRole("heading", { name: "Tier analytics", level: 1 }), "the Tier analytics heading", 30_000)
        const today = new Date().toISOString().slice(0, 10)
        const monthAgo = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)
        expect((await page.getByLabel("From", { exact: true }).inputValue()) === monthAgo, "From defaults to 29 days ago")
        expect((await page.getByLabel("To", { exact: true }).inputValue()) === today, "To defaults to today")
        await visible(page.getByTestId("analytics-tenant").getByText("All tenants"), "All tenants by default")
        // 4 selected; 3 viewed (75%); 2 compared (66.7%); 2 at checkout (100%); 2 orders (100%); 2 of 4 overall.
        await expectTexts(page.getByTestId(`funnel-row-${handle}`), funnelCells(["4", "3", "2", "2", "2"], ["75%", "66.7%", "100%", "100%"], "50%"), "the segment's funnel")
        const chart = page.getByTestId("funnel-chart")
        expect((await chart.locator(".recharts-bar-rectangle").count()) >= 5, "the funnel chart draws a bar per step")
        await visible(chart.getByText(ANALYTICS.segment.name), "the segment in the chart's legend")
      },
    ],
    [
      "the tenant picker narrows every report to the tenant: its funnel total is the segment's",
      async () => {
        await choose(page, "analytics-tenant", ANALYTICS.tenant)
        await expectTexts(page.getByTestId("funnel-row-all"), funnelCells(["4", "3", "2", "2", "2"], ["75%", "66.7%", "100%", "100%"], "50%"), "the tenant's funnel total")
        expect((await section("funnel").locator("tbody tr").count()) === 2, "the tenant's funnel: its segment and the total")
      },
    ],
    [
      "revenue and commission by segment and tier at the segment's 10%",
      async () => {
        const revenue = section("revenue")
        await show("revenue")
        // $7,500 + $5,000 in two orders; 10% commission: $750 + $500.
        await expectTexts(revenue.getByTestId(`revenue-segment-${fixtures.segment.id}`), {
          "revenue-orders": "2",
          "revenue-packages": "$12,500.00",
          "revenue-addons": "$0.00",
          "revenue-total": "$12,500.00",
          "revenue-commission": "$1,250.00",
        }, "the segment's revenue")
        await expectTexts(revenue.getByTestId(`revenue-tier-${fixtures.select.id}`), { "revenue-orders": "1", "revenue-total": "$7,500.00", "revenue-commission": "$750.00" }, "Select's revenue")
        await expectTexts(revenue.getByTestId(`revenue-tier-${fixtures.essential.id}`), { "revenue-orders": "1", "revenue-total": "$5,000.00", "revenue-commission": "$500.00" }, "Essential's revenue")
        const rows = await revenue.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-testid")))
        expect(same(rows, [`revenue-segment-${fixtures.segment.id}`, `revenue-tier-${fixtures.select.id}`, `revenue-tier-${fixtures.essential.id}`]), `segment first, then tiers by revenue: ${rows}`)
        expect((await revenue.getByTestId("revenue-chart-usd").locator(".recharts-line-curve").count()) === 1, "one revenue line for the one segment")
        await choose(page, "revenue-interval", "Per month")
        await visible(revenue.getByText("Revenue per month (USD)"), "the monthly chart's title")
        await expectTexts(revenue.getByTestId(`revenue-segment-${fixtures.segment.id}`), { "revenue-total": "$12,500.00" }, "the same totals per month")
      },
    ],
    [
      "tier popularity: orders and views per tier",
      async () => {
        const tiers = section("tiers")
        await show("tiers")
        // Essential viewed by a2 (twice) and a3; Select by a1 and a3; one order each.
        await expectTexts(tiers.getByTestId(`tier-row-${fixtures.essential.id}`), {
          "tier-views": "2",
          "tier-orders": "1",
          "tier-order-rate": "50%",
          "tier-revenue": "$5,000.00",
          "tier-commission": "$500.00",
        }, "Essential")
        await expectTexts(tiers.getByTestId(`tier-row-${fixtures.select.id}`), {
          "tier-views": "2",
          "tier-orders": "1",
          "tier-revenue": "$7,500.00",
          "tier-commission": "$750.00",
        }, "Select")
        expect((await tiers.getByTestId("tiers-chart").locator(".recharts-bar-rectangle").count()) === 4, "orders and views bars for two tiers")
      },
    ],
    [
      "upsell: the rule's offers shown, accepted and declined, its rate and the order it won",
      async () => {
        await show("upsell")
        await expectTexts(section("upsell").getByTestId(`upsell-row-${fixtures.rule.id}`), {
          "upsell-shown": "2",
          "upsell-accepted": "1",
          "upsell-declined": "1",
          "upsell-rate": "50%",
          "upsell-orders": "1",
          "upsell-revenue": "$5,000.00",
        }, "the analytics rule")
      },
    ],
    [
      "experiments: each variant's visitors and conversions as the API counts them, and not enough data to compare",
      async () => {
        const { experiments } = await admin.get(`/admin/tier-analytics/experiments?sales_channel_id=${fixtures.channel.id}`)
        const result = experiments.find((e) => e.key === ANALYTICS.experiment.key)
        expect(result, "the experiment in the API's report")
        const sum = (key) => result.variants.reduce((n, v) => n + v[key], 0)
        expect(sum("visitors") === 2 && sum("conversions") === 1, `a2 and a3 saw offers, a2 ordered: ${JSON.stringify(result.variants)}`)
        const block = page.getByTestId(`experiment-${ANALYTICS.experiment.key}`)
        await block.scrollIntoViewIfNeeded()
        for (const [i, v] of result.variants.entries()) {
          await expectTexts(block.getByTestId(`variant-row-${v.key}`), {
            "variant-visitors": String(v.visitors),
            "variant-conversions": String(v.conversions),
            "variant-verdict": i === 0 ? "Control" : "Not enough data",
          }, `variant ${v.key}`)
        }
      },
    ],
    [
      "exports the tier popularity and the funnel as the API's CSV files",
      async () => {
        const today = new Date().toISOString().slice(0, 10)
        const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)
        const tiers = await download("tiers")
        expect(tiers.name === `tiers-${from}-${today}.csv`, `file name ${tiers.name}`)
        const name = ANALYTICS.segment.name
        expect(
          same(tiers.text.split("\r\n"), [
            "tier_id,tier_name,level,segment_name,views,orders,revenue,addon_revenue,commission,currency_code",
            `${fixtures.essential.id},Essential,1,${name},2,1,5000,0,500,usd`,
            `${fixtures.select.id},Select,2,${name},2,1,7500,0,750,usd`,
            "",
          ]),
          `tiers CSV: ${JSON.stringify(tiers.text)}`
        )
        const funnel = await download("funnel")
        expect(
          same(funnel.text.split("\r\n"), ["segment,segment_selected,tier_viewed,tier_compared,checkout_started,order", `${handle},4,3,2,2,2`, "all,4,3,2,2,2", ""]),
          `funnel CSV: ${JSON.stringify(funnel.text)}`
        )
      },
    ],
    [
      "the date range filters the reports and a backwards range is refused on the page",
      async () => {
        const year = NEXT_YEAR - 3
        await page.getByLabel("From", { exact: true }).fill(`${year}-01-01`)
        await page.getByLabel("To", { exact: true }).fill(`${year}-01-31`)
        await visible(section("funnel").getByText("No funnel events or orders in this range."), "the funnel's empty state")
        await visible(section("revenue").getByText("No orders in this range."), "the revenue's empty state")
        await visible(section("tiers").getByText("No tier was viewed or ordered in this range."), "the tiers' empty state")
        await page.getByLabel("From", { exact: true }).fill(`${year}-02-05`)
        await visible(page.getByTestId("range-problem").getByText("From must be on or before To."), "the range refused")
        expect(await section("funnel").getByTestId("export-funnel").isDisabled(), "no export of a backwards range")
        await page.reload()
        await visible(page.getByTestId(`funnel-row-${handle}`), "the segment again in the default range", 30_000)
      },
    ],
    [
      "in the dark theme the charts take the dashboard's dark colours",
      async () => {
        const light = await tickFill()
        // The dashboard follows the system theme when it starts.
        await page.emulateMedia({ colorScheme: "dark" })
        await page.reload()
        await visible(page.getByTestId(`funnel-row-${handle}`), "the page in the dark theme", 30_000)
        expect(await page.evaluate(() => document.documentElement.classList.contains("dark")), "the dashboard in its dark theme")
        const dark = await tickFill()
        expect(light !== dark, `axis labels should change colour with the theme (light ${light}, dark ${dark})`)
        for (const name of ["funnel", "revenue", "tiers", "upsell", "experiments"]) {
          await section(name).screenshot({ path: shot(`tier-analytics-dark-${name}`) })
        }
        await page.emulateMedia({ colorScheme: "light" })
      },
    ],
  ]
}

/** A tenant with its storefront key, a USD region and a 10% segment whose tier takes an add-on. */
async function payoutFixtures(base, token) {
  const admin = adminApi(base, token)
  const { channel, store } = await createTenant(base, admin, PAYOUTS.tenant)
  const { region } = await admin.post("/admin/regions", { name: PAYOUTS.region, currency_code: "usd", countries: [], payment_providers: ["pp_system_default"] })
  const { segment } = await admin.post("/admin/segments", { ...PAYOUTS.segment, rank: 10 })
  const product = async (title, amount) =>
    (await admin.post("/admin/products", { ...productBody(title, amount), sales_channels: [{ id: channel.id }] })).product
  const tierProduct = await product(PAYOUTS.tier, 7500)
  const { tier } = await admin.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: PAYOUTS.tier, product_id: tierProduct.id })
  const album = await product(PAYOUTS.addon, 1000)
  await admin.post("/admin/addon-rules", { product_id: album.id, segment_id: segment.id, max_quantity: 2 })
  const plain = await product(PAYOUTS.plain, 250)
  return { channel, store, region, segment, tier, album, plain }
}

/** Stripe's signed delivery of an event to the plugin's Connect webhook endpoint. */
async function connectWebhook(base, event, secret = STRIPE_WEBHOOK_SECRET) {
  const payload = JSON.stringify(event)
  const signature = new Stripe("sk_test_signer").webhooks.generateTestHeaderString({ payload, secret })
  const response = await fetch(`${base}/hooks/stripe-connect`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  })
  return { status: response.status, json: await response.json().catch(() => ({})) }
}

function payoutChecks(page, base, token) {
  const admin = adminApi(base, token)
  const row = () => page.getByTestId(`commission-row-${PAYOUTS.segment.handle}`)
  const connect = page.getByTestId("connect-section")
  const widget = page.getByTestId("order-tier-widget")
  const text = async (locator) => (await locator.innerText()).trim()
  const expectRate = async (effective, source) => {
    await visible(row().getByTestId("commission-effective").getByText(effective, { exact: true }), `the effective rate ${effective}`)
    await visible(row().getByTestId("commission-source").getByText(source, { exact: true }), `the ${source} badge`)
  }
  const storedRate = async () =>
    (await admin.get(`/admin/commission-rates/${fixtures.channel.id}`)).rates.find((r) => r.segment_id === fixtures.segment.id)
  const expectConnect = async (status, flags) => {
    await visible(page.getByTestId("connect-status").getByText(status, { exact: true }), `the status ${status}`)
    for (const [id, value] of Object.entries(flags)) {
      await visible(connect.getByTestId(id).getByText(value, { exact: true }), `${id} ${value}`)
    }
  }
  const payoutsUrl = () => `${base}/app/tiered/commission-payouts?sales_channel_id=${fixtures.channel.id}`
  // The server's default return and refresh URL: the page's old address, which redirects to it.
  const stripeBackUrl = () => `${base}/app/commission-payouts?sales_channel_id=${fixtures.channel.id}`
  let fixtures
  let order
  let account

  return [
    [
      "the sidebar links to the Commission & payouts page: a tenant's segment at its own 10%",
      async () => {
        fixtures = await payoutFixtures(base, token)
        await page.goto(`${base}/app`)
        await fromSidebar(page, "Commission & payouts")
        await visible(page.getByRole("heading", { name: "Commission & payouts", level: 1 }), "the Commission & payouts heading", 30_000)
        await visible(page.getByText("Choose a tenant to see its commission and payouts."), "the prompt to choose a tenant")
        await choose(page, "payouts-tenant", PAYOUTS.tenant)
        await page.waitForURL((url) => url.searchParams.get("sales_channel_id") === fixtures.channel.id)
        await visible(row(), "the segment's row")
        expect((await text(row().getByTestId("commission-segment-rate"))) === "10%", "the segment's rate")
        await expectRate("10%", "Segment rate")
        expect((await row().getByLabel(`Override for ${PAYOUTS.segment.name}`).inputValue()) === "", "no override yet")
        await visible(page.getByTestId("commission-section").getByRole("link", { name: "Segments page" }), "the pointer to the Segments page")
        // The segment deleted on the Segments page takes no more orders, so it asks for no rate.
        await visible(page.getByTestId(`commission-row-${SEGMENT.handle}`), "a live segment's row")
        expect((await page.getByTestId(`commission-row-${CLONE.handle}`).count()) === 0, "no row for the deleted segment")
      },
    ],
    [
      "sets the tenant's override to 12%: the effective rate follows and the API stores it",
      async () => {
        await row().getByLabel(`Override for ${PAYOUTS.segment.name}`).fill("12")
        await page.getByTestId("save-commission").click()
        await expectRate("12%", "Tenant override")
        const stored = await storedRate()
        expect(stored.override_percent === 12 && stored.effective_percent === 12 && stored.segment_percent === 10, `stored: ${JSON.stringify(stored)}`)
      },
    ],
    [
      "the order page's widget shows an order's package, date, guests, booking and commission at the tenant's 12%",
      async () => {
        const { cart } = await fixtures.store.post("/store/carts", { region_id: fixtures.region.id, email: `payouts-${RUN}@example.com` })
        await fixtures.store.post(`/store/carts/${cart.id}/tier-items`, {
          tier_id: fixtures.tier.id,
          event_date: PAYOUTS.date,
          guest_count: PAYOUTS.guests,
          addon_variant_ids: [fixtures.album.variants[0].id],
        })
        order = await checkout(fixtures.store, cart.id, "the payouts couple")
        // The conversion is written by a subscriber after the order.
        let summary
        for (let i = 0; i < 60 && !summary?.commission; i++) {
          if (i) await new Promise((r) => setTimeout(r, 500))
          summary = (await admin.get(`/admin/orders/${order.id}/tier-summary`)).tier_summary
        }
        // ($7,500 + $1,000) x 12%
        expect(summary.commission === 1020, `the order's commission: ${JSON.stringify(summary)}`)
        await page.goto(`${base}/app/orders/${order.id}`)
        await visible(widget, "the order tier widget", 60_000)
        await widget.scrollIntoViewIfNeeded()
        await visible(widget.getByTestId("order-tier-commission"), "the order's commission")
        const line = widget.getByTestId(`order-tier-line-${summary.lines[0].line_item_id}`)
        const shown = {
          commission: await text(widget.getByTestId("order-tier-commission")),
          revenue: await text(widget.getByTestId("order-tier-revenue")),
          addons: await text(widget.getByTestId("order-tier-addon-revenue")),
          tier: await text(line.getByTestId("order-tier-line-tier")),
          segment: await text(line.getByTestId("order-tier-line-segment")),
          guests: await text(line.getByTestId("order-tier-line-guests")),
          booking: await text(line.getByTestId("order-tier-line-booking")),
          lineCommission: await text(line.getByTestId("order-tier-line-commission")),
        }
        const expected = {
          commission: "$1,020.00",
          revenue: "$7,500.00",
          addons: "$1,000.00",
          tier: `Level 2 · ${PAYOUTS.tier}`,
          segment: PAYOUTS.segment.name,
          guests: "80",
          booking: "Confirmed",
          lineCommission: "$1,020.00",
        }
        expect(same(shown, expected), `the widget: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(shown)}`)
        const date = await text(line.getByTestId("order-tier-line-date"))
        expect(date.includes(`Nov 24, ${NEXT_YEAR}`), `the event date: ${date}`)
        expect((await widget.getByTestId("order-tier-line-tier").count()) === 1, "one tier line")
      },
    ],
    [
      "an order without packages says so on its page",
      async () => {
        const { cart } = await fixtures.store.post("/store/carts", { region_id: fixtures.region.id, email: `plain-${RUN}@example.com` })
        await fixtures.store.post(`/store/carts/${cart.id}/line-items`, { variant_id: fixtures.plain.variants[0].id, quantity: 1 })
        const plain = await checkout(fixtures.store, cart.id, "the plain cart")
        await page.goto(`${base}/app/orders/${plain.id}`)
        await visible(widget.getByText("No tier packages in this order."), "the widget's empty state", 60_000)
        await widget.scrollIntoViewIfNeeded()
      },
    ],
    [
      "clears the override: back to the segment's 10%, while the placed order keeps its commission",
      async () => {
        await page.goto(payoutsUrl())
        await expectRate("12%", "Tenant override")
        await row().getByRole("button", { name: `Clear override for ${PAYOUTS.segment.name}` }).click()
        await expectRate("10%", "Segment rate")
        const stored = await storedRate()
        expect(stored.override_percent === null && stored.effective_percent === 10, `stored: ${JSON.stringify(stored)}`)
        const { tier_summary } = await admin.get(`/admin/orders/${order.id}/tier-summary`)
        expect(tier_summary.commission === 1020, `the placed order's commission: ${tier_summary.commission}`)
      },
    ],
    [
      "Connect with Stripe opens the onboarding link Stripe gave for the tenant's new Express account",
      async () => {
        await expectConnect("Not set up", {})
        const onboarding = page.getByTestId("connect-onboarding")
        expect((await text(onboarding)) === "Connect with Stripe", "the Connect button")
        // Stripe's hosted onboarding, in place of the real site.
        await page.route("https://connect.stripe.test/**", (route) => route.fulfill({ contentType: "text/html", body: "<h1>Stripe onboarding</h1>" }))
        await onboarding.click()
        await page.waitForURL(/^https:\/\/connect\.stripe\.test\//, { timeout: 30_000 })
        ;({ account } = await admin.get(`/admin/stripe-connect/accounts/${fixtures.channel.id}`))
        const [created, ...more] = stripe.calls("POST", "/v1/accounts")
        expect(created && !more.length && created.body.type === "express" && created.body.metadata?.sales_channel_id === fixtures.channel.id, `accounts created: ${JSON.stringify(stripe.calls("POST", "/v1/accounts"))}`)
        expect(account.stripe_account_id === [...stripe.accounts.keys()][0], `the stored account: ${JSON.stringify(account)}`)
        const links = stripe.calls("POST", "/v1/account_links")
        const link = links.at(-1)
        expect(links.length === 1 && link.body.account === account.stripe_account_id && link.body.type === "account_onboarding", `account links: ${JSON.stringify(links)}`)
        expect(link.body.return_url === stripeBackUrl() && link.body.refresh_url === stripeBackUrl(), `back to the page with the tenant: ${JSON.stringify(link.body)}`)
        expect(page.url().startsWith(`https://connect.stripe.test/setup/e/${account.stripe_account_id}/`), `the onboarding link: ${page.url()}`)
      },
    ],
    [
      "back from Stripe: the tenant chosen, onboarding not finished, with Stripe's requirements",
      async () => {
        await page.goto(stripe.calls("POST", "/v1/account_links").at(-1).body.return_url)
        await visible(page.getByTestId("payouts-tenant").getByText(PAYOUTS.tenant), "the tenant chosen", 30_000)
        expect(page.url() === payoutsUrl(), `the old address leads to the page: ${page.url()}`)
        await expectConnect("Onboarding not finished", { "connect-details": "No", "connect-charges": "No", "connect-payouts": "No" })
        const due = await text(connect.getByTestId("connect-requirements"))
        expect(due.includes("Bank account for payouts") && due.includes("Acceptance of Stripe's terms"), `requirements: ${due}`)
        expect((await text(page.getByTestId("connect-onboarding"))) === "Continue onboarding", "the button to continue")
        expect((await text(connect.getByTestId("connect-account-id"))) === account.stripe_account_id, "the Stripe account id")
      },
    ],
    [
      "a signed account.updated webhook enables charges: the page shows it on reload; a forged one changes nothing",
      async () => {
        const enabled = { details_submitted: true, charges_enabled: true, payouts_enabled: false, requirements: { currently_due: [] } }
        const event = (id) => ({ id, object: "event", type: "account.updated", data: { object: { id: account.stripe_account_id, object: "account", ...enabled } } })
        const forged = await connectWebhook(base, event(`evt_forged_${RUN}`), "whsec_wrong")
        expect(forged.status === 400, `a forged webhook: ${forged.status}`)
        expect((await admin.get(`/admin/stripe-connect/accounts/${fixtures.channel.id}`)).account.charges_enabled === false, "nothing changed")
        // Stripe's side says the same as its event, so a refresh would agree.
        stripe.setAccount(account.stripe_account_id, enabled)
        const signed = await connectWebhook(base, event(`evt_enabled_${RUN}`))
        expect(signed.status === 200 && signed.json.duplicate === false, `the signed webhook: ${JSON.stringify(signed)}`)
        await page.reload()
        await expectConnect("Charges enabled", { "connect-details": "Yes", "connect-charges": "Yes", "connect-payouts": "No", "connect-requirements": "None" })
        expect((await page.getByTestId("connect-onboarding").count()) === 0, "nothing left to onboard")
      },
    ],
    [
      "Refresh status reads Stripe now: payouts enabled",
      async () => {
        stripe.setAccount(account.stripe_account_id, { payouts_enabled: true })
        const reads = stripe.calls("GET", `/v1/accounts/${account.stripe_account_id}`).length
        await page.getByTestId("connect-refresh").click()
        await expectConnect("Payouts enabled", { "connect-payouts": "Yes", "connect-charges": "Yes" })
        expect(stripe.calls("GET", `/v1/accounts/${account.stripe_account_id}`).length === reads + 1, "one read of the account from Stripe")
        const stored = (await admin.get(`/admin/stripe-connect/accounts/${fixtures.channel.id}`)).account
        expect(stored.payouts_enabled && stored.charges_enabled && stored.can_take_payments, `stored: ${JSON.stringify(stored)}`)
      },
    ],
  ]
}

/**
 * Two orders of a tenant of their own lose their bookings (deleted in the database, as a process
 * killed between two checkout steps leaves them); a third couple then books the second order's date
 * through the store, so the reconciler can book the first order again but must flag the second.
 */
async function repairFixtures(base, token) {
  const admin = adminApi(base, token)
  const { channel, store } = await createTenant(base, admin, REPAIRS.tenant)
  const { region } = await admin.post("/admin/regions", { name: REPAIRS.region, currency_code: "usd", countries: [], payment_providers: ["pp_system_default"] })
  const { segment } = await admin.post("/admin/segments", { ...REPAIRS.segment, rank: 11 })
  const { product } = await admin.post("/admin/products", { ...productBody(REPAIRS.tier, 7500), sales_channels: [{ id: channel.id }] })
  const { tier } = await admin.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: REPAIRS.tier, product_id: product.id })
  const place = async (who, date) => {
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

function repairChecks(page, base, token) {
  const admin = adminApi(base, token)
  const section = page.getByTestId("tier-repairs-section")
  const openList = page.getByTestId("tier-repairs-open")
  const recentList = page.getByTestId("tier-repairs-recent")
  const widget = page.getByTestId("order-tier-widget")
  const rowOf = (list, kind, orderId) => list.locator(`[data-testid="tier-repair"][data-kind="${kind}"]`).filter({ has: page.locator(`a[href$="/orders/${orderId}"]`) })
  const text = async (locator) => (await locator.innerText()).trim()
  const repairsOf = async (orderId) => (await admin.get(`/admin/tier-repairs?order_id=${orderId}`)).repairs
  const TAKEN = `on ${REPAIRS.dates[1]} has no booking: the date was taken by another booking`
  let fixtures
  let flag

  return [
    [
      "Check now on the Availability page runs the reconciler: the flagged order with its reason, date and link, and the repaired one",
      async () => {
        fixtures = await repairFixtures(base, token)
        const before = (await admin.get(`/admin/tier-repairs?sales_channel_id=${fixtures.channel.id}`)).last_run
        await page.goto(`${base}/app`)
        await fromSidebar(page, "Availability")
        await visible(page.getByRole("heading", { name: "Availability", level: 1 }), "the Availability heading", 30_000)
        await choose(page, "availability-channel", REPAIRS.tenant)
        await visible(section, "the repairs section")
        await section.scrollIntoViewIfNeeded()
        await page.getByTestId("check-now").click()
        await visible(page.getByText(/^Checked [\d,]+ orders?: /), "the run's result in a toast", 60_000)

        const { last_run } = await admin.get(`/admin/tier-repairs?sales_channel_id=${fixtures.channel.id}`)
        expect(last_run && last_run.id !== before?.id && last_run.trigger === "admin" && !last_run.error, `the last run: ${JSON.stringify({ before, last_run })}`)
        ;[flag] = (await repairsOf(fixtures.second.id)).filter((r) => r.kind === "order_flagged")
        expect(flag && flag.needs_attention && !flag.resolved_at && flag.reason.includes(TAKEN), `the second order's flag: ${JSON.stringify(flag)}`)
        const repaired = (await repairsOf(fixtures.first.id)).map((r) => r.kind)
        expect(repaired.includes("booking_created"), `the first order's repairs: ${repaired}`)
        const booked = await dbQuery("SELECT event_date FROM booking WHERE order_id = $1 AND status = 'confirmed' AND deleted_at IS NULL", [fixtures.first.id])
        expect(booked.length === 1 && booked[0].event_date === REPAIRS.dates[0], `the first order's booking: ${JSON.stringify(booked)}`)

        const open = rowOf(openList, "order_flagged", fixtures.second.id)
        await visible(open, "the open flag in the Needs attention list")
        expect((await openList.locator('[data-testid="tier-repair"]').count()) === 1, "one open flag for the tenant")
        expect((await text(open.getByTestId("tier-repair-state"))) === "Needs attention", "the flag's state")
        expect((await text(open.getByTestId("tier-repair-kind"))) === "Order flagged", "the flag's kind")
        expect((await text(open.getByTestId("tier-repair-reason"))).includes(TAKEN), "the flag's reason")
        expect((await text(open.getByTestId("tier-repair-date"))).includes(`Oct 13, ${NEXT_YEAR}`), "the flag's event date")
        expect((await open.getByTestId("tier-repair-order").getAttribute("href")) === `/app/orders/${fixtures.second.id}`, "the link to the order")
        await visible(open.getByRole("button", { name: "Mark resolved" }), "the Mark resolved button")
        expect((await text(openList)).includes("Needs attention (1)"), "the open flags counted in the title")

        const fixed = rowOf(recentList, "booking_created", fixtures.first.id)
        await visible(fixed, "the repair in the Recent repairs list")
        expect((await text(fixed.getByTestId("tier-repair-state"))) === "Repaired", "the repair's state")
        expect((await text(fixed.getByTestId("tier-repair-kind"))) === "Missing booking created", "the repair's kind")
        expect((await fixed.getByRole("button", { name: "Mark resolved" }).count()) === 0, "a repair has nothing to resolve")
        expect((await rowOf(recentList, "order_flagged", fixtures.second.id).count()) === 0, "the open flag is not repeated below")
        const lastRun = await text(page.getByTestId("tier-repairs-last-run"))
        expect(/^Last checked (just now|1 minute ago): [\d,]+ orders?, [\d,]+ repairs?$/.test(lastRun), `the last run: ${lastRun}`)
        await openList.scrollIntoViewIfNeeded()
      },
    ],
    [
      "the order page's widget shows the flag with its reason and Mark resolved, and the other order's repair beside its booking",
      async () => {
        await page.goto(`${base}/app/orders/${fixtures.second.id}`)
        await visible(widget.getByTestId("order-tier-repairs"), "the repairs in the order widget", 60_000)
        await widget.scrollIntoViewIfNeeded()
        const row = widget.locator(`[data-testid="tier-repair"][data-repair-id="${flag.id}"]`)
        await visible(row, "the flag in the widget")
        expect((await text(row.getByTestId("tier-repair-state"))) === "Needs attention", "the flag's state in the widget")
        expect((await text(row.getByTestId("tier-repair-reason"))).includes(TAKEN), "the flag's reason in the widget")
        await visible(row.getByRole("button", { name: "Mark resolved" }), "Mark resolved in the widget")
        expect((await text(widget.getByTestId("order-tier-line-booking"))) === "Not booked", "the flagged line has no booking")
        await page.screenshot({ path: shot("order-flagged") })

        await page.goto(`${base}/app/orders/${fixtures.first.id}`)
        await visible(widget.getByTestId("order-tier-repairs"), "the repairs in the other order's widget", 60_000)
        await widget.scrollIntoViewIfNeeded()
        const fixed = widget.locator('[data-testid="tier-repair"][data-kind="booking_created"]')
        await visible(fixed, "the repair in the widget")
        expect((await text(fixed.getByTestId("tier-repair-kind"))) === "Missing booking created", "the repair's kind in the widget")
        expect((await text(fixed.getByTestId("tier-repair-state"))) === "Repaired", "the repair's state in the widget")
        expect((await text(widget.getByTestId("order-tier-line-booking"))) === "Confirmed", "the repaired line is booked")

        // An order the reconciler never touched shows no repairs section.
        await page.goto(`${base}/app/orders/${fixtures.taker.id}`)
        await visible(widget.getByTestId("order-tier-line-booking").getByText("Confirmed"), "the untouched order's booking", 60_000)
        expect((await widget.getByTestId("order-tier-repairs").count()) === 0, "no repairs section without repairs")
      },
    ],
    [
      "Mark resolved moves the flag out of the open list into the history, and the API keeps it resolved",
      async () => {
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
        expect((await text(done.getByTestId("tier-repair-state"))) === "Resolved", "the resolved state")
        expect((await done.getByRole("button", { name: "Mark resolved" }).count()) === 0, "nothing left to resolve")
        const [stored] = (await repairsOf(fixtures.second.id)).filter((r) => r.id === flag.id)
        expect(stored && typeof stored.resolved_at === "string" && stored.resolved_by, `the stored flag: ${JSON.stringify(stored)}`)
        const stillOpen = await admin.get(`/admin/tier-repairs?sales_channel_id=${fixtures.channel.id}&needs_attention=true&resolved=false`)
        expect(stillOpen.count === 0, `open flags left: ${JSON.stringify(stillOpen.repairs)}`)
        await section.scrollIntoViewIfNeeded()
      },
    ],
  ]
}

let shotNumber = 0
const shot = (name) => path.join(SCREENSHOTS, `${String(++shotNumber).padStart(2, "0")}-${name}.png`)
const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60)

async function main() {
  if (!hasChromium()) {
    console.error(`[browser] no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
    return finish(0, 1)
  }
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true })
  fs.mkdirSync(SCREENSHOTS, { recursive: true })

  let base
  let product
  let token
  try {
    base = await startApp()
    ;({ product, token } = await createFixtures(base))
  } catch (error) {
    console.error(`[browser] setup failed: ${error.message}`)
    if (server) console.error(`[browser] server log: ${path.join(app.logs, "server.log")}`)
    return finish(0, 1)
  }

  const t = Date.now()
  // Our signal handlers stop the browser with everything else (Playwright's would exit at once).
  browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  page.setDefaultTimeout(15_000)

  const list = [
    ...checks(page, base, product),
    ...pricingChecks(page, base),
    ...availabilityChecks(page),
    ...upsellChecks(page, base, token),
    ...experimentChecks(page, base, token),
    ...flagChecks(page, base, token),
    ...analyticsChecks(page, base, token),
    ...payoutChecks(page, base, token),
    ...repairChecks(page, base, token),
  ]
  for (const [index, [name, check]] of list.entries()) {
    const began = Date.now()
    try {
      await check()
      await page.screenshot({ path: shot(slug(name)) })
      tally.passed++
      log(`ok   ${name} (${seconds(began)})`)
    } catch (error) {
      tally.failed++
      await page.screenshot({ path: shot(`FAILED-${slug(name)}`) }).catch(() => {})
      log(`FAIL ${name}: ${error.message.split("\n")[0]}`)
      // Every check builds on the ones before it.
      const rest = list.slice(index + 1).map(([n]) => n)
      if (rest.length) log(`not run: ${rest.join("; ")}`)
      break
    }
  }
  log(`browser checks took ${seconds(t)}; screenshots in ${path.relative(process.cwd(), SCREENSHOTS)}`)
  return finish(tally.passed, tally.failed)
}

main().catch((error) => {
  console.error(error)
  return finish(0, 1)
})
