// What the fault and scale-out runners do to a running store: HTTP calls that never throw (a
// killed server answers nothing: status 0 and the network error), carts ready to check out, a
// logged-in customer, open dates, and a seeded random source so a run can be replayed.

/** mulberry32: a small seeded generator; the same seed gives the same rounds. */
export function seededRandom(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    /** An integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    shuffle: (list) => {
      const copy = [...list]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[copy[i], copy[j]] = [copy[j], copy[i]]
      }
      return copy
    },
  }
}

/**
 * A client for one server: `call(method, route, body)` answers { status, json, text, contentType, ms }
 * or, when the server is gone or the time bound passed, { status: 0, error, ms }.
 */
export function client(base, { key, token, timeoutMs = 60_000 } = {}) {
  return async (method, route, body) => {
    const started = Date.now()
    try {
      const response = await fetch(`${base}${route}`, {
        method,
        headers: {
          "content-type": "application/json",
          ...(key ? { "x-publishable-api-key": key } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
      const text = await response.text()
      let json = null
      try {
        json = JSON.parse(text)
      } catch {
        // Not JSON: kept as text for the checks that look at it.
      }
      return { status: response.status, json: json ?? {}, isJson: json !== null, text, contentType: response.headers.get("content-type") ?? "", ms: Date.now() - started }
    } catch (error) {
      const reason = error?.name === "TimeoutError" ? "timeout" : error?.cause?.code ?? error?.message ?? String(error)
      return { status: 0, error: reason, json: {}, ms: Date.now() - started }
    }
  }
}

/** The answer's JSON, or an error naming the call. */
export async function ok(promise, what = "request") {
  const answer = await promise
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`${what}: ${answer.status || answer.error} ${answer.json?.message ?? ""}`.trim())
  }
  return answer.json
}

/** Runs `task(item, index)` over `items` with at most `limit` at once; answers the results in order. */
export async function pool(items, limit, task) {
  const results = new Array(items.length)
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await task(items[i], i)
    }
  })
  await Promise.all(lanes)
  return results
}

export const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/** Dates the tier can still be booked on between `fromDay` and `toDay` days from today. */
export async function openDates(store, tierId, fromDay, toDay) {
  const dates = []
  for (let start = fromDay; start <= toDay; start += 366) {
    const end = Math.min(start + 365, toDay)
    const { dates: page } = await ok(store("GET", `/store/tiers/${tierId}/availability?from=${day(start)}&to=${day(end)}`), "availability")
    dates.push(...page.filter((d) => d.status === "available").map((d) => d.date))
  }
  return dates
}

/** A cart with the tier on `date` and a payment session: ready for POST /store/carts/:id/complete. */
export async function readyCart(store, { region, tierId, date, email }) {
  const { cart } = await ok(store("POST", "/store/carts", { region_id: region, email }), "create cart")
  await ok(store("POST", `/store/carts/${cart.id}/tier-items`, { tier_id: tierId, event_date: date }), `tier-items ${date}`)
  const { payment_collection } = await ok(store("POST", "/store/payment-collections", { cart_id: cart.id }), "payment collection")
  await ok(store("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }), "payment session")
  return { id: cart.id, date }
}

/** Registers a customer with the store and answers a bearer token for them. */
export async function customerToken(base, key, email, password = "fault-pass-1") {
  const auth = client(base)
  const { token: registration } = await ok(auth("POST", "/auth/customer/emailpass/register", { email, password }), "register customer")
  await ok(client(base, { key, token: registration })("POST", "/store/customers", { email, first_name: "Fault" }), "create customer")
  const { token } = await ok(auth("POST", "/auth/customer/emailpass", { email, password }), "customer login")
  return token
}

export async function adminToken(base) {
  const { token } = await ok(client(base)("POST", "/auth/user/emailpass", { email: "admin@tiered.test", password: "supersecret" }), "admin login")
  return token
}

/** Short text for an answer: `200 order`, `409 <message>`, `0 ECONNRESET`. */
export function describe(answer) {
  if (!answer.status) return `0 ${answer.error}`
  if (answer.status === 200 && answer.json?.type) return `200 ${answer.json.type}`
  return `${answer.status} ${String(answer.json?.message ?? answer.text ?? "").slice(0, 80)}`
}
