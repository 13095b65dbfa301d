// The production set-up scaled out: two `medusa start` servers (MEDUSA_WORKER_MODE=server) and a
// worker (MEDUSA_WORKER_MODE=worker) from the production build, on one PostgreSQL and one Redis
// (event bus, workflow engine, locking and caching, as medusa-config.ts sets them up with
// REDIS_URL). Checks that a date is never oversold when checkouts race on both servers, that an
// order becomes one conversion however often its event is delivered, that a write on one
// server drops the cached reads of the other, and that killing one server (SIGKILL) mid-burst of
// checkouts leaves the other selling and, once it is back and the reconciler ran, every invariant
// of the fault stage holding (SCALE_OUT_SEED replays the kill point). Prints `N passed, N failed` last.
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
import { checkInvariants, formatViolations, violationCount } from "../fault/invariants.mjs"
import { client, describe, openDates, pool, readyCart, seededRandom } from "../fault/shop.mjs"

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
  process.env.SCALE_OUT_REDIS_URL = redisUrl
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
  // Each cart's tier-items holds the date: the race for the last slot is at add time, across both servers.
  const newCart = async (store, n) => ({ store, id: (await ok(store("POST", "/store/carts", { region_id: region, email: `racer-${n}@example.com` }))).cart.id })
  const carts = await Promise.all([0, 1, 2, 3, 4, 5].map((n) => newCart(n % 2 ? storeB : storeA, n)))
  const adds = await Promise.all(carts.map(({ store, id }) => store("POST", `/store/carts/${id}/tier-items`, { tier_id: tier.id, event_date: eventDate })))
  const holders = adds.filter((a) => a.status === 200)
  const refusedAdds = adds.filter((a) => a.status === 409)
  check(
    "six carts asking for the last slot, three on each server: one holds it, five clear 409s",
    holders.length === 1 && refusedAdds.length === 5 && refusedAdds.every((a) => /held|sold out|taken/i.test(a.json.message)),
    adds.map((a) => `${a.status} ${a.json.hold ? "hold" : a.json.message ?? ""}`).join("; ")
  )
  const heldA = await dateOn(storeA)
  const heldB = await dateOn(storeB)
  check("both servers answer held at once, though both had cached it as available", heldA.status === "held" && heldB.status === "held" && !!heldA.held_until, `${heldA.status} / ${heldB.status}`)
  const holder = carts[adds.findIndex((a) => a.status === 200)]
  const { payment_collection } = await ok(holder.store("POST", "/store/payment-collections", { cart_id: holder.id }))
  await ok(holder.store("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }))
  // The holder checks out through the other server.
  const otherStore = holder.store === storeA ? storeB : storeA
  const outcomes = [await otherStore("POST", `/store/carts/${holder.id}/complete`, {})]
  const orders = outcomes.filter((o) => o.status === 200 && o.json.type === "order")
  check("the holder's checkout through the other server places the order", orders.length === 1, outcomes.map((o) => `${o.status} ${o.json.type ?? o.json.message ?? ""}`).join("; "))
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

  await killRound({ env, tenant, region, tier, token, servers: [serverA, serverB], taken: [eventDate] })
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; logs in ${path.relative(root, path.join(BUILT, "logs"))}`)
}

/**
 * One of the two servers is killed (SIGKILL of its process group) in the middle of a burst of
 * checkouts on both, each for a date of its own: the other's checkouts must all succeed. What
 * Medusa's Redis workflow engine keeps of the killed server's checkouts is printed (its
 * workflow_execution rows and Redis keys, right after the kill and again once the killed server
 * is back); then the reconciler runs and the fault stage's invariants must hold.
 */
async function killRound({ env, tenant, region, tier, token, servers, taken }) {
  const seed = process.env.SCALE_OUT_SEED ? Number(process.env.SCALE_OUT_SEED) : Math.floor(Math.random() * 2 ** 31)
  const rng = seededRandom(seed)
  log(`kill round: seed ${seed} (SCALE_OUT_SEED=${seed} replays it)`)
  const [victim, survivor] = servers
  const storeOf = (server) => client(server.base, { key: tenant.publishable_key })
  const dates = rng.shuffle((await openDates(storeOf(survivor), tier.id, 20, 720)).filter((d) => !taken.includes(d)))
  const perServer = 16
  const carts = await pool(Array.from({ length: perServer * 2 }), 6, async (_, n) => {
    const server = n % 2 ? survivor : victim
    const cart = await readyCart(storeOf(server), { region, tierId: tier.id, date: dates[n], email: `kill-${n}@example.com` })
    return { ...cart, server }
  })
  const [{ now: burstAt }] = await sql("select now() as now")
  const t0 = Date.now()
  let victimAnswers = 0
  const requests = carts.map(async (cart) => {
    const answer = await storeOf(cart.server)("POST", `/store/carts/${cart.id}/complete`, {})
    if (cart.server === victim) victimAnswers++
    return { cart, answer, ms: Date.now() - t0 }
  })
  // Once a seeded share of the burst's orders exist (0-60%), so that some of A's checkouts are inside Medusa's workflow when it dies.
  const target = Math.floor(rng.next() * 0.6 * carts.length)
  const poll = new pg.Client({ connectionString: process.env.SCALE_OUT_DATABASE_URL })
  await poll.connect()
  let created = 0
  while (Date.now() - t0 < 120_000 && victimAnswers < perServer) {
    created = (await poll.query(`select count(*)::int as n from "order" where created_at >= $1`, [burstAt])).rows[0].n
    if (created >= target) break
    await sleep(20)
  }
  await poll.end()
  await sleep(rng.int(0, 300))
  const inFlight = perServer - victimAnswers
  process.kill(-victim.child.pid, "SIGKILL")
  await stopGroup(victim.child, { graceMs: 5_000 })
  log(`server A killed at +${Date.now() - t0} ms (${created} of the burst's orders created) with ${inFlight} of its ${perServer} checkouts in flight`)
  const answers = await Promise.all(requests)
  const survivors = answers.filter((a) => a.cart.server === survivor)
  const sold = survivors.filter((a) => a.answer.status === 200 && a.answer.json.type === "order")
  check(
    `server B's ${perServer} checkouts (a date each) all succeed while server A is killed mid-burst`,
    sold.length === perServer,
    survivors.map((a) => describe(a.answer)).join("; ")
  )

  const victimCarts = carts.filter((c) => c.server === victim).map((c) => c.id)
  const killedAt = await sql("select now() as now")
  const observe = async (when) => {
    const executions = await sql(`select state, count(*)::int as n from workflow_execution where workflow_id = 'complete-cart' group by state order by state`)
    const orders = await sql(
      `select count(*)::int as n from order_cart oc where oc.deleted_at is null and oc.cart_id = any($1)`,
      [victimCarts]
    )
    const claims = await sql(`select status, count(*)::int as n from booking where cart_id = any($1) and deleted_at is null group by status`, [victimCarts])
    const keys = await redisKeys(victimCarts)
    log(
      `${when}: complete-cart workflow_execution rows by state ${JSON.stringify(executions.map((e) => [e.state, e.n]))}; ` +
        `A's carts: ${orders[0].n} orders, bookings ${JSON.stringify(claims.map((c) => [c.status, c.n]))}; ` +
        `Redis: ${keys.checkpoints} complete-cart checkpoints ${JSON.stringify(keys.states)}, ${keys.locks} locks on A's carts (ttl up to ${keys.lockTtl} s), ${keys.jobs} BullMQ keys`
    )
    return { executions, orders: orders[0].n, claims, keys }
  }
  const atKill = await observe("right after the kill")
  const before = await checkInvariants(sql)
  log(`as the kill left it: ${violationCount(before)} invariant violations`)
  if (before.length) console.log(formatViolations(before))
  // A couple retrying through B while A comes back meets the lock A's dead checkout still holds in Redis.
  const retryStarted = Date.now()
  const earlyRetry = storeOf(survivor)("POST", `/store/carts/${victimCarts[0]}/complete`, {}).then((answer) => ({ answer, seconds: (Date.now() - retryStarted) / 1000 }))
  await sleep(10_000)
  const later = await observe(`${((Date.now() - t0) / 1000).toFixed(0)} s after the burst began (worker and server B up, A down)`)
  const restarted = await startBuiltServer({ env: { ...env, MEDUSA_WORKER_MODE: "server" }, name: "server-a-restarted" })
  children.push(restarted.child)
  let boot = null
  for (let i = 0; i < 240 && !boot?.finished_at; i++) {
    ;[boot] = await sql(`select id, finished_at, repairs, error from reconcile_run where trigger = 'boot' and created_at >= $1 order by created_at desc limit 1`, [killedAt[0].now])
    if (!boot?.finished_at) await sleep(250)
  }
  check("the restarted server's boot run of the reconciler happened (on the worker, through Redis)", !!boot?.finished_at && !boot.error, JSON.stringify(boot))
  const afterBoot = await observe("after A restarted and the boot run")
  const run = await client(restarted.base, { token })("POST", "/admin/tier-repairs/run", { grace_minutes: 0 })
  check("the admin's reconciler run (grace 0) answers its run", run.status === 200 && typeof run.json.run?.repairs === "number", describe(run))
  log(`admin run: ${run.json.run?.orders_checked} orders checked, ${run.json.run?.repairs} repairs`)
  const after = await checkInvariants(sql, { after: true })
  check("every invariant of the fault stage holds after the reconciler", !after.length, formatViolations(after))
  const retry = await earlyRetry
  log(`a retry of one of A's checkouts through B, sent right after the kill: ${describe(retry.answer)} after ${retry.seconds.toFixed(1)} s`)
  check(
    "a couple retrying through B while A's dead checkout holds its cart lock gets a clean 409 (or its order), not a 500",
    retry.answer.status === 409 || (retry.answer.status === 200 && retry.answer.json.type === "order"),
    describe(retry.answer)
  )
  // The retry's own checkpoint comes and goes; A's checkpoints must be where the kill left them.
  const kept = (b) => Object.entries(atKill.keys.states).every(([state, n]) => b.keys.states[state] === n)
  const same = (b) => b.orders === atKill.orders && JSON.stringify(b.claims) === JSON.stringify(atKill.claims) && kept(b)
  log(
    same(later) && kept(afterBoot)
      ? `Redis workflow engine: A's in-flight checkouts were neither resumed nor compensated; their checkpoints stayed in Redis without expiry at the step they died in, their workflow_execution rows at the state last saved, their cart locks until the lock's TTL; the reconciler settled their claims and orders`
      : `Redis workflow engine: A's in-flight checkouts changed without the reconciler (compare the observations above)`
  )
}

/**
 * What Redis holds of workflows: the complete-cart checkpoints left (each by its flow state, the
 * step it was invoking and its expiry), the locks on the given carts and BullMQ's keys (retries,
 * timeouts, scheduled jobs).
 */
async function redisKeys(cartIds) {
  const { default: Redis } = await import("ioredis")
  const redisClient = new Redis(process.env.SCALE_OUT_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await redisClient.connect()
    const scan = async (pattern) => {
      const found = []
      let cursor = "0"
      do {
        const [next, keys] = await redisClient.scan(cursor, "MATCH", pattern, "COUNT", 1000)
        cursor = next
        found.push(...keys)
      } while (cursor !== "0")
      return found
    }
    const states = {}
    let checkpoints = 0
    for (const key of (await scan("dtrx:complete-cart:*")).filter((k) => !k.endsWith(":lock"))) {
      checkpoints++
      const flow = JSON.parse((await redisClient.get(key)) ?? "{}").flow ?? {}
      const invoking = Object.values(flow.steps ?? {}).filter((step) => step.invoke?.state === "invoking").map((step) => String(step.id).split(".").pop())
      const ttl = await redisClient.ttl(key)
      const label = `${flow.state} at ${invoking.join("+") || "-"}, ttl ${ttl}`
      states[label] = (states[label] ?? 0) + 1
    }
    const locks = (await scan("medusa_lock:*")).filter((k) => cartIds.some((id) => k.includes(id)))
    const lockTtls = await Promise.all(locks.map((k) => redisClient.ttl(k)))
    const jobs = await scan("bull:*")
    return { checkpoints, states, locks: locks.length, lockTtl: lockTtls.length ? Math.max(...lockTtls) : null, jobs: jobs.length }
  } catch (error) {
    return { checkpoints: "?", states: { error: error.message }, locks: "?", lockTtl: null, jobs: "?" }
  } finally {
    redisClient.disconnect()
  }
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
