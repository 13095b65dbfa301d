import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders, createPackageProduct, createRegion, createTenant, dayFromToday as day, Tenant } from "./fixtures"

jest.setTimeout(240 * 1000)

const RANGE = "must be between 2000-01-01 and 2200-12-31"
// What a hostile client can write; none of it may reach a table.
const TABLES = [
  "segment",
  "tier",
  "pricing_rule",
  "upsell_rule",
  "upsell_offer",
  "experiment_exposure",
  "blackout",
  "high_demand_date",
  "tier_event",
  "cart",
  "cart_line_item",
  "product",
]

type Answer = { status: number; data: any; ms: number }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let region: { id: string }
    let segment: { id: string; handle: string; name: string }
    let tier: { id: string }

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      region = await createRegion(container, "usd")
      const product = await createPackageProduct(container, { title: "Select", prices: { usd: 7500 }, salesChannelIds: [studio.salesChannelId] })
      segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment
      tier = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Select", product_id: product.id }, admin)).data.tier
    })

    /** Any answer, timed; a refusal is an answer, not a throw. */
    const send = async (method: "get" | "post" | "delete", url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
      const started = Date.now()
      const config = { headers, validateStatus: () => true }
      const response = method === "post" ? await api.post(url, body, config) : await api[method](url, config)
      return { status: response.status, data: response.data, ms: Date.now() - started }
    }
    const store = (method: "get" | "post", url: string, body?: unknown, tenant = studio) => send(method, url, body, tenant.headers.headers)
    const asAdmin = (method: "get" | "post" | "delete", url: string, body?: unknown) => send(method, url, body, admin.headers)

    const counts = async () => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const out: Record<string, number> = {}
      for (const table of TABLES) {
        out[table] = Number((await pg.raw(`select count(*)::int as n from "${table}"`)).rows[0].n)
      }
      return out
    }
    /** The server still answers its cheapest store route, quickly. */
    const stillAnswers = async () => {
      const health = await store("get", "/store/tiered/health")
      expect([health.status, health.data]).toEqual([200, { status: "ok" }])
      expect(health.ms).toBeLessThan(1000)
    }
    /** Each call is refused with `status`, quickly, with a message containing `message`. */
    const expectRefused = (answers: [string, Answer][], status: number, message?: string | RegExp) => {
      for (const [what, answer] of answers) {
        expect([what, answer.status]).toEqual([what, status])
        if (message) expect([what, answer.data.message]).toEqual([what, expect.stringMatching(message)])
        expect([what, answer.ms < 2000]).toEqual([what, true])
      }
    }

    it("refuses far dates on the store and admin routes at once (no walk to year 9999), and keeps answering", async () => {
      const before = await counts()
      const cart = (await store("post", "/store/carts", { region_id: region.id })).data.cart
      const settled = await counts()
      const far = [
        ["9999-12-30", "9999-12-31"],
        ["2201-01-01", "2201-01-02"],
        ["1999-12-30", "1999-12-31"],
      ]
      for (const [from, to] of far) {
        expectRefused(
          [
            ["availability", await store("get", `/store/tiers/${tier.id}/availability?from=${from}&to=${to}`)],
            ["availability from only", await store("get", `/store/tiers/${tier.id}/availability?from=${from}`)],
            ["price preview", await asAdmin("get", `/admin/tiers/${tier.id}/price-preview?region_id=${region.id}&from=${from}&to=${to}`)],
            ["calendar", await asAdmin("get", `/admin/availability/${studio.salesChannelId}/calendar?from=${from}&to=${to}`)],
            ["funnel report", await asAdmin("get", `/admin/tier-analytics/funnel?from=${from}&to=${to}`)],
            ["revenue report", await asAdmin("get", `/admin/tier-analytics/revenue?to=${to}&interval=day`)],
          ],
          400,
          RANGE
        )
      }
      expectRefused(
        [
          ["segment priced for a far date", await store("get", `/store/segments/${segment.handle}?region_id=${region.id}&event_date=9999-12-31`)],
          ["compare", await store("post", "/store/tiers/compare", { tier_ids: [tier.id, "tier_x"], region_id: region.id, event_date: "9999-12-31" })],
          ["upgrade quote", await store("post", "/store/tiers/upgrade-quote", { from_tier_id: tier.id, to_tier_id: "tier_x", region_id: region.id, event_date: "0001-01-01" })],
          ["offers", await store("post", "/store/upsell/offers", { visitor_id: "visitor-1", context: { event_date: "9999-12-31", viewing_tier_id: tier.id } })],
          ["tier-items", await store("post", `/store/carts/${cart.id}/tier-items`, { tier_id: tier.id, event_date: "9999-12-31" })],
          ["blackout", await asAdmin("post", `/admin/availability/${studio.salesChannelId}`, { add_blackouts: [{ start_date: "2020-01-01", end_date: "9999-12-31" }] })],
          ["high-demand date", await asAdmin("post", `/admin/availability/${studio.salesChannelId}`, { add_high_demand_dates: [{ date: "2201-01-01" }] })],
          ["season rule", await asAdmin("post", "/admin/pricing-rules", { label: "Forever", kind: "season", percent: 10, start_date: "2027-01-01", end_date: "9999-12-31" })],
          ["upsell rule window", await asAdmin("post", "/admin/upsell-rules", { name: "Later", trigger: { high_demand_date: true }, action: "emphasize_scarcity", headline: "Soon", starts_at: "9999-12-31T00:00:00Z" })],
          ["upsell rule window (epoch)", await asAdmin("post", "/admin/upsell-rules", { name: "Earlier", trigger: { high_demand_date: true }, action: "emphasize_scarcity", headline: "Soon", ends_at: 0 })],
        ],
        400,
        RANGE
      )
      // The last accepted day still answers, capped to the range rather than running past it.
      const edge = await store("get", `/store/tiers/${tier.id}/availability?from=2200-12-31`)
      expect(edge.status).toBe(200)
      expect(edge.data.dates.map((d: { date: string }) => d.date)).toEqual(["2200-12-31"])
      expect(await counts()).toEqual({ ...settled })
      expect(settled).toEqual({ ...before, cart: before.cart + 1 })
      await stillAnswers()
      const normal = await store("get", `/store/tiers/${tier.id}/availability?from=${day(10)}&to=${day(12)}`)
      expect(normal.data.dates).toHaveLength(3)
    })

    it("answers 400, never 500, to a NUL or other control character in a store path, query or body, and records nothing", async () => {
      const cart = (await store("post", "/store/carts", { region_id: region.id })).data.cart
      const before = await counts()
      const path = /path segment after "[^"]*" must not contain control characters \(found U\+00(00|1F|7F)\)/
      expectRefused(
        [
          ["segment handle", await store("get", `/store/segments/%00?region_id=${region.id}`)],
          ["tier id", await store("get", "/store/tiers/%00/availability")],
          ["tier id (unit separator)", await store("get", "/store/tiers/tier%1F/addons?region_id=x")],
          ["cart id (our fence)", await store("get", "/store/carts/%00")],
          ["cart id, line items", await store("post", "/store/carts/%00/line-items", { variant_id: "variant_x", quantity: 1 })],
          ["cart id, tier-items", await store("post", "/store/carts/%00/tier-items", { tier_id: tier.id, event_date: day(30) })],
          ["Medusa's product route", await store("get", "/store/products/prod%7F")],
          ["payment collection", await store("post", "/store/payment-collections/%00/payment-sessions", { provider_id: "pp_system_default" })],
        ],
        400,
        path
      )
      expectRefused(
        [
          ["region_id", await store("get", `/store/segments?region_id=reg%00`)],
          ["region_id of a segment", await store("get", `/store/segments/${segment.handle}?region_id=%00`)],
          ["availability from", await store("get", `/store/tiers/${tier.id}/availability?from=2027-01-01%00`)],
        ],
        400,
        /^query\.\w+ must not contain control characters \(found U\+0000\)$/
      )
      expectRefused(
        [
          ["tier-event segment", await store("post", "/store/tier-events", { name: "segment_selected", visitor_id: "visitor-1", segment: "signature\u0000" })],
          ["tier-event visitor", await store("post", "/store/tier-events", { name: "tier_viewed", visitor_id: "\u0000", tier_id: tier.id })],
          ["tier-event property", await store("post", "/store/tier-events", { name: "tier_viewed", visitor_id: "visitor-1", tier_id: tier.id, properties: { source: "a\u0008b" } })],
          ["compare ids", await store("post", "/store/tiers/compare", { tier_ids: [tier.id, "tier_\u0000"], region_id: region.id })],
          ["offers segment", await store("post", "/store/upsell/offers", { visitor_id: "visitor-1", context: { segment: "sig\u001bnature" } })],
          ["tier-items", await store("post", `/store/carts/${cart.id}/tier-items`, { tier_id: `${tier.id}\u0000`, event_date: day(30) })],
          ["Medusa's cart update", await store("post", `/store/carts/${cart.id}`, { email: "a\u0000@example.com" })],
        ],
        400,
        /^body\.[\w.[\]0-9]+ must not contain control characters \(found U\+00(00|08|1B)\)$/
      )
      // Half of a UTF-16 pair, written as a JSON escape: PostgreSQL refuses it in a json column.
      expectRefused(
        [
          ["tier-event property", await store("post", "/store/tier-events", { name: "tier_viewed", visitor_id: "visitor-1", tier_id: tier.id, properties: { source: "\ud800" } })],
          ["tier-event property name", await store("post", "/store/tier-events", { name: "tier_viewed", visitor_id: "visitor-1", tier_id: tier.id, properties: { ["s\udc00"]: "x" } })],
          ["Medusa's cart metadata", await store("post", `/store/carts/${cart.id}`, { metadata: { note: "a\udbffb" } })],
          ["admin segment description", await asAdmin("post", "/admin/segments", { handle: "luxury", name: "Luxury", description: "\udfff" })],
        ],
        400,
        /must be valid Unicode text \(found an unpaired surrogate, U\+D[89ABCDEF][0-9A-F]{2}\)$/
      )
      // Malformed percent-encoding is refused too (Express would answer its decoding error with a 500).
      expectRefused([["bad encoding", await store("get", "/store/carts/%E0%A4%A")]], 400, /not valid percent-encoding/)
      expect(await counts()).toEqual(before)
      const untouched = await store("get", `/store/carts/${cart.id}`)
      expect([untouched.status, untouched.data.cart.email ?? null, untouched.data.cart.items]).toEqual([200, null, []])
      await stillAnswers()
    })

    it("refuses control characters in admin text and ids, storing nothing, while ordinary text (tabs, newlines, accents) still saves", async () => {
      const before = await counts()
      expectRefused(
        [
          ["segment id", await asAdmin("get", "/admin/segments/%00")],
          ["segment update id", await asAdmin("post", "/admin/segments/%00", { name: "x" })],
          ["tier id", await asAdmin("post", "/admin/tiers/tier_%01", { name: "x" })],
        ],
        400,
        /control characters/
      )
      expectRefused(
        [
          ["segment name", await asAdmin("post", "/admin/segments", { handle: "luxury", name: "Lux\u0000ury" })],
          ["segment description", await asAdmin("post", "/admin/segments", { handle: "luxury", name: "Luxury", description: "bell\u0007" })],
          ["segment metadata key", await asAdmin("post", "/admin/segments", { handle: "luxury", name: "Luxury", metadata: { "k\u0000": 1 } })],
          ["tier feature", await asAdmin("post", `/admin/segments/${segment.id}/tiers`, { level: 2, name: "Select", features: ["Album", "Drone\u0000"] })],
          ["blackout reason", await asAdmin("post", `/admin/availability/${studio.salesChannelId}`, { add_blackouts: [{ start_date: day(40), reason: "closed\u0000" }] })],
          ["upsell headline", await asAdmin("post", "/admin/upsell-rules", { name: "Bundle", trigger: { addon_count_at_least: 2 }, action: "suggest_addon_bundle", headline: "Save\u001b[31m" })],
          ["pricing rule label", await asAdmin("post", "/admin/pricing-rules", { label: "Peak\u007f", kind: "season", months: [7], percent: 10 })],
          ["Medusa's product", await asAdmin("post", "/admin/products", { title: "Album\u0000", options: [{ title: "Size", values: ["One"] }] })],
          ["segment list query", await asAdmin("get", "/admin/segments?q=sig%00")],
        ],
        400,
        /must not contain control characters/
      )
      expect(await counts()).toEqual(before)

      // The dashboard's ordinary text still saves as it was written.
      const description = "First line\nSecond line\r\n\tIndented, café, 🎉"
      const created = await asAdmin("post", "/admin/segments", { handle: "luxury", name: "Luxury", description })
      expect([created.status, created.data.segment?.description]).toEqual([201, description])
      const product = await asAdmin("post", "/admin/products", { title: "Album\twith tab", description, options: [{ title: "Size", values: ["One"] }] })
      expect([product.status, product.data.product?.description]).toEqual([200, description])
      const updated = await asAdmin("post", `/admin/products/${product.data.product.id}`, { subtitle: "Line\nbreak" })
      expect([updated.status, updated.data.product?.subtitle]).toEqual([200, "Line\nbreak"])
      const refusedUpdate = await asAdmin("post", `/admin/products/${product.data.product.id}`, { subtitle: "bad\u0000" })
      expect(refusedUpdate.status).toBe(400)
      expect((await asAdmin("get", `/admin/products/${product.data.product.id}`)).data.product.subtitle).toBe("Line\nbreak")
    })

    it("refuses huge and negative numbers, wrong types, nested objects, deep nesting, bad JSON and oversized bodies with a 4xx, changing nothing", async () => {
      const cart = (await store("post", "/store/carts", { region_id: region.id })).data.cart
      const before = await counts()
      const tierItem = (extra: Record<string, unknown>) => store("post", `/store/carts/${cart.id}/tier-items`, { tier_id: tier.id, event_date: day(30), ...extra })
      let deep: unknown = "leaf"
      for (let i = 0; i < 200; i++) deep = { a: deep }
      const answers: [string, Answer][] = [
        ["guests 1e308", await tierItem({ guest_count: 1e308 })],
        ["guests -1", await tierItem({ guest_count: -1 })],
        ["guests 2^53+1", await tierItem({ guest_count: 2 ** 53 + 1 })],
        ["guests as text", await tierItem({ guest_count: "5" })],
        ["tier id as object", await tierItem({ tier_id: { $ne: null } })],
        ["add-ons as a string", await tierItem({ addon_variant_ids: "variant_x" })],
        ["unknown field", await tierItem({ unit_price: 1 })],
        ["missing date", await store("post", `/store/carts/${cart.id}/tier-items`, { tier_id: tier.id })],
        ["compare ids as object", await store("post", "/store/tiers/compare", { tier_ids: { 0: tier.id, 1: "tier_x" }, region_id: region.id })],
        ["region as array", await store("get", `/store/segments?region_id[]=a&region_id[]=b`)],
        ["region as nested query", await store("get", `/store/segments?region_id[$ne]=x`)],
        ["offers addon_count 1e308", await store("post", "/store/upsell/offers", { visitor_id: "visitor-1", context: { addon_count: 1e308 } })],
        ["segment rank 2^31", await asAdmin("post", "/admin/segments", { handle: "luxury", name: "Luxury", rank: 2 ** 31 })],
        ["segment rank 1e308", await asAdmin("post", "/admin/segments", { handle: "luxury", name: "Luxury", rank: 1e308 })],
        ["segment price range 1e308", await asAdmin("post", "/admin/segments", { handle: "luxury", name: "Luxury", price_range: { min: 0, max: 1e308 } })],
        ["tier max guests 2^40", await asAdmin("post", `/admin/segments/${segment.id}/tiers`, { level: 2, name: "Big", max_guests: 2 ** 40 })],
        ["last-minute days 1e15", await asAdmin("post", "/admin/pricing-rules", { label: "Soon", kind: "last_minute", days: 1e15, percent: -10 })],
        ["capacity -1", await asAdmin("post", `/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: -1 } })],
        ["list offset 1e12", await asAdmin("get", "/admin/segments?offset=1000000000000")],
        // Medusa's query parsing answers a name nested deeper than a.b with a 500 of its own.
        ["admin query name three levels deep", await asAdmin("get", "/admin/addon-rules?limit=20&Pc%23.v%25.3=2201-01-01")],
        ["store query name three levels deep", await store("get", `/store/segments?region_id=${region.id}&a.b.c=1`)],
        ["deep metadata", await asAdmin("post", "/admin/segments", { handle: "luxury", name: "Luxury", metadata: deep })],
        ["deep store body", await store("post", "/store/tier-events", deep)],
      ]
      expectRefused(answers, 400)
      const malformed = await send("post", `/store/carts/${cart.id}/tier-items`, '{"tier_id": "x", ', { ...studio.headers.headers, "content-type": "application/json" })
      expect(malformed.status).toBe(400)
      const oversized = await store("post", "/store/upsell/offers", { visitor_id: "visitor-1", context: {}, padding: "x".repeat(200_000) })
      expect(oversized.status).toBe(413)
      const oversizedEvent = await store("post", "/store/tier-events", { name: "tier_viewed", visitor_id: "visitor-1", properties: { note: "x".repeat(10_000) } })
      expect(oversizedEvent.status).toBe(413)
      expect(await counts()).toEqual(before)
      const untouched = await store("get", `/store/carts/${cart.id}`)
      expect(untouched.data.cart.items).toEqual([])
      await stillAnswers()
    })

    it("answers a refusal with the message the route's schema wrote, naming the field, and zod's own checks in Medusa's words", async () => {
      const other = (await asAdmin("post", `/admin/segments/${segment.id}/tiers`, { level: 2, name: "Other" })).data.tier
      const before = await counts()
      const written: [string, Answer, string][] = [
        ["compare one tier", await store("post", "/store/tiers/compare", { tier_ids: [tier.id], region_id: region.id }), "Invalid request: tier_ids: compare at least 2 tiers"],
        ["compare four tiers", await store("post", "/store/tiers/compare", { tier_ids: [tier.id, other.id, "tier_c", "tier_d"], region_id: region.id }), "Invalid request: tier_ids: compare at most 3 tiers"],
        ["segment without a name", await asAdmin("post", "/admin/segments", { handle: "luxury", name: "  " }), "Invalid request: name: must not be empty"],
        ["experiment of one variant", await asAdmin("post", "/admin/experiments", { key: "one", name: "One", variants: [{ key: "a", weight: 100 }] }), "Invalid request: variants: an experiment needs at least 2 variants"],
      ]
      for (const [what, answer, message] of written) {
        expect([what, answer.status, answer.data.message]).toEqual([what, 400, message])
      }
      // No message of ours: Medusa's formatting, as on its own routes.
      const unknown = await asAdmin("post", "/admin/segments", { handle: "luxury", name: "Luxury", colour: "red" })
      expect([unknown.status, unknown.data.message]).toEqual([400, "Invalid request: Unrecognized fields: 'colour'"])
      const wrongType = await store("post", "/store/tiers/compare", { tier_ids: "tier_x", region_id: region.id })
      expect([wrongType.status, wrongType.data.message]).toEqual([400, expect.stringMatching(/^Invalid request: Expected type: 'array' for field 'tier_ids'/)])
      expect(await counts()).toEqual(before)
    })
  },
})
