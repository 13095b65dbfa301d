// What the admin test files share: the app global-setup.mjs started (BROWSER_APP), its admin and
// store APIs as the checks' second witness, the database, and a logged-in Chromium page per file.
import type { Browser, Page } from "playwright-core"
import { launchChromium } from "../chromium"
import { WAIT, checksInOrder, queryRows, visible } from "../checks"

type BrowserApp = {
  base: string
  admin: { email: string; password: string }
  databaseUrl: string
  stripeControl: string
  stripeWebhookSecret: string
  screenshots: string
}

function browserApp(): BrowserApp {
  if (!process.env.BROWSER_APP) {
    throw new Error("BROWSER_APP is not set: run the admin browser tests through jest's browser project (npm test -- browser)")
  }
  return JSON.parse(process.env.BROWSER_APP)
}

export const app = browserApp()
export const base = app.base
export const ADMIN = app.admin

/** Names unique to this file's run, so a reused DATABASE_URL never collides with an earlier run. */
export const runId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`
export const NEXT_YEAR = new Date().getUTCFullYear() + 1

type Call = { token?: string; method?: string; body?: unknown; headers?: Record<string, string> }

export async function apiAnswer(route: string, { token, method = "GET", body, headers = {} }: Call = {}) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: response.status, json: (await response.json().catch(() => ({}))) as any }
}

export async function api(route: string, options: Call = {}) {
  const { status, json } = await apiAnswer(route, options)
  if (status >= 400) {
    throw new Error(`${options.method ?? "GET"} ${route}: ${status} ${json.message ?? ""}`)
  }
  return json
}

export const adminToken = async (): Promise<string> => (await api("/auth/user/emailpass", { method: "POST", body: ADMIN })).token

export type AdminApi = ReturnType<typeof adminApi>

/** The admin API as the checks' second witness: what the screen shows must be what was stored. */
export function adminApi(token: string) {
  return {
    get: (route: string) => api(route, { token }),
    post: (route: string, body?: unknown) => api(route, { token, method: "POST", body }),
    del: (route: string) => api(route, { token, method: "DELETE" }),
    status: async (route: string) => (await apiAnswer(route, { token })).status,
  }
}

export type StoreApi = ReturnType<typeof storeApi>

/** A storefront's calls, with its publishable key. */
export function storeApi(key: string) {
  const headers = { "x-publishable-api-key": key }
  return { post: (route: string, body: unknown = {}) => api(route, { method: "POST", body, headers }) }
}

/** A tenant: a sales channel and its storefront, with a publishable key for it alone. */
export async function createTenant(admin: AdminApi, name: string) {
  const { sales_channel: channel } = await admin.post("/admin/sales-channels", { name })
  const { api_key: key } = await admin.post("/admin/api-keys", { title: `${name} storefront`, type: "publishable" })
  await admin.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [channel.id] })
  return { channel, store: storeApi(key.token) }
}

/** Pays a storefront cart with the system provider and places the order. */
export async function checkout(store: StoreApi, cartId: string, who: string) {
  const { payment_collection: collection } = await store.post("/store/payment-collections", { cart_id: cartId })
  await store.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const completed = await store.post(`/store/carts/${cartId}/complete`)
  if (completed.type !== "order") throw new Error(`the cart of ${who} did not complete: ${JSON.stringify(completed.error ?? completed)}`)
  return completed.order
}

export const productBody = (title: string, amount: number) => ({
  title,
  status: "published",
  options: [{ title: "Package", values: ["Standard"] }],
  variants: [{ title: "Standard", options: { Package: "Standard" }, manage_inventory: false, prices: [{ currency_code: "usd", amount }] }],
})

export const dbQuery = (sql: string, params: unknown[]) => queryRows(app.databaseUrl, sql, params)

// The plugin's one sidebar entry and its pages, nested under it in this order (their `rank`).
export const PLUGIN_ENTRY = "Tiered storefront"
export const PLUGIN_PAGES = [
  ["Segments", "segments"],
  ["Pricing rules", "pricing-rules"],
  ["Availability", "availability"],
  ["Upsell rules", "upsell-rules"],
  ["Experiments", "experiments"],
  ["Tier analytics", "tier-analytics"],
  ["Commission & payouts", "commission-payouts"],
  ["Tier flags", "tier-flags"],
  ["Rollout", "rollout"],
  ["Balances", "balances"],
] as const
export const sidebarOf = (page: Page) => page.locator("aside")

/** Opens one of the plugin's pages as a merchant does: its entry in the sidebar, then the sub-item. */
export async function fromSidebar(page: Page, label: string) {
  const sidebar = sidebarOf(page)
  await sidebar.getByRole("link", { name: PLUGIN_ENTRY, exact: true }).click()
  await sidebar.getByRole("link", { name: label, exact: true }).click()
}

/** Picks an option of a @medusajs/ui Select (a Radix listbox) by its trigger's test id. */
export async function choose(page: Page, triggerTestId: string, option: string | RegExp) {
  await page.getByTestId(triggerTestId).click()
  await page.getByRole("option", { name: option }).click()
}

/** The admin's login form, as a merchant fills it. */
export async function logIn(page: Page) {
  await page.goto(`${base}/app/login`)
  await page.locator('input[name="email"]').fill(ADMIN.email)
  await page.locator('input[name="password"]').fill(ADMIN.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 60_000 })
  await visible(sidebarOf(page).getByRole("link", { name: PLUGIN_ENTRY, exact: true }), "the plugin's entry in the sidebar", 60_000)
}

/**
 * One file's Chromium page, logged in to the admin (unless `loggedIn: false`), and an admin API
 * token, from beforeAll to afterAll; `check` registers the file's checks in order.
 */
export function adminSession(file: string, { loggedIn = true } = {}) {
  let browser: Browser | undefined
  let page: Page
  let token: string
  beforeAll(async () => {
    token = await adminToken()
    browser = await launchChromium()
    // Charts honour reduced motion: screenshots catch them drawn, not mid-animation.
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: "reduce" })
    page.setDefaultTimeout(WAIT)
    if (loggedIn) await logIn(page)
  })
  afterAll(async () => {
    await browser?.close()
  })
  const { check, shot } = checksInOrder(file, { dir: app.screenshots, page: () => page })
  return {
    check,
    shot,
    get page() {
      return page
    },
    get token() {
      return token
    },
  }
}
