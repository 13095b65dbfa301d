// The fuzz stage (npm test -- fuzz): the production build (`medusa start`) on a fresh database with
// the demo seeded, and generated malformed requests against every store and admin route of the
// plugin (listed from src/api/**/route.ts), the Connect webhook and Medusa's cart routes the
// plugin's fences sit on: control characters, huge and negative numbers, wrong types, nested
// objects and arrays, far dates, oversized bodies, unknown and missing fields, odd ids. Checks
// that no request answers 5xx (or hangs), and that GET /store/tiered/health answers within 1 s
// after every route's batch. Seeded: the seed is printed, FUZZ_SEED replays it; FUZZ_RUNS sets the
// requests per route and method (default 30), FUZZ_ROUTE keeps the routes whose path contains it.
// Prints `N passed, N failed` last.
import fs from "node:fs"
import path from "node:path"
import fc from "fast-check"
import qs from "qs"
import { connectionEnv, dropDatabase, freshDatabase, startDatabase } from "../../scripts/embedded-db.mjs"
import { root, running, stopGroup, takeOverSignals } from "../../scripts/processes.mjs"
import { ensureServerBuild, migrateAndSeed, startBuiltServer } from "../../scripts/server-build.mjs"
import { mutatedInput, pathParam, rawBody } from "./inputs.mjs"

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31)
const RUNS = Number(process.env.FUZZ_RUNS || 30)
const ONLY = process.env.FUZZ_ROUTE || ""
const REQUEST_TIMEOUT_MS = 10_000
const HEALTH_LIMIT_MS = 1_000
// The stage stays bounded whatever FUZZ_RUNS says: past this, the remaining routes are not sent.
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS || 120_000)

const log = (message) => console.log(`\x1b[35m[fuzz]\x1b[0m ${message}`)
const results = []
const children = []
let db = null
let database = null
let serverLog = null

function check(name, ok, detail = "") {
  results.push(ok)
  console.log(`${ok ? "  \u2713" : "  \u2717"} ${name}${ok || !detail ? "" : `\n      ${detail.replace(/\n/g, "\n      ")}`}`)
  return ok
}

async function cleanup() {
  await Promise.all([...children, ...running].map((child) => stopGroup(child)))
  if (db) {
    if (database) await dropDatabase(db.url, database).catch(() => {})
    await db.stop()
  }
}

async function finish() {
  await cleanup()
  const passed = results.filter(Boolean).length
  console.log(`\n${passed} passed, ${results.length - passed} failed`)
  process.exit(results.length && passed === results.length ? 0 : 1)
}

/** Every route file's methods, as `{ method, path }` with `:param` for `[param]`. */
export function pluginRoutes(apiDir = path.join(root, "src", "api")) {
  const routes = []
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8")
        const route = "/" + path.relative(apiDir, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/")
        for (const [, method] of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) {
          routes.push({ method, path: route })
        }
      }
    }
  }
  walk(apiDir)
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
}

/** Medusa's own store routes the plugin's middlewares fence (they look the cart up by the path's id). */
const FENCED_MEDUSA_ROUTES = [
  { method: "GET", path: "/store/carts/:id" },
  { method: "POST", path: "/store/carts/:id" },
  { method: "POST", path: "/store/carts/:id/line-items" },
  { method: "POST", path: "/store/carts/:id/line-items/:line_id" },
  { method: "DELETE", path: "/store/carts/:id/line-items/:line_id" },
  { method: "POST", path: "/store/payment-collections" },
]

/** A stable number per route, so one route's inputs do not shift when another is added. */
function hash(text) {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

async function send(base, { method, url, headers = {}, body, raw }) {
  const started = Date.now()
  const init = { method, headers: { ...headers }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }
  if (raw) {
    init.headers["content-type"] = raw.type
    init.body = raw.text
  } else if (body !== undefined) {
    init.headers["content-type"] = "application/json"
    init.body = JSON.stringify(body)
  }
  try {
    const response = await fetch(`${base}${url}`, init)
    const text = await response.text()
    let json = null
    try {
      json = JSON.parse(text)
    } catch {
      // Not JSON (a 413 page, say).
    }
    return { status: response.status, json, ms: Date.now() - started }
  } catch (error) {
    return { status: 0, json: { message: `no answer: ${error.name === "TimeoutError" ? `timed out after ${REQUEST_TIMEOUT_MS} ms` : error.message}` }, ms: Date.now() - started }
  }
}

async function ok(answer, what) {
  const a = await answer
  if (a.status >= 400 || a.status === 0) throw new Error(`${what}: ${a.status} ${JSON.stringify(a.json)}`)
  return a.json
}

const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/** Real ids of the demo, read through the API, for path parameters and bodies. */
async function demoIds(base, demo, storeHeaders, adminHeaders) {
  const get = (url, headers = adminHeaders) => ok(send(base, { method: "GET", url, headers }), url)
  const segments = (await get("/admin/segments?limit=200")).segments
  const tiers = segments.flatMap((s) => s.tiers ?? [])
  const ids = {
    region: [demo.region_id],
    sales_channel: demo.tenants.map((t) => t.sales_channel_id),
    segment: segments.map((s) => s.id),
    handle: segments.map((s) => s.handle),
    tier: tiers.map((t) => t.id),
    product: tiers.map((t) => t.product_id ?? t.product?.id).filter(Boolean),
    addon_rule: (await get("/admin/addon-rules?limit=200")).addon_rules.map((r) => r.id),
    pricing_rule: (await get("/admin/pricing-rules?limit=200")).pricing_rules.map((r) => r.id),
    upsell_rule: (await get("/admin/upsell-rules?limit=200")).upsell_rules.map((r) => r.id),
    experiment: (await get("/admin/experiments?limit=200")).experiments.map((e) => e.id),
    order: (await get("/admin/orders?limit=5&fields=id")).orders.map((o) => o.id),
    cart: [],
    line: [],
    offer: [],
  }
  const cart = (await ok(send(base, { method: "POST", url: "/store/carts", headers: storeHeaders, body: { region_id: demo.region_id } }), "a cart")).cart
  ids.cart.push(cart.id)
  const tier = tiers.find((t) => !t.archived_at) ?? tiers[0]
  const dates = (await get(`/store/tiers/${tier.id}/availability?from=${day(150)}&to=${day(240)}`, storeHeaders)).dates
  const free = dates.find((d) => d.status === "available")
  if (free) {
    const added = await send(base, { method: "POST", url: `/store/carts/${cart.id}/tier-items`, headers: storeHeaders, body: { tier_id: tier.id, event_date: free.date } })
    ids.line.push(...(added.json?.cart?.items ?? []).map((item) => item.id))
  }
  const offers = await send(base, { method: "POST", url: "/store/upsell/offers", headers: storeHeaders, body: { visitor_id: "fuzz-visitor", region_id: demo.region_id, context: { viewing_tier_id: tier.id } } })
  ids.offer.push(...(offers.json?.offers ?? []).map((o) => o.id))
  return ids
}

/** Which real ids fit a path parameter, by the collection it follows. */
function realIdsFor(routePath, param, ids) {
  const before = routePath.split("/")[routePath.split("/").indexOf(`:${param}`) - 1]
  const byCollection = {
    segments: param === "handle" ? ids.handle : ids.segment,
    tiers: ids.tier,
    carts: ids.cart,
    "line-items": ids.line,
    orders: ids.order,
    offers: ids.offer,
    "addon-rules": ids.addon_rule,
    "pricing-rules": ids.pricing_rule,
    "upsell-rules": ids.upsell_rule,
    experiments: ids.experiment,
    availability: ids.sales_channel,
    "commission-rates": ids.sales_channel,
    "notification-settings": ids.sales_channel,
    "deposit-policies": ids.sales_channel,
    accounts: ids.sales_channel,
    "tier-rollout": ["tiered_catalog", "upsell"],
  }
  return byCollection[before] ?? []
}

/** A plausible input per route (query for GET and DELETE, body otherwise), for the fuzzer to spoil. */
function plausibleInputs(ids) {
  const [tier1, tier2] = ids.tier
  const region_id = ids.region[0]
  const visitor_id = "fuzz-visitor"
  const event_date = day(200)
  return {
    "GET /store/segments": { region_id },
    "GET /store/segments/:handle": { region_id, event_date },
    "GET /store/tiers/:id/addons": { region_id },
    "GET /store/tiers/:id/availability": { from: day(10), to: day(40) },
    "POST /store/tiers/compare": { tier_ids: [tier1, tier2], region_id, event_date },
    "POST /store/tiers/upgrade-quote": { from_tier_id: tier1, to_tier_id: tier2, region_id, event_date },
    "POST /store/carts/:id/tier-items": { tier_id: tier1, event_date, guest_count: 40, addon_variant_ids: [] },
    "POST /store/carts/:id/tier-upgrade": { line_item_id: ids.line[0] ?? "item_missing", to_tier_id: tier2 },
    "POST /store/orders/:id/tier-upgrade": { line_item_id: "item_missing", to_tier_id: tier2 },
    "POST /store/orders/:id/reschedule": { line_item_id: "item_missing", event_date },
    "POST /store/orders/:id/balance-payment": { provider_id: "pp_system_default" },
    "POST /store/orders/:id/balance-payment/authorize": {},
    "POST /store/orders/:id/balance-payment/saved-method": { provider_id: "pp_system_default" },
    "GET /store/orders/:id/balance-payment/saved-method": {},
    "POST /store/orders/:id/balance-payment/saved-method/setup": { provider_id: "pp_system_default" },
    "POST /store/tier-events": { name: "tier_viewed", visitor_id, tier_id: tier1, properties: { source: "fuzz" } },
    "POST /store/tiered/visitor": { visitor_id },
    "POST /store/upsell/offers": { visitor_id, region_id, context: { viewing_tier_id: tier1, event_date, addon_count: 1 } },
    "POST /store/upsell/offers/:id/decision": { decision: "declined" },
    "POST /store/carts/:id": { email: "fuzz@example.com", metadata: { visitor_id } },
    "POST /store/carts/:id/line-items": { variant_id: "variant_missing", quantity: 1 },
    "POST /store/carts/:id/line-items/:line_id": { quantity: 2 },
    "POST /store/payment-collections": { cart_id: ids.cart[0] },
    "GET /admin/addon-rules": { limit: 20 },
    "POST /admin/addon-rules": { product_id: ids.product[0] ?? "prod_missing", segment_id: ids.segment[0], max_quantity: 1 },
    "POST /admin/addon-rules/:id": { max_quantity: 2 },
    "POST /admin/availability/:sales_channel_id": {
      settings: { capacity_per_date: 2 },
      add_blackouts: [{ start_date: day(300), end_date: day(301), reason: "fuzz" }],
      add_high_demand_dates: [{ date: day(310) }],
    },
    "GET /admin/availability/:sales_channel_id/calendar": { from: day(10), to: day(40) },
    "GET /admin/availability/:sales_channel_id/options": { from: day(10), to: day(40) },
    "POST /admin/availability/:sales_channel_id/options": { event_date: day(320), tier_id: tier1, client_name: "Fuzz", client_email: "fuzz@example.com", expires_in_hours: 24 },
    "POST /admin/availability/:sales_channel_id/options/:id/extend": { expires_in_hours: 12 },
    "POST /admin/availability/:sales_channel_id/options/:id/release": {},
    "POST /admin/availability/:sales_channel_id/options/:id/convert": { region_id },
    "POST /admin/commission-rates/:sales_channel_id": { rates: [{ segment_id: ids.segment[0], percent: 10 }] },
    "POST /admin/notification-settings/:sales_channel_id": { templates: { "booking-canceled": true }, option_lapsing_hours: 24 },
    "POST /admin/deposit-policies/:sales_channel_id": { segment_id: ids.segment[0], kind: "percent", value: 30, balance_due_days: 30 },
    "POST /admin/orders/:id/reschedule": { line_item_id: "item_missing", event_date },
    "POST /admin/orders/:id/reschedule/preview": { line_item_id: "item_missing", event_date },
    "POST /admin/orders/:id/offline-payments": { amount: 100, method: "cheque", reference: "CHQ-1", note: "fuzz" },
    "POST /admin/orders/:id/payment-link": {},
    "GET /admin/balances": { status: "due", limit: 20, offset: 0 },
    "GET /admin/experiments": { status: "running" },
    "POST /admin/experiments": { key: "fuzz-exp", name: "Fuzz", variants: [{ key: "a", weight: 1 }, { key: "b", weight: 1 }] },
    "POST /admin/experiments/:id": { name: "Fuzzed" },
    "GET /admin/experiments/:id/assignment": { visitor_id },
    "GET /admin/pricing-rules": { is_active: "true" },
    "POST /admin/pricing-rules": { label: "Fuzz", kind: "last_minute", days: 30, percent: -10 },
    "POST /admin/pricing-rules/:id": { percent: 5 },
    "GET /admin/segments": { q: "sig", limit: 20 },
    "POST /admin/segments": { handle: "fuzz", name: "Fuzz" },
    "GET /admin/segments/:id": { include_archived: "true" },
    "POST /admin/segments/:id": { name: "Fuzzed" },
    "POST /admin/segments/:id/tiers": { level: 9, name: "Fuzz tier" },
    "POST /admin/segments/:id/clone": { handle: "fuzz-clone", name: "Fuzz clone" },
    "POST /admin/segments/backfill": { dry_run: true },
    "POST /admin/stripe-connect/accounts/:sales_channel_id": { return_url: "https://admin.example.com/done" },
    "GET /admin/tier-analytics/experiments": { from: day(-30), to: day(0) },
    "GET /admin/tier-analytics/funnel": { from: day(-30), to: day(0), format: "json" },
    "GET /admin/tier-analytics/revenue": { from: day(-30), to: day(0), interval: "day" },
    "GET /admin/tier-analytics/tiers": { from: day(-30), to: day(0) },
    "GET /admin/tier-analytics/upsell": { from: day(-30), to: day(0) },
    "POST /admin/tier-flags": { upsell_rollout_percent: 100 },
    "DELETE /admin/tier-flags": { key: "upsell_rollout_percent" },
    "POST /admin/tier-rollout/:feature/advance": { reason: "Fuzz" },
    "POST /admin/tier-rollout/:feature/pause": { reason: "Fuzz" },
    "POST /admin/tier-rollout/:feature/resume": { reason: "Fuzz" },
    "POST /admin/tier-rollout/:feature/stage": { percent: 50, reason: "Fuzz" },
    "GET /admin/tier-rollout/:feature/changes": { limit: 10 },
    "GET /admin/tiers": { segment_id: ids.segment[0] },
    "POST /admin/tiers/:id": { name: "Fuzzed tier" },
    "POST /admin/tiers/:id/product": { product_id: ids.product[0] ?? "prod_missing" },
    "GET /admin/tiers/:id/price-preview": { region_id, from: day(10), to: day(40) },
    "POST /admin/tiers/archive": { ids: [ids.tier.at(-1)] },
    "GET /admin/upsell-rules": { is_active: "true" },
    "POST /admin/upsell-rules": { name: "Fuzz", trigger: { addon_count_at_least: 2 }, action: "suggest_addon_bundle", headline: "Save" },
    "POST /admin/upsell-rules/:id": { headline: "Saved" },
    "POST /hooks/stripe-connect": { id: "evt_fuzz", object: "event", type: "account.updated", created: 1, data: { object: { id: "acct_fuzz" } } },
  }
}

/** One request for a route: its path with parameters filled, headers, and a query or a body. */
function requestArbitrary(route, inputs, ids, keys, token) {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1])
  // A DELETE never gets a real id: the demo stays for the routes after it.
  const paramArbs = params.map((p) => pathParam(route.method === "DELETE" ? [] : realIdsFor(route.path, p, ids)))
  const base = inputs[`${route.method} ${route.path}`] ?? {}
  const allIds = [...ids.tier, ...ids.segment, ...ids.region, ...ids.cart, ...ids.line]
  const store = route.path.startsWith("/store")
  const headers = store
    ? fc.oneof(
        { arbitrary: fc.constant({ "x-publishable-api-key": keys[0] }), weight: 8 },
        { arbitrary: fc.constant({ "x-publishable-api-key": keys[1] ?? keys[0] }), weight: 2 },
        { arbitrary: fc.constantFrom({}, { "x-publishable-api-key": "pk_fuzz" }, { "x-publishable-api-key": "pk_\u00e9" }), weight: 1 }
      )
    : route.path.startsWith("/hooks")
      ? fc.constantFrom({ "stripe-signature": "t=1,v1=00" }, {}, { "stripe-signature": "x".repeat(2000) })
      : fc.oneof({ arbitrary: fc.constant({ authorization: `Bearer ${token}` }), weight: 12 }, { arbitrary: fc.constantFrom({}, { authorization: "Bearer x" }), weight: 1 })
  const hasBody = route.method !== "GET" && route.method !== "DELETE"
  const input = hasBody
    ? fc.oneof({ arbitrary: mutatedInput(base, allIds).map((body) => ({ body })), weight: 9 }, { arbitrary: rawBody.map((raw) => ({ raw })), weight: 2 })
    : mutatedInput(base, allIds, { query: true }).map((query) => ({ query }))
  return fc.record({ params: fc.tuple(...paramArbs), headers, input, rawQuery: fc.oneof({ arbitrary: fc.constant(""), weight: 6 }, { arbitrary: fc.constantFrom("&x=%00", "&from=%E0%A4%A", "&limit=1e308&offset=-1", "&region_id[$ne]=1", "&event_date[]=9999-12-31"), weight: 1 }) }).map(
    ({ params: values, headers: h, input: i, rawQuery }) => {
      let url = route.path
      params.forEach((p, n) => (url = url.replace(`:${p}`, values[n])))
      const query = i.query === undefined ? "" : qs.stringify(typeof i.query === "object" && i.query !== null ? i.query : { value: i.query }, { allowDots: false })
      const search = query || rawQuery ? `?${query}${rawQuery}` : ""
      return { method: route.method, url: url + search, headers: h, body: i.body, raw: i.raw }
    }
  )
}

function shorten(value, max = 300) {
  const text = typeof value === "string" ? value : JSON.stringify(value)
  return text === undefined ? "" : text.length > max ? `${text.slice(0, max)}... (${text.length} chars)` : text
}

async function main() {
  takeOverSignals(["SIGINT", "SIGTERM", "SIGHUP"], () => {
    results.push(false)
    finish()
  })
  const started = Date.now()
  log(`seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${RUNS} requests per route and method`)
  db = await startDatabase({ name: "pg-fuzz", database: "postgres", persistent: false })
  database = `tiered_fuzz_${process.pid}`
  const url = await freshDatabase(db.url, database)
  const env = { ...process.env, ...connectionEnv(url), MEDUSA_DISABLE_TELEMETRY: "true", NODE_ENV: "production" }
  delete env.REDIS_URL
  delete env.STRIPE_API_KEY
  await ensureServerBuild(env, log)
  const demo = await migrateAndSeed(env)
  const server = await startBuiltServer({ env, name: "fuzz" })
  children.push(server.child)
  serverLog = server.log
  const base = server.base
  log(`server up at ${base} (${((Date.now() - started) / 1000).toFixed(0)} s)`)

  const keys = demo.tenants.map((t) => t.publishable_key)
  const storeHeaders = { "x-publishable-api-key": keys[0] }
  const { token } = await ok(send(base, { method: "POST", url: "/auth/user/emailpass", body: { email: demo.admin.email, password: demo.admin.password } }), "admin login")
  const adminHeaders = { authorization: `Bearer ${token}` }
  const ids = await demoIds(base, demo, storeHeaders, adminHeaders)
  const inputs = plausibleInputs(ids)

  const all = [...pluginRoutes(), ...FENCED_MEDUSA_ROUTES].filter((r) => r.path.includes(ONLY))
  // Store routes first: admin writes (archives, flags) would hide the catalog from them.
  const routes = [...all.filter((r) => r.path.startsWith("/store")), ...all.filter((r) => !r.path.startsWith("/store"))]
  check(`every route file is listed (${routes.length} routes and methods)`, ONLY ? routes.length > 0 : routes.length >= 60, routes.map((r) => `${r.method} ${r.path}`).join(", "))
  const missingInputs = routes.filter((r) => !["GET", "DELETE"].includes(r.method) && !inputs[`${r.method} ${r.path}`] && !/\/(start|stop|archive|restore|refresh)$|\/product$/.test(r.path))
  if (missingInputs.length) log(`no plausible body for ${missingInputs.map((r) => `${r.method} ${r.path}`).join(", ")}: fuzzed from {}`)

  const fuzzStart = Date.now()
  let requests = 0
  let serverErrors = 0
  const statusCounts = {}
  let skipped = 0
  for (const route of routes) {
    if (Date.now() - fuzzStart > BUDGET_MS) {
      skipped++
      continue
    }
    const samples = fc.sample(requestArbitrary(route, inputs, ids, keys, token), { seed: (SEED ^ hash(`${route.method} ${route.path}`)) | 0, numRuns: RUNS })
    const failures = []
    let unanswered = 0
    for (const request of samples) {
      // A server that stopped answering would make every later request wait out its timeout.
      if (unanswered >= 3 || Date.now() - fuzzStart > BUDGET_MS) {
        failures.push(`stopped after ${unanswered} unanswered requests in a row, or past the ${BUDGET_MS / 1000} s budget`)
        break
      }
      const answer = await send(base, request)
      unanswered = answer.status === 0 ? unanswered + 1 : 0
      requests++
      const bucket = answer.status === 0 ? "none" : `${Math.floor(answer.status / 100)}xx`
      statusCounts[bucket] = (statusCounts[bucket] ?? 0) + 1
      if (answer.status >= 500 || answer.status === 0) {
        serverErrors++
        failures.push(`${answer.status || "no answer"} ${request.method} ${shorten(request.url, 200)} headers ${shorten(request.headers, 120)} body ${shorten(request.raw?.text ?? request.body)}\n  -> ${shorten(answer.json)}`)
      }
    }
    check(`no 5xx from ${route.method} ${route.path} (${samples.length} requests)`, !failures.length, failures.slice(0, 5).join("\n") + (failures.length > 5 ? `\n... ${failures.length - 5} more` : ""))
    const health = await send(base, { method: "GET", url: "/store/tiered/health", headers: storeHeaders })
    if (health.status !== 200 || health.ms > HEALTH_LIMIT_MS) {
      check(`the health route answers within ${HEALTH_LIMIT_MS} ms after ${route.method} ${route.path}`, false, `${health.status} in ${health.ms} ms`)
    } else {
      results.push(true)
    }
  }
  if (skipped) check(`every route fuzzed within the ${BUDGET_MS / 1000} s budget`, false, `${skipped} routes not sent; lower FUZZ_RUNS`)
  log(`${requests} requests in ${((Date.now() - fuzzStart) / 1000).toFixed(0)} s, ${serverErrors} 5xx or unanswered; by status: ${JSON.stringify(statusCounts)}`)
  if (serverErrors) {
    const errors = fs
      .readFileSync(serverLog, "utf8")
      .split("\n")
      .filter((line) => line.includes('"level":"error"'))
      .slice(0, 10)
    log(`the server's first errors (${path.relative(root, serverLog)}):\n${errors.map((e) => shorten(e, 1500)).join("\n")}`)
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; seed ${SEED}`)
}

main()
  .catch((error) => {
    console.error(`[fuzz] ${error.stack ?? error}`)
    results.push(false)
  })
  .finally(finish)
