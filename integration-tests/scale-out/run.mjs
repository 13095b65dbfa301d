// The production set-up scaled out: two `medusa start` servers (MEDUSA_WORKER_MODE=server) and a
// worker (MEDUSA_WORKER_MODE=worker) from the production build, on one PostgreSQL and one Redis
// (event bus, workflow engine, locking and caching, as medusa-config.ts sets them up with
// REDIS_URL). Checks that a date is never oversold when checkouts race on both servers, that an
// order becomes one conversion however often its event is delivered, and that a write on one
// server drops the cached reads of the other. Prints `N passed, N failed` last.
//
// Redis: a throw-away redis-server on a free port when the binary is installed (Debian package
// redis-server), else REDIS_URL. Database: a new database on DATABASE_URL's server, or an embedded
// PostgreSQL for this run.
import { spawnSync } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { connectionEnv, dropDatabase, freshDatabase, startDatabase } from "../../scripts/embedded-db.mjs"
import { freePort, root, running, sleep, spawnGroup, stopGroup, takeOverSignals } from "../../scripts/processes.mjs"
import { built, BUILT, ensureServerBuild, migrateAndSeed, startBuiltServer } from "../../scripts/server-build.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
const log = (message) => console.log(`\x1b[34m[scale-out]\x1b[0m ${message}`)
const results = []
const children = []
let db = null
let database = null
let redis = null

function check(name, ok, detail = "") {
  results.push(ok)
  console.log(`${ok ? "  \u2713" : "  \u2717"} ${name}${ok || !detail ? "" : `\n      ${detail}`}`)
  return ok
}

async function cleanup() {
  await Promise.all([...children, ...running, redis].filter(Boolean).map((child) => stopGroup(child)))
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

/** A Redis of this run's own, or REDIS_URL's. */
async function startRedis() {
  const binary = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).stdout.trim()
  if (!binary) {
    if (process.env.REDIS_URL) return process.env.REDIS_URL
    throw new Error("no redis-server here (apt-get install -y redis-server) and no REDIS_URL")
  }
  const port = await freePort()
  redis = spawnGroup(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" })
  const url = `redis://127.0.0.1:${port}`
  for (let i = 0; i < 50; i++) {
    const { default: net } = await import("node:net")
    const up = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.end(() => resolve(true)))
      socket.once("error", () => resolve(false))
    })
    if (up) return url
    await sleep(100)
  }
  throw new Error(`redis-server did not listen on ${port}`)
}

function api(base, key, token) {
  return async (method, route, body) => {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(key ? { "x-publishable-api-key": key } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, json: await response.json().catch(() => ({})) }
  }
}

async function ok(call) {
  const answer = await call
  if (answer.status >= 400) throw new Error(`${answer.status}: ${answer.json.message}`)
  return answer.json
}

async function sql(text, params) {
  const client = new pg.Client({ connectionString: process.env.SCALE_OUT_DATABASE_URL })
  await client.connect()
  try {
    return (await client.query(text, params)).rows
  } finally {
    await client.end()
  }
}

async function waitFor(what, test, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await test()) return true
    await sleep(200)
  }
  log(`gave up waiting for ${what}`)
  return false
}

async function main() {
  takeOverSignals(["SIGINT", "SIGTERM", "SIGHUP"], () => {
    results.push(false)
    finish()
  })
  const started = Date.now()
  const redisUrl = await startRedis()
  db = await startDatabase({ name: "pg-scale-out", database: "postgres", persistent: false })
  database = `tiered_scale_out_${process.pid}`
  const url = await freshDatabase(db.url, database)
  process.env.SCALE_OUT_DATABASE_URL = url
  const env = {
    ...process.env,
    ...connectionEnv(url),
    REDIS_URL: redisUrl,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "production",
  }
  await ensureServerBuild(env, log)
  const demo = await migrateAndSeed(env)
  log(`database migrated and demo seeded; Redis at ${redisUrl}`)

  const [serverA, serverB, worker] = await Promise.all([
    startBuiltServer({ env: { ...env, MEDUSA_WORKER_MODE: "server" }, name: "server-a" }),
    startBuiltServer({ env: { ...env, MEDUSA_WORKER_MODE: "server" }, name: "server-b" }),
    startBuiltServer({ env: { ...env, MEDUSA_WORKER_MODE: "worker" }, name: "worker" }),
  ])
  children.push(serverA.child, serverB.child, worker.child)
  log(`two servers (${serverA.base}, ${serverB.base}) and a worker up (${((Date.now() - started) / 1000).toFixed(0)} s)`)

  const tenant = demo.tenants.find((t) => t.key === "photography")
  const region = demo.region_id
  const storeA = api(serverA.base, tenant.publishable_key)
  const storeB = api(serverB.base, tenant.publishable_key)
  const { token } = await ok(api(serverA.base)("POST", "/auth/user/emailpass", { email: "admin@tiered.test", password: "supersecret" }))
  const adminA = api(serverA.base, null, token)
  const adminB = api(serverB.base, null, token)

  const signature = await ok(storeA("GET", `/store/segments/signature?region_id=${region}`))
  const tier = signature.tiers.find((t) => t.is_popular)

  // ---- caches: a write on one server is seen at once on the other ----
  const eventDate = (await ok(storeA("GET", `/store/tiers/${tier.id}/availability?from=${day(120)}&to=${day(180)}`))).dates.find(
    (d) => d.status === "available"
  ).date
  const segmentPath = `/store/segments/signature?region_id=${region}&event_date=${eventDate}`
  const features = async (store) => (await ok(store("GET", segmentPath))).tiers.find((t) => t.id === tier.id).features
  const before = await features(storeB)
  await features(storeA)
  await ok(adminA("POST", `/admin/tiers/${tier.id}`, { features: [...before, "Sunrise portraits"] }))
  const seenOnB = await features(storeB)
  check("a tier written through server A is read fresh from server B's cache at once", seenOnB.includes("Sunrise portraits"), JSON.stringify(seenOnB))

  const finalOf = async (store) => (await ok(store("GET", segmentPath))).tiers.find((t) => t.id === tier.id).price.final
  const priceBefore = await finalOf(storeA)
  const rule = (await ok(adminB("POST", "/admin/pricing-rules", { label: "Scale-out test", kind: "weekday", weekdays: [0, 1, 2, 3, 4, 5, 6], percent: 10, priority: 99 }))).pricing_rule
  const priceAfter = await finalOf(storeA)
  check(
    "a pricing rule created through server B reprices server A's cached answer at once",
    Math.abs(priceAfter - Math.round(priceBefore * 1.1 * 100) / 100) < 0.01,
    `before ${priceBefore}, after ${priceAfter}`
  )
  await ok(adminB("DELETE", `/admin/pricing-rules/${rule.id}`))
  check("deleting it through server B restores server A's price at once", (await finalOf(storeA)) === priceBefore)

  // ---- checkouts racing for the last slot on both servers ----
  const dateOn = async (store) =>
    (await ok(store("GET", `/store/tiers/${tier.id}/availability?from=${eventDate}&to=${eventDate}`))).dates[0]
  check("the date is available on both servers before the race", (await dateOn(storeA)).status === "available" && (await dateOn(storeB)).status === "available")
  const readyCart = async (store, n) => {
    const { cart } = await ok(store("POST", "/store/carts", { region_id: region, email: `racer-${n}@example.com` }))
    await ok(store("POST", `/store/carts/${cart.id}/tier-items`, { tier_id: tier.id, event_date: eventDate }))
    const { payment_collection } = await ok(store("POST", "/store/payment-collections", { cart_id: cart.id }))
    await ok(store("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }))
    return { store, id: cart.id }
  }
  const racers = await Promise.all([0, 1, 2, 3, 4, 5].map((n) => readyCart(n % 2 ? storeB : storeA, n)))
  const outcomes = await Promise.all(racers.map(({ store, id }) => store("POST", `/store/carts/${id}/complete`, {})))
  const orders = outcomes.filter((o) => o.status === 200 && o.json.type === "order")
  const conflicts = outcomes.filter((o) => o.status === 409)
  check(
    "six checkouts of the last slot, three on each server: one order, five clear 409s",
    orders.length === 1 && conflicts.length === 5 && conflicts.every((c) => /no longer available|sold out|taken/i.test(c.json.message)),
    outcomes.map((o) => `${o.status} ${o.json.type ?? o.json.message ?? ""}`).join("; ")
  )
  const booked = await sql(
    `select count(*)::int as n from booking where event_date = $1 and sales_channel_id = $2 and status = 'confirmed' and deleted_at is null`,
    [eventDate, tenant.sales_channel_id]
  )
  check("the database holds one booking for the date", booked[0].n === 1, `${booked[0].n} bookings`)
  const afterA = await dateOn(storeA)
  const afterB = await dateOn(storeB)
  check("both servers answer sold out at once, though both had cached it as available", afterA.status === "sold_out" && afterB.status === "sold_out", `${afterA.status} / ${afterB.status}`)

  // ---- conversions: once per order, however often order.placed arrives ----
  const order = orders[0]?.json.order
  if (order) {
    const placed = () => sql(`select count(*)::int as n from conversion where order_id = $1 and reference = 'placed' and deleted_at is null`, [order.id])
    await waitFor("the worker's conversion", async () => (await placed())[0].n > 0)
    check("the worker records the order's conversion", (await placed())[0].n === 1)
    // order.placed delivered three more times at once, through Redis, to the worker.
    await built.medusa(["exec", path.join(here, "emit-order-placed.js")], { ...env, MEDUSA_WORKER_MODE: "server", ORDER_ID: order.id, TIMES: "3" }, "emit-order-placed")
    await sleep(3000)
    const rows = await sql(`select reference, count(*)::int as n from conversion where order_id = $1 and deleted_at is null group by reference`, [order.id])
    check("three more deliveries of order.placed leave one conversion", rows.length === 1 && rows[0].n === 1, JSON.stringify(rows))

    await ok(adminB("POST", `/admin/orders/${order.id}/cancel`, {}))
    const freed = await waitFor("the date to be freed", async () => (await dateOn(storeA)).status !== "sold_out")
    check("canceling through server B frees the date on server A (the worker's subscriber wrote it)", freed && (await dateOn(storeB)).status !== "sold_out")
    const reversal = await sql(`select count(*)::int as n from conversion where order_id = $1 and reference = 'canceled'`, [order.id])
    check("the cancellation is recorded once as a reversal", reversal[0].n === 1, `${reversal[0].n} reversals`)
  } else {
    check("an order was placed to follow", false)
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; logs in ${path.relative(root, path.join(BUILT, "logs"))}`)
}

function day(offset) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
}

main()
  .catch((error) => {
    console.error(`[scale-out] ${error.stack ?? error}`)
    results.push(false)
  })
  .finally(finish)
