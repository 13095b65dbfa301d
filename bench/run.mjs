// npm run bench: the store API under load, from one run of the production build on the demo.
// Prints one table (req/s, p50/p95/p99 per endpoint), the server's peak RSS, and the targets
// as ratios from the same run. Options (env): BENCH_SECONDS (10) per read endpoint,
// BENCH_CONNECTIONS (10), BENCH_CARTS (200) requests per cart endpoint, one fresh cart each,
// BENCH_VISITORS (1000) returning visitors the offers route is asked for in turn.
// BENCH_TRACING=1 measures the reads and tier-items twice, on a server without tracing and on one
// exporting every span over OTLP (to a sink in this process), and prints the ratios between them.
import autocannon from "autocannon"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { execFileSync } from "node:child_process"
import { cpuMs, log, peakRssMiB, startBenchApp } from "./app.mjs"
import { dayFromToday, demoCatalog, storeClient } from "./store.mjs"
import { summarize, formatTable } from "./stats.mjs"

const SECONDS = Number(process.env.BENCH_SECONDS || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const CARTS = Number(process.env.BENCH_CARTS || 200)
const COMPLETIONS = Math.min(CARTS, Number(process.env.BENCH_COMPLETIONS || 100))
const VISITORS = Number(process.env.BENCH_VISITORS || 1000)
const WARMUP_SECONDS = 2
const TRACING = process.env.BENCH_TRACING === "1"
// BENCH_ONLY=compare,availability measures only the endpoints whose name has one of the words (and the floor).
const ONLY = (process.env.BENCH_ONLY || (TRACING ? "segments,compare,availability,tier-items" : "")).split(",").filter(Boolean)
const selected = (name) => !ONLY.length || name.startsWith("floor") || ONLY.some((word) => name.includes(word))

/** One autocannon run; latencies come from every response (autocannon's own table has no p95). */
function load({ base, key, method = "GET", path, body, requests, duration, amount, connections = CONNECTIONS }) {
  const latencies = []
  const statuses = new Map()
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        ...(amount ? { amount } : { duration }),
        headers: { "content-type": "application/json", "x-publishable-api-key": key },
        requests: requests ?? [{ method, path, ...(body ? { body: JSON.stringify(body) } : {}) }],
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies, statuses }))
    )
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime)
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1)
    })
  })
}

async function measure(name, options) {
  if (!selected(name) && !options.setup) {
    return null
  }
  if (!options.amount) {
    await load({ ...options, duration: WARMUP_SECONDS })
  }
  const cpuBefore = cpuMs(options.pid)
  const { result, latencies, statuses } = await load({ ...options, duration: SECONDS })
  const cpu = cpuMs(options.pid) - cpuBefore
  const failures = [...statuses].filter(([status]) => status >= 400)
  if (failures.length || result.errors || result.timeouts) {
    throw new Error(`${name}: ${failures.map(([s, n]) => `${n} x ${s}`).join(", ") || ""} ${result.errors} errors, ${result.timeouts} timeouts`)
  }
  const row = { name, ...summarize(latencies, result.duration), cpuPerRequest: cpu / latencies.length }
  log(`${name}: ${row.rps.toFixed(0)} req/s, p95 ${row.p95.toFixed(1)} ms, ${row.cpuPerRequest.toFixed(2)} ms server CPU a request`)
  return row
}

/**
 * The store routes rate-limit each client address (README "Limits"); the server trusts one proxy
 * hop, so each simulated client says which one it is, as a load balancer in front would.
 */
const clientAddress = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`

/** Requests that each use the next cart of a pool, so every cart is written once; `body(n)` for the n-th. */
function oneCartEach(cartIds, path, body) {
  let next = 0
  return [
    {
      method: "POST",
      setupRequest: (request) => {
        const n = next++
        return { ...request, path: path(cartIds[n % cartIds.length]), body: JSON.stringify(body(n)) }
      },
    },
  ]
}

// BENCH_CPU_PROF=<folder> writes the server's V8 CPU profile there when it stops (open it in Chrome's DevTools).
const PROFILE_DIR = process.env.BENCH_CPU_PROF

/** One server (a fresh database with the demo) and every selected endpoint measured on it. */
async function measureApp({ env = {} } = {}) {
  const app = await startBenchApp({
    nodeArgs: PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(PROFILE_DIR)}`] : [],
    env,
  })
  let rows
  try {
    const { base, demo, pid } = app
    const tenant = demo.tenants.find((t) => t.key === "photography")
    const key = tenant.publishable_key
    const region = demo.region_id
    const store = storeClient(base, key)
    const catalog = await demoCatalog(store, region)
    const eventDate = dayFromToday(200)
    const tierIds = catalog.signature.tiers.map((t) => t.id)
    const plainVariant = catalog.plainVariantId

    rows = []
    rows.push(await measure("floor: GET /store/tiered/health", { base, key, pid, path: "/store/tiered/health" }))
    rows.push(await measure("Medusa: GET /store/products?limit=3", { base, key, pid, path: `/store/products?limit=3&region_id=${region}` }))
    rows.push(await measure("GET /store/segments", { base, key, pid, path: `/store/segments?region_id=${region}` }))
    rows.push(
      await measure("GET /store/segments/:handle?event_date", {
        base,
        key,
        pid,
        path: `/store/segments/signature?region_id=${region}&event_date=${eventDate}`,
      })
    )
    rows.push(
      await measure("POST /store/tiers/compare", {
        base,
        key,
        pid,
        method: "POST",
        path: "/store/tiers/compare",
        body: { tier_ids: tierIds, region_id: region, event_date: eventDate },
      })
    )
    rows.push(
      await measure("GET /store/tiers/:id/availability (90 d)", {
        base,
        key,
        pid,
        path: `/store/tiers/${tierIds[1]}/availability?from=${dayFromToday(30)}&to=${dayFromToday(119)}`,
      })
    )
    const offersContext = { segment: "signature", viewing_tier_id: tierIds[0], event_date: eventDate, addon_count: 2 }
    const offersRequest = (n, visitorId) => ({
      method: "POST",
      path: "/store/upsell/offers",
      headers: { "content-type": "application/json", "x-publishable-api-key": key, "x-forwarded-for": clientAddress(n) },
      body: JSON.stringify({ ...(visitorId ? { visitor_id: visitorId } : {}), region_id: region, context: offersContext }),
    })
    let newVisitors = 0
    rows.push(
      // No id: the server issues one and records the visitor's offers.
      await measure("POST /store/upsell/offers (new visitor)", {
        base,
        key,
        pid,
        requests: [{ method: "POST", path: "/store/upsell/offers", setupRequest: () => offersRequest(newVisitors++, null) }],
      })
    )
    if (selected("offers (returning")) {
      // Visitors who were shown their offers once already, each asking again from its own address.
      const returning = []
      for (let i = 0; i < VISITORS; i += 10) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(10, VISITORS - i) }, async (_, j) => {
            const { visitor_id } = await store.post("/store/tiered/visitor", {})
            const { method, path, headers, body } = offersRequest(1_000_000 + i + j, visitor_id)
            const response = await fetch(`${base}${path}`, { method, headers, body })
            if (!response.ok) throw new Error(`priming a returning visitor: ${response.status} ${await response.text()}`)
            return visitor_id
          })
        )
        returning.push(...batch)
      }
      log(`${returning.length} returning visitors shown their offers once`)
      let asks = 0
      rows.push(
        await measure("POST /store/upsell/offers (returning visitor)", {
          base,
          key,
          pid,
          requests: [
            {
              method: "POST",
              path: "/store/upsell/offers",
              setupRequest: () => {
                const n = asks++ % returning.length
                return offersRequest(1_000_000 + n, returning[n])
              },
            },
          ],
        })
      )
    }

    const wantsCompletions = selected("complete")
    const wantsCarts = wantsCompletions || ["line-items", "tier-items"].some(selected)
    const carts = wantsCarts ? await store.createCarts(3 * CARTS, region) : []
    if (wantsCarts) log(`created ${carts.length} carts`)
    const [plainCarts, tierCarts, bundleCarts] = [0, 1, 2].map((i) => carts.slice(i * CARTS, (i + 1) * CARTS))
    // A date of its own for each tier cart, so that each can be booked at checkout.
    // Each tier-items call holds its date: every cart of both tier-items runs takes a date of its own.
    const openDates = wantsCarts
      ? [...(await store.openDates(tierIds[1], dayFromToday(30), dayFromToday(395))), ...(await store.openDates(tierIds[1], dayFromToday(396), dayFromToday(725)))]
      : []
    if (wantsCarts && openDates.length < 2 * CARTS) throw new Error(`only ${openDates.length} open dates for ${2 * CARTS} tier carts`)
    rows.push(
      await measure("Medusa: POST /store/carts/:id/line-items", {
        base,
        key,
        pid,
        amount: CARTS,
        setup: wantsCompletions,
        requests: oneCartEach(plainCarts, (id) => `/store/carts/${id}/line-items`, () => ({ variant_id: plainVariant, quantity: 1 })),
      })
    )
    rows.push(
      await measure("POST /store/carts/:id/tier-items", {
        base,
        key,
        pid,
        amount: CARTS,
        setup: wantsCompletions,
        requests: oneCartEach(tierCarts, (id) => `/store/carts/${id}/tier-items`, (n) => ({ tier_id: tierIds[1], event_date: openDates[n] })),
      })
    )
    rows.push(
      await measure("POST /store/carts/:id/tier-items (+3 add-ons)", {
        base,
        key,
        pid,
        amount: CARTS,
        requests: oneCartEach(bundleCarts, (id) => `/store/carts/${id}/tier-items`, (n) => ({
          tier_id: tierIds[1],
          event_date: openDates[CARTS + n],
          addon_variant_ids: catalog.addons.slice(0, 3).map((a) => a.variant_id),
        })),
      })
    )
    if (wantsCompletions) {
      const [plainReady, tierReady] = [plainCarts.slice(0, COMPLETIONS), tierCarts.slice(0, COMPLETIONS)]
      log(`starting payment sessions for ${2 * COMPLETIONS} carts`)
      await store.startPayments([...plainReady, ...tierReady])
      rows.push(
        await measure("Medusa: POST /store/carts/:id/complete (1 plain line, 1 connection)", {
          base,
          key,
          pid,
          amount: COMPLETIONS,
          connections: 1,
          requests: oneCartEach(plainReady, (id) => `/store/carts/${id}/complete`, () => ({})),
        })
      )
      rows.push(
        await measure("POST /store/carts/:id/complete (tier line booked, 1 connection)", {
          base,
          key,
          pid,
          amount: COMPLETIONS,
          connections: 1,
          requests: oneCartEach(tierReady, (id) => `/store/carts/${id}/complete`, () => ({})),
        })
      )
    }
    rows = rows.filter((row) => row && selected(row.name))
    rows.peakRss = peakRssMiB(app.pid)
  } finally {
    await app.stop()
  }
  return rows
}

/** An OTLP/HTTP endpoint that takes every export and counts it, standing in for a collector. */
async function startTraceSink() {
  const sink = { requests: 0, bytes: 0 }
  const server = http.createServer((req, res) => {
    req.on("data", (chunk) => (sink.bytes += chunk.length))
    req.on("end", () => {
      sink.requests++
      res.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
  })
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
  sink.url = `http://127.0.0.1:${server.address().port}`
  sink.close = () => new Promise((resolve) => server.close(resolve))
  return sink
}

async function main() {
  if (!TRACING) {
    report(await measureApp())
    return
  }
  const sink = await startTraceSink()
  try {
    log("tracing off")
    const plain = await measureApp()
    log(`tracing on: every span exported over OTLP to ${sink.url}`)
    const traced = await measureApp({ env: { OTEL_TRACES_EXPORTER: "otlp", OTEL_EXPORTER_OTLP_ENDPOINT: sink.url } })
    if (!sink.requests) {
      throw new Error("the traced server exported no spans: is instrumentation.ts in the server build?")
    }
    reportTracing(plain, traced, sink)
  } finally {
    await sink.close()
  }
}

function report(rows) {
  const byName = (prefix) => rows.find((r) => r.name.startsWith(prefix))
  const floor = byName("floor")
  const products = byName("Medusa: GET /store/products")
  const reads = rows.filter((r) => /^(GET|POST) \/store\/(segments|tiers\/compare|tiers\/:id\/availability)/.test(r.name))
  const lineItems = byName("Medusa: POST /store/carts/:id/line-items")
  const tierItems = rows.find((r) => r.name === "POST /store/carts/:id/tier-items")
  const booking = byName("POST /store/carts/:id/complete (tier line")
  const plainCheckout = byName("Medusa: POST /store/carts/:id/complete")
  const returningOffers = byName("POST /store/upsell/offers (returning visitor)")
  let commit = "unknown"
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim()
  } catch {
    // Not a checkout.
  }
  console.log(
    `\nStore API under load: ${CONNECTIONS} connections, ${SECONDS} s per read endpoint, ${CARTS} fresh carts per cart endpoint;` +
      ` node ${process.version}, ${os.cpus().length} CPUs, commit ${commit}, ${new Date().toISOString().slice(0, 10)}\n`
  )
  console.log(formatTable(rows))
  console.log(`\nServer peak RSS: ${rows.peakRss.toFixed(0)} MiB\n`)
  const targets = [
    ...reads.map((r) => ({ what: `${r.name}: throughput vs floor`, value: r.rps / floor.rps, goal: 0.8, atLeast: true })),
    ...(products
      ? reads.map((r) => ({ what: `${r.name}: throughput vs Medusa's product list`, value: r.rps / products.rps, goal: 5, atLeast: true }))
      : []),
    ...(tierItems && lineItems
      ? [{ what: "tier-items p95 vs Medusa's line-items p95", value: tierItems.p95 / lineItems.p95, goal: 1.3, atLeast: false }]
      : []),
    ...(booking ? [{ what: "booking creation (tier checkout) p95, ms", value: booking.p95, goal: 500, atLeast: false }] : []),
    ...(booking && plainCheckout
      ? [{ what: "tier checkout p95 vs Medusa's plain checkout p95", value: booking.p95 / plainCheckout.p95, goal: 1.3, atLeast: false }]
      : []),
    ...(returningOffers ? [{ what: "offers for a returning visitor: throughput vs floor", value: returningOffers.rps / floor.rps, goal: 0.5, atLeast: true }] : []),
  ]
  console.log("Targets (ratios from this run):")
  for (const t of targets) {
    const ok = t.atLeast ? t.value >= t.goal : t.value <= t.goal
    console.log(`  ${ok ? "met " : "MISS"}  ${t.what.padEnd(78)} ${t.value.toFixed(2).padStart(6)}  (${t.atLeast ? ">=" : "<="} ${t.goal.toFixed(2)})`)
  }
}

function reportTracing(plain, traced, sink) {
  console.log(`\nTracing off, then on (OTLP over HTTP, every span; ${sink.requests} exports, ${(sink.bytes / 1048576).toFixed(1)} MiB):\n`)
  console.log(formatTable(plain))
  console.log("")
  console.log(formatTable(traced))
  console.log("\nTracing on vs off (same run):")
  for (const on of traced.filter((r) => !r.name.startsWith("floor"))) {
    const off = plain.find((r) => r.name === on.name)
    if (off) {
      console.log(`  ${on.name.padEnd(48)} throughput ${(on.rps / off.rps).toFixed(2)}x   p95 ${(on.p95 / off.p95).toFixed(2)}x`)
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
