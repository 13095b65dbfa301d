// What the fuzz stage sends: hostile values (fast-check arbitraries) and, for each route, a
// plausible request to mutate, so the malformed part reaches past the first check.
import fc from "fast-check"

const CONTROL = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f"]

export const controlText = fc
  .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 8 }))
  .map(([before, c, after]) => before + c + after)

export const farDate = fc.constantFrom(
  "9999-12-31",
  "9999-12-30",
  "0000-01-01",
  "1999-12-31",
  "2201-01-01",
  "+010000-01-01",
  "-000001-01-01",
  "275760-09-13",
  "2027-02-30",
  "2027-13-01",
  "2027-00-00",
  "2027-7-1",
  "2027-07-17T00:00:00Z"
)

export const farDateTime = fc.constantFrom(
  "9999-12-31T23:59:59Z",
  "+275760-09-13T00:00:00.000Z",
  "0000-01-01T00:00:00Z",
  "1969-12-31T23:59:59Z",
  "2027-02-30T00:00:00Z",
  "tomorrow"
)

export const extremeNumber = fc.constantFrom(
  1e308,
  -1e308,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  -1,
  0,
  0.5,
  -0.0001,
  5e-324
)

export const oddText = fc.constantFrom(
  "",
  " ",
  "' OR 1=1 --",
  "%00",
  "%E0%A4%A",
  "../../etc/passwd",
  "null",
  "undefined",
  "NaN",
  "<script>alert(1)</script>",
  "\\",
  '"',
  "𝒜😀",
  "\u202e",
  "\ud800",
  "a".repeat(5000)
)

export const wrongType = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
  fc.constant({ $ne: null }),
  fc.constant({ $gt: "" })
)

/** An object or array nested deeper than any validator expects. */
export const deep = fc.tuple(fc.integer({ min: 20, max: 120 }), fc.boolean()).map(([depth, arrays]) => {
  let value = "leaf"
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value }
  return value
})

export const wide = fc.integer({ min: 500, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => `id_${i}`))

/** Known field names of the plugin's API, so unknown and misplaced fields are both tried. */
export const FIELDS = [
  "tier_id",
  "tier_ids",
  "event_date",
  "region_id",
  "guest_count",
  "addon_variant_ids",
  "line_item_id",
  "to_tier_id",
  "from_tier_id",
  "offer_id",
  "order_id",
  "visitor_id",
  "cart_id",
  "context",
  "decision",
  "name",
  "segment",
  "properties",
  "from",
  "to",
  "handle",
  "level",
  "rank",
  "price_range",
  "metadata",
  "percent",
  "days",
  "start_date",
  "end_date",
  "starts_at",
  "ends_at",
  "trigger",
  "headline",
  "variants",
  "settings",
  "add_blackouts",
  "rates",
  "limit",
  "offset",
  "q",
  "unit_price",
  "__proto__",
  "constructor",
]

export const hostileValue = (ids) =>
  fc.oneof(
    { arbitrary: controlText, weight: 3 },
    { arbitrary: farDate, weight: 3 },
    { arbitrary: farDateTime, weight: 1 },
    { arbitrary: extremeNumber, weight: 3 },
    { arbitrary: oddText, weight: 2 },
    { arbitrary: wrongType, weight: 2 },
    { arbitrary: deep, weight: 1 },
    { arbitrary: wide, weight: 1 },
    { arbitrary: ids.length ? fc.constantFrom(...ids) : fc.constant("id_missing"), weight: 2 }
  )

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes as its raw UTF-8 bytes. */
const encode = (text) => {
  try {
    return encodeURIComponent(text)
  } catch {
    return "%ED%A0%80"
  }
}

/** A path parameter: a real id now and then, else an odd one, raw or encoded. */
export const pathParam = (real) =>
  fc.oneof(
    { arbitrary: real.length ? fc.constantFrom(...real.map(encode)) : fc.constant("missing"), weight: 3 },
    {
      arbitrary: fc.constantFrom("%00", "%E0%A4%A", "%ZZ", "..%2F..%2Fadmin", "%2F", "tier_%01", "x%7F", "%20", "null", "-1", "1e308", "0"),
      weight: 3,
    },
    { arbitrary: fc.oneof(controlText, oddText, farDate).map(encode), weight: 2 },
    { arbitrary: fc.constant("a".repeat(3000)), weight: 1 }
  )

/**
 * One request's body (or query) for a route whose plausible input is `base`: fields replaced by
 * hostile values, removed, added, or the whole thing replaced.
 */
export const mutatedInput = (base, ids, { query = false } = {}) => {
  const value = hostileValue(ids)
  const keys = [...new Set([...Object.keys(base), ...FIELDS])]
  const replaced = fc
    .array(fc.tuple(fc.constantFrom(...keys), value), { minLength: 1, maxLength: 3 })
    .map((pairs) => {
      const out = structuredClone(base)
      for (const [key, v] of pairs) Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true })
      return out
    })
  const nestedReplaced = fc.tuple(fc.constantFrom(...Object.keys(base).filter((k) => base[k] && typeof base[k] === "object"), "context"), fc.constantFrom(...FIELDS), value).map(
    ([outer, inner, v]) => {
      const out = structuredClone(base)
      const holder = out[outer] && typeof out[outer] === "object" && !Array.isArray(out[outer]) ? out[outer] : {}
      holder[inner] = v
      out[outer] = Array.isArray(out[outer]) ? [...out[outer], holder] : holder
      return out
    }
  )
  const removed = fc.subarray(Object.keys(base)).map((drop) => {
    const out = structuredClone(base)
    for (const key of drop) delete out[key]
    return out
  })
  const unknown = fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), value).map(([key, v]) => ({ ...structuredClone(base), [key]: v }))
  // Every date of the input moved to the same far window at once (a short range past year 9999, say).
  const dateKeys = Object.keys(base).filter((k) => /date|^from$|^to$/.test(k))
  const farWindow = fc.constantFrom(["9999-12-30", "9999-12-31"], ["9999-12-31", "9999-12-31"], ["2200-12-31", "2201-01-01"], ["1999-12-31", "2000-01-01"], ["0000-01-01", "0000-01-02"]).map(([first, last]) => {
    const out = structuredClone(base)
    for (const key of dateKeys) out[key] = key === "to" || key === "end_date" ? last : first
    return out
  })
  const arms = [
    { arbitrary: replaced, weight: 6 },
    { arbitrary: nestedReplaced, weight: 2 },
    { arbitrary: removed, weight: 1 },
    { arbitrary: unknown, weight: 2 },
  ]
  if (dateKeys.length) {
    arms.push({ arbitrary: farWindow, weight: 3 })
  }
  if (!query) {
    arms.push({ arbitrary: fc.oneof(wrongType, fc.array(value, { maxLength: 3 }), fc.constant("just text"), deep), weight: 1 })
  }
  return fc.oneof(...arms)
}

/** A raw body that is not the JSON the route expects. */
export const rawBody = fc.oneof(
  fc.constant({ type: "application/json", text: '{"tier_id": "x", ' }),
  fc.constant({ type: "application/json", text: '{"guest_count": 1e999, "percent": -1e999}' }),
  fc.constant({ type: "application/json", text: '{"a":"\u0000"}' }),
  fc.constant({ type: "application/json", text: "\u0000\u0001\u0002" }),
  fc.constant({ type: "application/json", text: "[".repeat(5000) + "]".repeat(5000) }),
  fc.constant({ type: "text/plain", text: "name=x\u0000" }),
  fc.constant({ type: "application/x-www-form-urlencoded", text: "tier_id[$ne]=1&event_date=9999-12-31&guest_count=1e308" }),
  fc.integer({ min: 120_000, max: 400_000 }).map((n) => ({ type: "application/json", text: JSON.stringify({ padding: "x".repeat(n) }) }))
)
