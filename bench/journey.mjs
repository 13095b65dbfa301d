// npm run bench:journey: virtual users walk the storefront journey against the production build
// on the demo (segments -> one segment priced for a date -> compare -> availability -> upsell
// offers -> cart with the tier), each with think time between steps, and the run reports each
// step's p50/p95/p99 and errors against the plan's targets (reads < 200 ms p95, add to cart
// < 500 ms p95, no errors). Options (env): JOURNEY_USERS (1000), JOURNEY_RAMP_SECONDS (300),
// JOURNEY_THINK_SECONDS ("30-90", uniform), JOURNEY_SEED (1).
import { log, peakRssMiB, startBenchApp } from "./app.mjs"
import { dayFromToday } from "./store.mjs"
import { percentile } from "./stats.mjs"

const USERS = Number(process.env.JOURNEY_USERS || 1000)
const RAMP_SECONDS = Number(process.env.JOURNEY_RAMP_SECONDS || 300)
const [THINK_MIN, THINK_MAX] = (process.env.JOURNEY_THINK_SECONDS || "30-90").split("-").map(Number)
const READ_TARGET_MS = 200
const CART_TARGET_MS = 500

const STEPS = [
  { name: "segments", label: "GET /store/segments", target: READ_TARGET_MS },
  { name: "segment", label: "GET /store/segments/:handle?event_date", target: READ_TARGET_MS },
  { name: "compare", label: "POST /store/tiers/compare", target: READ_TARGET_MS },
  { name: "availability", label: "GET /store/tiers/:id/availability (90 d)", target: READ_TARGET_MS },
  { name: "offers", label: "POST /store/upsell/offers", target: READ_TARGET_MS },
  { name: "cart", label: "POST /store/carts (Medusa)", target: CART_TARGET_MS },
  { name: "add_to_cart", label: "POST /store/carts/:id/tier-items", target: CART_TARGET_MS },
]

// A small seeded generator, so two runs make the same choices.
let seed = Number(process.env.JOURNEY_SEED || 1) >>> 0
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (items) => items[Math.floor(random() * items.length)]
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const think = () => sleep((THINK_MIN + random() * (THINK_MAX - THINK_MIN)) * 1000)

const timings = Object.fromEntries(STEPS.map((s) => [s.name, []]))
const errors = Object.fromEntries(STEPS.map((s) => [s.name, new Map()]))
let active = 0
let peakActive = 0
let finished = 0

function client(base, key) {
  return async (step, method, path, body) => {
    const started = performance.now()
    let status = 0
    let json = null
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { "content-type": "application/json", "x-publishable-api-key": key },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      status = response.status
      json = await response.json().catch(() => null)
    } catch (error) {
      status = error.cause?.code ?? error.name
    }
    timings[step].push(performance.now() - started)
    if (typeof status !== "number" || status >= 400) {
      const reason = `${status}${json?.message ? ` ${json.message.slice(0, 80)}` : ""}`
      errors[step].set(reason, (errors[step].get(reason) ?? 0) + 1)
      return null
    }
    return json
  }
}

async function journey(call, { region, user }) {
  active += 1
  peakActive = Math.max(peakActive, active)
  try {
    const visitor = `journey-${user}`
    const list = await call("segments", "GET", `/store/segments?region_id=${region}`)
    if (!list?.segments.length) return
    await think()
    const segment = pick(list.segments)
    const firstDate = dayFromToday(30 + Math.floor(random() * 300))
    const detail = await call("segment", "GET", `/store/segments/${segment.handle}?region_id=${region}&event_date=${firstDate}`)
    if (!detail?.tiers.length) return
    await think()
    const ids = detail.tiers.map((t) => t.id)
    await call("compare", "POST", "/store/tiers/compare", { tier_ids: ids.slice(0, 3), region_id: region, event_date: firstDate })
    await think()
    const tier = pick(detail.tiers)
    const start = 30 + Math.floor(random() * 200)
    const [from, to] = [dayFromToday(start), dayFromToday(start + 89)]
    const calendar = await call("availability", "GET", `/store/tiers/${tier.id}/availability?from=${from}&to=${to}`)
    const open = calendar?.dates.filter((d) => d.status === "available" || d.status === "limited") ?? []
    if (!open.length) return
    const date = pick(open).date
    await think()
    await call("offers", "POST", "/store/upsell/offers", {
      visitor_id: visitor,
      region_id: region,
      context: { segment: segment.handle, viewing_tier_id: tier.id, event_date: date },
    })
    await think()
    const created = await call("cart", "POST", "/store/carts", { region_id: region, metadata: { visitor_id: visitor } })
    if (!created) return
    await call("add_to_cart", "POST", `/store/carts/${created.cart.id}/tier-items`, { tier_id: tier.id, event_date: date })
  } finally {
    active -= 1
    finished += 1
  }
}

async function main() {
  const app = await startBenchApp()
  const startedAt = Date.now()
  try {
    const tenant = app.demo.tenants.find((t) => t.key === "photography")
    // Node's fetch keeps connections alive without a cap, so users waiting on the server each hold one.
    const call = client(app.base, tenant.publishable_key)
    log(`${USERS} virtual users over ${RAMP_SECONDS} s, ${THINK_MIN}-${THINK_MAX} s think time between steps`)
    const progress = setInterval(() => log(`${finished}/${USERS} done, ${active} active`), 15_000)
    await Promise.all(
      Array.from({ length: USERS }, (_, user) =>
        sleep((user / USERS) * RAMP_SECONDS * 1000).then(() => journey(call, { region: app.demo.region_id, user }))
      )
    )
    clearInterval(progress)
    report({ seconds: (Date.now() - startedAt) / 1000, rss: peakRssMiB(app.pid) })
  } finally {
    await app.stop()
  }
}

function report({ seconds, rss }) {
  console.log(
    `\nStorefront journey: ${USERS} virtual users over ${RAMP_SECONDS} s, ${THINK_MIN}-${THINK_MAX} s think time,` +
      ` at most ${peakActive} at once; ${seconds.toFixed(0)} s; server peak RSS ${rss.toFixed(0)} MiB\n`
  )
  const rows = STEPS.map((step) => {
    const sorted = [...timings[step.name]].sort((a, b) => a - b)
    const failed = [...errors[step.name].values()].reduce((a, b) => a + b, 0)
    return { step, n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, failed }
  })
  const header = "| step | requests | p50 ms | p95 ms | p99 ms | max ms | errors | target p95 |"
  console.log(header)
  console.log("|------|---------:|-------:|-------:|-------:|-------:|-------:|-----------:|")
  for (const r of rows) {
    console.log(
      `| ${r.step.label} | ${r.n} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.failed} | < ${r.step.target} ${r.p95 < r.step.target && r.failed === 0 ? "met" : "MISSED"} |`
    )
  }
  for (const step of STEPS) {
    for (const [reason, count] of errors[step.name]) {
      console.log(`  error in ${step.label}: ${count} x ${reason}`)
    }
  }
  const ok = rows.every((r) => r.p95 < r.step.target && r.failed === 0)
  console.log(`\n${ok ? "All targets met" : "Some targets missed"}: reads < ${READ_TARGET_MS} ms p95, add to cart < ${CART_TARGET_MS} ms p95, zero errors.`)
  process.exitCode = ok ? 0 : 1
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
