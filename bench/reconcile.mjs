// npm run bench:reconcile: how long the reconciler takes over many placed orders. The production
// build (as `npm run bench` starts it) on a fresh database with the demo; orders are placed by the
// real checkout through the store API (cart, tier-items, payment session, complete: records,
// claims, bookings and conversions all written by the plugin's code), then a full reconciler run
// (POST /admin/tier-repairs/run { full: true }) is timed with nothing to repair, and again with the
// bookings of 1% of the orders deleted behind its back (each must come back).
//
// BENCH_RECONCILE_ORDERS (2000): orders at the last measure; the reconciler is measured at half of
// them and at all of them, and the time for 10,000 orders is extrapolated from those two points
// (set it to 10000 to measure 10,000 directly: here that takes about an hour of order creation).
// BENCH_RECONCILE_CONCURRENCY (8): checkouts in flight while the orders are created.
import pg from "pg"
import { connectionEnv, dropDatabase, freshDatabase, startDatabase } from "../scripts/embedded-db.mjs"
import { stopGroup } from "../scripts/processes.mjs"
import { ensureServerBuild, migrateAndSeed, startBuiltServer } from "../scripts/server-build.mjs"
import { checkInvariants, formatViolations } from "../integration-tests/fault/invariants.mjs"
import { adminToken, client, describe, ok, openDates, pool, readyCart, seededRandom } from "../integration-tests/fault/shop.mjs"
import { log } from "./app.mjs"

const TOTAL = Number(process.env.BENCH_RECONCILE_ORDERS || 2000)
const CONCURRENCY = Number(process.env.BENCH_RECONCILE_CONCURRENCY || 8)
const TARGET = 10_000
const rng = seededRandom(Number(process.env.BENCH_SEED || 14))
const since = (t) => `${((Date.now() - t) / 1000).toFixed(0)} s`

async function main() {
  const started = Date.now()
  const dbServer = await startDatabase({ name: "pg-bench-reconcile", database: "postgres", persistent: false })
  const database = `tiered_bench_reconcile_${process.pid}`
  const url = await freshDatabase(dbServer.url, database)
  const env = { ...process.env, ...connectionEnv(url), MEDUSA_DISABLE_TELEMETRY: "true", NODE_ENV: "production", MEDUSA_WORKER_MODE: "shared" }
  delete env.REDIS_URL
  const db = new pg.Client({ connectionString: url })
  let server = null
  try {
    await ensureServerBuild(env, log)
    const demo = await migrateAndSeed(env)
    server = await startBuiltServer({ env, name: "bench-reconcile" })
    await db.connect()
    const sql = async (text, params) => (await db.query(text, params)).rows
    log(`server up on ${server.base} (${since(started)})`)

    const tenant = demo.tenants.find((t) => t.key === "photography")
    const admin = client(server.base, { token: await adminToken(server.base), timeoutMs: 30 * 60_000 })
    const store = client(server.base, { key: tenant.publishable_key })
    // Room for every order: the merchant raises the bookings a date takes.
    const perDate = 40
    await ok(admin("POST", `/admin/availability/${tenant.sales_channel_id}`, { settings: { capacity_per_date: perDate } }), "capacity")
    const signature = await ok(store("GET", `/store/segments/signature?region_id=${demo.region_id}`), "segment")
    const tier = [...signature.tiers].sort((a, b) => a.level - b.level)[0]
    const dates = await openDates(store, tier.id, 20, 720)
    if (dates.length * perDate < TOTAL) throw new Error(`${dates.length} open dates x ${perDate} cannot hold ${TOTAL} orders`)
    log(`${dates.length} open dates, ${perDate} bookings a date; placing ${TOTAL} orders, ${CONCURRENCY} at once`)

    const placed = []
    const failures = []
    const place = async (n) => {
      try {
        const cart = await readyCart(store, { region: demo.region_id, tierId: tier.id, date: dates[n % dates.length], email: `bench-${n}@example.com` })
        const answer = await store("POST", `/store/carts/${cart.id}/complete`, {})
        if (answer.status === 200 && answer.json.type === "order") placed.push(answer.json.order.id)
        else failures.push(describe(answer))
      } catch (error) {
        failures.push(error.message)
      }
    }
    const points = [Math.round(TOTAL / 2), TOTAL]
    const rows = []
    let next = 0
    for (const point of points) {
      const t = Date.now()
      const from = next
      await pool(Array.from({ length: point - from }, (_, i) => from + i), CONCURRENCY, async (n) => {
        await place(n)
        if ((n + 1) % 250 === 0) log(`${n + 1} orders (${placed.length} placed, ${failures.length} failed; ${((Date.now() - t) / (n + 1 - from)).toFixed(0)} ms an order)`)
      })
      next = point
      if (failures.length) throw new Error(`${failures.length} checkouts failed, e.g. ${failures.slice(0, 3).join(" | ")}`)
      log(`${placed.length} orders placed (${since(t)} for ${point - from})`)
      rows.push(await measure(placed.length, { admin, sql }))
    }

    const [a, b] = rows
    const extrapolate = (key) => a[key] + ((b[key] - a[key]) / (b.orders - a.orders)) * (TARGET - a.orders)
    console.log(`\n| orders | full run, nothing to repair | full run, 1% of bookings deleted | repairs | incremental run |`)
    console.log(`|-------:|----------------------------:|---------------------------------:|--------:|----------------:|`)
    for (const r of rows) {
      console.log(`| ${r.orders} | ${r.clean.toFixed(2)} s | ${r.broken.toFixed(2)} s | ${r.repairs}/${r.deleted} | ${r.incremental.toFixed(2)} s |`)
    }
    if (b.orders < TARGET) {
      console.log(`| ${TARGET} (extrapolated from the two rows) | ${extrapolate("clean").toFixed(1)} s | ${extrapolate("broken").toFixed(1)} s | | ${extrapolate("incremental").toFixed(1)} s |`)
    }
    log(`done in ${since(started)}`)
  } finally {
    await db.end().catch(() => {})
    if (server) await stopGroup(server.child)
    await dropDatabase(dbServer.url, database).catch(() => {})
    await dbServer.stop()
  }
}

/**
 * Times the reconciler over the orders placed so far: a full run with nothing to repair, a full
 * run after the bookings of 1% of the orders were deleted (each must be booked again), and the
 * incremental run the five-minute job makes. Times are the run's own (its reconcile_run row),
 * with the HTTP round trip beside them.
 */
async function measure(orders, { admin, sql }) {
  // The order.placed subscribers run after each checkout answered: let them finish first.
  for (let i = 0; i < 600; i++) {
    const [{ missing }] = await sql(
      `select count(*)::int as missing from "order" o where o.status <> 'canceled' and not exists (select 1 from conversion c where c.order_id = o.id and c.reference = 'placed')`
    )
    if (!missing) break
    await new Promise((r) => setTimeout(r, 500))
  }
  const timed = async (body) => {
    const t = Date.now()
    const answer = await admin("POST", "/admin/tier-repairs/run", body)
    const http = (Date.now() - t) / 1000
    if (answer.status !== 200) throw new Error(`reconciler run: ${describe(answer)}`)
    const [row] = await sql(`select extract(epoch from finished_at - started_at)::float as seconds from reconcile_run where id = $1`, [answer.json.run.id])
    log(`  run ${JSON.stringify(body)}: ${row.seconds.toFixed(2)} s (HTTP ${http.toFixed(2)} s), ${answer.json.run.orders_checked} orders checked, ${answer.json.run.repairs} repairs`)
    return { seconds: row.seconds, run: answer.json.run }
  }
  log(`reconciler over ${orders} orders:`)
  await timed({ full: true })
  const clean = await timed({ full: true })
  if (clean.run.repairs) throw new Error(`a run with nothing to repair made ${clean.run.repairs} repairs`)
  const victims = await sql(
    `select b.id from booking b join "order" o on o.id = b.order_id where b.status = 'confirmed' and b.deleted_at is null and o.status <> 'canceled' order by b.id`
  )
  const deleted = rng.shuffle(victims.map((v) => v.id)).slice(0, Math.max(1, Math.round(orders / 100)))
  await sql(`delete from booking where id = any($1)`, [deleted])
  const broken = await timed({ full: true })
  const broken_ = await checkInvariants(sql, { after: true })
  if (broken_.length || broken.run.repairs !== deleted.length) {
    throw new Error(`${deleted.length} bookings deleted, ${broken.run.repairs} repairs; invariants:\n${formatViolations(broken_)}`)
  }
  const incremental = await timed({})
  return { orders, clean: clean.seconds, broken: broken.seconds, repairs: broken.run.repairs, deleted: deleted.length, incremental: incremental.seconds }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`)
  process.exitCode = 1
})
