import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../src/modules/segments"
import type { CommissionRateRow } from "../../src/queries/commission"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { UPSELL_MODULE, UpsellModuleService } from "../../src/modules/upsell"
import { meanDifference } from "../../src/lib/sequential"
import { recordConversionWorkflow } from "../../src/workflows/record-conversion"
import { adminHeaders, createPackageProduct, createRegion, createTenant, eventually, failed as fail, Tenant } from "./fixtures"
import { newVisitor } from "./visitors"

jest.setTimeout(300 * 1000)

const nextYear = new Date().getUTCFullYear() + 1
const QUIET = `${nextYear}-11-10`
const QUIET_2 = `${nextYear}-11-17`
const today = new Date().toISOString().slice(0, 10)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let other: Tenant
    let region: { id: string }
    let seg: Record<string, { id: string }>
    let t: Record<string, { id: string }>
    let album: string
    let visitors: Record<string, string>

    beforeEach(async () => {
      visitors = {}
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      other = await createTenant(container, "Other")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number, channels = [studio.salesChannelId]) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: channels }) as any
      seg = {
        signature: (await api.post("/admin/segments", { handle: "signature", name: "Signature", rank: 1, commission_percent: 10 }, admin)).data.segment,
        luxury: (await api.post("/admin/segments", { handle: "luxury", name: "Luxury", rank: 2, commission_percent: 12 }, admin)).data.segment,
      }
      t = {}
      for (const [key, segment, level, price] of [
        ["essential", seg.signature, 1, 5000],
        ["select", seg.signature, 2, 7500],
        ["prestige", seg.luxury, 1, 12000],
      ] as const) {
        const product = await mk(`${key} package`, price)
        t[key] = (await api.post(`/admin/segments/${segment.id}/tiers`, { level, name: key[0].toUpperCase() + key.slice(1), product_id: product.id }, admin)).data.tier
      }
      const theirs = await mk("Their package", 3000, [other.salesChannelId])
      t.theirs = (await api.post(`/admin/segments/${seg.luxury.id}/tiers`, { level: 2, name: "Theirs", product_id: theirs.id }, admin)).data.tier
      const albumProduct = await mk("Album", 1000)
      await api.post("/admin/addon-rules", { product_id: albumProduct.id, segment_id: seg.signature.id, max_quantity: 2 }, admin)
      await api.post("/admin/addon-rules", { product_id: albumProduct.id, segment_id: seg.luxury.id, max_quantity: 2 }, admin)
      album = albumProduct.variants[0].id
      await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 10 } }, admin)
    })

    const event = (body: Record<string, unknown>, tenant = studio) => api.post("/store/tier-events", body, tenant.headers)
    /** The server-signed id of the test's visitor of that name (ids the server did not sign are replaced). */
    const vid = async (name: string) => (visitors[name] ??= await newVisitor(api, studio))
    const analytics = () => getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService
    const placeOrder = async (tier: string, date: string, addons: string[] = [], visitor?: string) => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com", metadata: visitor ? { visitor_id: visitor } : undefined }, studio.headers)).data.cart
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tier, event_date: date, addon_variant_ids: addons }, studio.headers)
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, studio.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
      const { order } = (await api.post(`/store/carts/${cart.id}/complete`, {}, studio.headers)).data
      return { order, cartId: cart.id as string }
    }
    /** Subscribers run on the event bus after the request: wait until `check` holds. */
    const conversionsOf = (orderId: string) => analytics().listConversions({ order_id: orderId }, { order: { created_at: "ASC" } })

    describe("POST /store/tier-events", () => {
      it("records a funnel event for the key's tenant, resolving the segment from a handle or the tier", async () => {
        const v1 = await vid("v1")
        const bySegment = await event({ name: "segment_selected", visitor_id: v1, segment: "signature", properties: { source: "home" } })
        expect(bySegment.status).toBe(202)
        expect(bySegment.data).toEqual({ accepted: true, visitor_id: v1 })
        await event({ name: "tier_viewed", visitor_id: v1, tier_id: t.select.id })
        await event({ name: "tier_compared", visitor_id: v1, segment: seg.signature.id, properties: { tiers: 3, sticky: true, note: null } })
        const stored = await analytics().listTierEvents({}, { order: { created_at: "ASC" } })
        expect(stored.map((e) => [e.name, e.visitor_id, e.sales_channel_id, e.segment_id, e.tier_id])).toEqual([
          ["segment_selected", v1, studio.salesChannelId, seg.signature.id, null],
          ["tier_viewed", v1, studio.salesChannelId, seg.signature.id, t.select.id],
          ["tier_compared", v1, studio.salesChannelId, seg.signature.id, null],
        ])
        expect(stored[0].properties).toEqual({ source: "home" })
      })

      it("refuses bad input and what the key cannot see, recording nothing", async () => {
        const refused = async (body: unknown, status: number, tenant = studio) => {
          const answer = await fail(event(body as Record<string, unknown>, tenant))
          expect([answer.status, answer.data.message]).toEqual([status, expect.any(String)])
          return answer
        }
        await refused({ name: "bought", visitor_id: "v" }, 400)
        await refused({ name: "tier_viewed", visitor_id: 42 }, 400)
        await refused({ name: "tier_viewed", visitor_id: "" }, 400)
        await refused({ name: "tier_viewed", visitor_id: "v", extra: 1 }, 400)
        await refused({ name: "tier_viewed", visitor_id: "v", properties: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])) }, 400)
        await refused({ name: "tier_viewed", visitor_id: "v", properties: { nested: { a: 1 } } }, 400)
        await refused({ name: "tier_viewed", visitor_id: "v", tier_id: t.theirs.id }, 404)
        await refused({ name: "segment_selected", visitor_id: "v", segment: "nope" }, 404)
        const mismatch = await refused({ name: "tier_viewed", visitor_id: "v", tier_id: t.prestige.id, segment: "signature" }, 400)
        expect(mismatch.data.message).toContain("is not in segment signature")
        const big = await fail(event({ name: "tier_viewed", visitor_id: "v", properties: { note: "x".repeat(9000) } }))
        expect(big.status).toBe(413)
        expect(await analytics().listTierEvents({})).toEqual([])
      })

      it("limits each visitor to 60 events a minute with a 429, without slowing other visitors", async () => {
        // The limit counts per clock minute: start early in one, so the 61 requests share it.
        const second = new Date().getUTCSeconds()
        if (second > 40) await new Promise((r) => setTimeout(r, (61 - second) * 1000))
        const flood = await vid("flood")
        for (let i = 0; i < 60; i++) {
          expect((await event({ name: "tier_viewed", visitor_id: flood, tier_id: t.select.id })).status).toBe(202)
        }
        const limited = await fail(event({ name: "tier_viewed", visitor_id: flood, tier_id: t.select.id }))
        expect(limited.status).toBe(429)
        expect(limited.data.message).toContain("at most 60 a minute")
        expect((await event({ name: "tier_viewed", visitor_id: await vid("calm"), tier_id: t.select.id })).status).toBe(202)
        expect(await analytics().listTierEvents({ visitor_id: flood })).toHaveLength(60)
      })
    })

    describe("conversions", () => {
      it("turns a placed order into one conversion with its commission, however often the event comes", async () => {
        const { order } = await placeOrder(t.essential.id, QUIET, [album, album], await vid("visitor-9"))
        const [conversion] = await eventually(() => conversionsOf(order.id), (c) => c.length > 0)
        // 5,000 + 2 x 1,000 at Signature's 10%
        expect(conversion).toEqual(
          expect.objectContaining({ kind: "order", reference: "placed", sales_channel_id: studio.salesChannelId, visitor_id: visitors["visitor-9"] })
        )
        expect([Number(conversion.revenue), Number(conversion.addon_revenue), Number(conversion.commission)]).toEqual([5000, 2000, 700])

        // The same event delivered again, and two workers racing on it: still one record.
        await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
        await Promise.all([
          recordConversionWorkflow(getContainer()).run({ input: { order_id: order.id, change: { kind: "placed" } } }),
          recordConversionWorkflow(getContainer()).run({ input: { order_id: order.id, change: { kind: "placed" } } }),
        ])
        await new Promise((r) => setTimeout(r, 500))
        expect(await conversionsOf(order.id)).toHaveLength(1)
        const lines = await analytics().listConversionLines({ order_id: order.id })
        expect(lines.map((l) => [l.tier_id, l.segment_id, Number(l.revenue), Number(l.addon_revenue), Number(l.commission)])).toEqual([
          [t.essential.id, seg.signature.id, 5000, 2000, 700],
        ])

        // What the order page's widget shows.
        const { tier_summary } = (await api.get(`/admin/orders/${order.id}/tier-summary`, admin)).data
        expect(tier_summary).toEqual({
          order_id: order.id,
          currency_code: "usd",
          revenue: 5000,
          addon_revenue: 2000,
          commission: 700,
          repairs: [],
          lines: [
            {
              line_item_id: expect.any(String),
              tier_id: t.essential.id,
              tier_name: "Essential",
              level: 1,
              segment_id: seg.signature.id,
              segment_name: "Signature",
              event_date: QUIET,
              guest_count: null,
              booking: { id: expect.any(String), status: "confirmed", slot: 1 },
              commission: 700,
            },
          ],
        })
        expect((await fail(api.get("/admin/orders/order_nope/tier-summary", admin))).status).toBe(404)
      })

      it("charges a tenant's own commission rate for a segment when it has one", async () => {
        // A deleted segment takes no more orders: the merchant is not asked for its rate.
        const gone = (await api.post("/admin/segments", { handle: "gone", name: "Gone", rank: 3, commission_percent: 20 }, admin)).data.segment
        await api.delete(`/admin/segments/${gone.id}`, admin)
        const rates = (await api.get(`/admin/commission-rates/${studio.salesChannelId}`, admin)).data.rates
        expect(rates.map((r: any) => [r.segment_handle, r.segment_percent, r.override_percent, r.effective_percent])).toEqual([
          ["signature", 10, null, 10],
          ["luxury", 12, null, 12],
        ])
        const set = (await api.post(`/admin/commission-rates/${studio.salesChannelId}`, { rates: [{ segment_id: seg.luxury.id, percent: 15 }] }, admin)).data.rates
        expect(set.find((r: any) => r.segment_id === seg.luxury.id)).toEqual(expect.objectContaining({ override_percent: 15, effective_percent: 15 }))
        expect((await api.get(`/admin/commission-rates/${other.salesChannelId}`, admin)).data.rates[1].effective_percent).toBe(12)

        const { order } = await placeOrder(t.prestige.id, QUIET, [album])
        const [conversion] = await eventually(() => conversionsOf(order.id), (c) => c.length > 0)
        // (12,000 + 1,000) x 15%
        expect(Number(conversion.commission)).toBe(1950)

        expect((await fail(api.post(`/admin/commission-rates/${studio.salesChannelId}`, { rates: [{ segment_id: seg.luxury.id, percent: 101 }] }, admin))).status).toBe(400)
        expect((await fail(api.post(`/admin/commission-rates/${studio.salesChannelId}`, { rates: [{ segment_id: "seg_nope", percent: 5 }] }, admin))).status).toBe(400)
        expect((await fail(api.post(`/admin/commission-rates/sc_nope`, { rates: [{ segment_id: seg.luxury.id, percent: 5 }] }, admin))).status).toBe(404)
        expect((await fail(api.get(`/admin/commission-rates/sc_nope`, admin))).status).toBe(404)
        const cleared = (await api.post(`/admin/commission-rates/${studio.salesChannelId}`, { rates: [{ segment_id: seg.luxury.id, percent: null }] }, admin)).data.rates
        expect(cleared.find((r: any) => r.segment_id === seg.luxury.id)).toEqual(expect.objectContaining({ override_percent: null, effective_percent: 12 }))

        // This app has no Stripe Connect: the admin can tell before a merchant tries, and trying is a clear 400.
        expect((await api.get(`/admin/stripe-connect/accounts/${studio.salesChannelId}`, admin)).data).toEqual({ account: null, configured: false })
        const off = await fail(api.post(`/admin/stripe-connect/accounts/${studio.salesChannelId}`, {}, admin))
        expect([off.status, off.data.message]).toEqual([400, expect.stringContaining("Stripe Connect is not set up")])
      })

      it("keeps a tenant's override in the segments module, beside the segment's rate, and reads it back", async () => {
        const segments = getContainer().resolve(SEGMENTS_MODULE) as SegmentsModuleService
        await api.post(`/admin/commission-rates/${studio.salesChannelId}`, { rates: [{ segment_id: seg.luxury.id, percent: 15 }] }, admin)
        const stored = await segments.listCommissionRates({ sales_channel_id: studio.salesChannelId })
        expect(stored.map((r) => [r.id.startsWith("comr_"), r.segment_id, Number(r.percent)])).toEqual([[true, seg.luxury.id, 15]])
        expect("listCommissionRates" in analytics()).toBe(false)
        const read: CommissionRateRow[] = (await api.get(`/admin/commission-rates/${studio.salesChannelId}`, admin)).data.rates
        expect(read.map((r) => [r.segment_handle, r.override_percent, r.effective_percent])).toEqual([
          ["signature", null, 10],
          ["luxury", 15, 15],
        ])

        // A row already in the table (as an install upgraded from an earlier release has) is the tenant's rate.
        await segments.createCommissionRates({ sales_channel_id: other.salesChannelId, segment_id: seg.signature.id, percent: 7 })
        const theirs: CommissionRateRow[] = (await api.get(`/admin/commission-rates/${other.salesChannelId}`, admin)).data.rates
        expect(theirs.find((r) => r.segment_id === seg.signature.id)).toEqual(expect.objectContaining({ override_percent: 7, effective_percent: 7 }))
        // One live override per tenant and segment.
        await expect(segments.createCommissionRates({ sales_channel_id: other.salesChannelId, segment_id: seg.signature.id, percent: 8 })).rejects.toThrow()
      })

      it("reverses a cancellation and a refund, so the reports net them out", async () => {
        const canceled = (await placeOrder(t.essential.id, QUIET, [album])).order
        const refunded = (await placeOrder(t.prestige.id, QUIET_2, [album])).order
        await eventually(() => analytics().listConversions({}), (c) => c.length === 2)

        await api.post(`/admin/orders/${canceled.id}/cancel`, {}, admin)
        const afterCancel = await eventually(() => conversionsOf(canceled.id), (c) => c.length === 2)
        expect(afterCancel.map((c) => [c.kind, c.reference, Number(c.revenue), Number(c.addon_revenue), Number(c.commission)])).toEqual([
          ["order", "placed", 5000, 1000, 600],
          ["reversal", "canceled", -5000, -1000, -600],
        ])
        await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.canceled", data: { id: canceled.id } })

        const paid = (await api.get(`/admin/orders/${refunded.id}?fields=*payment_collections.payments`, admin)).data.order
        const payment = paid.payment_collections[0].payments[0]
        await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
        await api.post(`/admin/payments/${payment.id}/refund`, { amount: 3250 }, admin)
        const afterRefund = await eventually(() => conversionsOf(refunded.id), (c) => c.length === 2)
        // 3,250 of 13,000 = a quarter: 12,000 x 12% + 1,000 x 12% = 1,560 commission, a quarter of it 390.
        expect(afterRefund.map((c) => [c.kind, Number(c.revenue), Number(c.addon_revenue), Number(c.commission)])).toEqual([
          ["order", 12000, 1000, 1560],
          ["reversal", -3000, -250, -390],
        ])
        await new Promise((r) => setTimeout(r, 300))
        expect(await conversionsOf(canceled.id)).toHaveLength(2)

        const revenue = (await api.get(`/admin/tier-analytics/revenue?from=${today}&to=${today}`, admin)).data
        const bySegment = revenue.by_segment.map((r: any) => [r.segment_name, r.orders, r.revenue, r.addon_revenue, r.commission])
        expect(bySegment.sort()).toEqual([
          ["Luxury", 1, 9000, 750, 1170],
          ["Signature", 0, 0, 0, 0],
        ])
      })
    })

    describe("reports", () => {
      it("computes the funnel, tier popularity, upsell, revenue and experiments from the fixtures, as JSON and CSV", async () => {
        // Funnel by hand: 4 visitors pick Signature, 3 view Essential, 2 compare, 1 starts checkout, 1 orders.
        for (const v of ["v1", "v2", "v3", "v4"]) await event({ name: "segment_selected", visitor_id: await vid(v), segment: "signature" })
        for (const v of ["v1", "v2", "v3"]) await event({ name: "tier_viewed", visitor_id: await vid(v), tier_id: t.essential.id })
        await event({ name: "tier_viewed", visitor_id: await vid("v1"), tier_id: t.essential.id })
        for (const v of ["v1", "v2"]) await event({ name: "tier_compared", visitor_id: await vid(v), segment: "signature" })
        await event({ name: "checkout_started", visitor_id: await vid("v1"), segment: "signature" })
        await event({ name: "tier_viewed", visitor_id: await vid("v5"), tier_id: t.prestige.id })
        await event({ name: "segment_selected", visitor_id: await vid("x"), segment: "luxury" }, studio)

        const rule = (
          await api.post("/admin/upsell-rules", { name: "Add-ons: bundle", trigger: { addon_count_at_least: 1 }, action: "suggest_addon_bundle", headline: "Bundle" }, admin)
        ).data.upsell_rule
        const experiment = (
          await api.post("/admin/experiments", { key: "copy", name: "Copy", variants: [{ key: "a", weight: 1 }, { key: "b", weight: 1 }] }, admin)
        ).data.experiment
        await api.post(`/admin/experiments/${experiment.id}/start`, {}, admin)

        const cart = (await api.post("/store/carts", { region_id: region.id, email: "c@example.com", metadata: { visitor_id: await vid("v1") } }, studio.headers)).data.cart
        await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: t.essential.id, event_date: QUIET, addon_variant_ids: [album] }, studio.headers)
        const [offer] = (await api.post("/store/upsell/offers", { visitor_id: await vid("v1"), cart_id: cart.id, context: {} }, studio.headers)).data.offers
        await api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" }, studio.headers)
        const v2Offers = { visitor_id: await vid("v2"), region_id: region.id, context: { viewing_tier_id: t.essential.id, addon_count: 1 } }
        await api.post("/store/upsell/offers", v2Offers, studio.headers)
        // Asked again the same day, by the same visitor: still one impression.
        await api.post("/store/upsell/offers", v2Offers, studio.headers)
        const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, studio.headers)).data.payment_collection
        await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
        const { order } = (await api.post(`/store/carts/${cart.id}/complete`, {}, studio.headers)).data
        const [conversion] = await eventually(() => conversionsOf(order.id), (c) => c.length > 0)
        expect(conversion).toEqual(expect.objectContaining({ upsell_offer_id: offer.id, upsell_rule_id: rule.id, visitor_id: visitors.v1, experiment_key: "copy" }))

        const q = `from=${today}&to=${today}&sales_channel_id=${studio.salesChannelId}`
        const funnel = (await api.get(`/admin/tier-analytics/funnel?${q}`, admin)).data
        const signature = funnel.segments.find((s: any) => s.segment_handle === "signature")
        expect(signature.steps).toEqual({ segment_selected: 4, tier_viewed: 3, tier_compared: 2, checkout_started: 1, order: 1 })
        expect(signature.rates.tier_viewed).toBeCloseTo(0.75, 10)
        expect(signature.rates.tier_compared).toBeCloseTo(2 / 3, 10)
        expect(signature.rates.checkout_started).toBe(0.5)
        expect(signature.rates.order).toBe(1)
        // Over all segments: v1-v4 and x selected, v1-v3 and v5 viewed.
        expect(funnel.total.steps).toEqual({ segment_selected: 5, tier_viewed: 4, tier_compared: 2, checkout_started: 1, order: 1 })
        expect((await api.get(`/admin/tier-analytics/funnel?from=${today}&to=${today}&sales_channel_id=${other.salesChannelId}`, admin)).data.segments).toEqual([])

        const tiers = (await api.get(`/admin/tier-analytics/tiers?${q}`, admin)).data.tiers
        expect(tiers.map((r: any) => [r.tier_name, r.views, r.orders, r.revenue, r.addon_revenue, r.commission])).toEqual([
          ["Essential", 3, 1, 5000, 1000, 600],
          ["Prestige", 1, 0, 0, 0, 0],
        ])

        const upsell = (await api.get(`/admin/tier-analytics/upsell?${q}`, admin)).data.rules
        expect(upsell).toEqual([
          expect.objectContaining({ rule_id: rule.id, rule_name: "Add-ons: bundle", shown: 2, accepted: 1, declined: 0, acceptance_rate: 0.5, orders: 1, revenue: 6000 }),
        ])

        const revenue = (await api.get(`/admin/tier-analytics/revenue?${q}&interval=month`, admin)).data
        expect(revenue.by_tier).toEqual([expect.objectContaining({ tier_name: "Essential", segment_name: "Signature", orders: 1, revenue: 5000, addon_revenue: 1000, commission: 600, currency_code: "usd" })])
        expect(revenue.series).toEqual([{ period: `${today.slice(0, 7)}-01`, segment_id: seg.signature.id, segment_name: "Signature", revenue: 5000, commission: 600, currency_code: "usd" }])

        const experiments = (await api.get(`/admin/tier-analytics/experiments?sales_channel_id=${studio.salesChannelId}`, admin)).data.experiments
        expect(experiments).toHaveLength(1)
        expect(experiments[0].currency_code).toBe("usd")
        const variants = experiments[0].variants
        expect(variants.reduce((s: number, v: any) => s + v.visitors, 0)).toBe(2)
        expect(variants.find((v: any) => v.key === conversion.experiment_variant)).toEqual(
          expect.objectContaining({ conversions: 1, converted_visitors: 1, revenue: 6000, enough_data: false, comparison: null })
        )
        // Two visitors are too few to check the split or compare anything.
        expect(experiments[0].srm).toEqual({ p_value: null, flagged: false, expected_shares: { a: 0.5, b: 0.5 }, observed_shares: expect.any(Object) })
        expect(experiments[0].verdict).toBe("Not enough data yet: each variant needs 100 visitors and 10 orders; keep it running: results stay valid however often you look.")
        expect(variants[1].sequential).toEqual({ decision: "keep_running", alpha: 0.05, difference: null, p_value: null, lower: null, upper: null })

        const csv = await api.get(`/admin/tier-analytics/tiers?${q}&format=csv`, admin)
        expect(csv.headers["content-type"]).toContain("text/csv")
        expect(csv.headers["content-disposition"]).toContain(`tiers-${today}-${today}.csv`)
        expect(csv.data.split("\r\n").slice(0, 2)).toEqual([
          "tier_id,tier_name,level,segment_name,views,orders,revenue,addon_revenue,commission,currency_code",
          `${t.essential.id},Essential,1,Signature,3,1,5000,1000,600,usd`,
        ])
        expect((await fail(api.get("/admin/tier-analytics/funnel?from=2027-01-02&to=2027-01-01", admin))).status).toBe(400)
        expect((await fail(api.get("/admin/tier-analytics/funnel?format=xml", admin))).status).toBe(400)
        expect((await fail(api.get("/admin/tier-analytics/funnel", { headers: {} }))).status).toBe(401)
      })

      it("judges experiments: the split against the weights, the always-valid comparison, revenue per visitor from per-visitor sums, as JSON and CSV", async () => {
        const upsell = getContainer().resolve(UPSELL_MODULE) as UpsellModuleService
        const start = async (key: string) => {
          const experiment = (await api.post("/admin/experiments", { key, name: key, variants: [{ key: "a", weight: 1 }, { key: "b", weight: 1 }] }, admin)).data.experiment
          await api.post(`/admin/experiments/${experiment.id}/start`, {}, admin)
          return experiment as { id: string; key: string }
        }
        const expose = (e: { id: string; key: string }, variant: string, count: number) =>
          upsell.createExperimentExposures(
            Array.from({ length: count }, (_, i) => ({ experiment_id: e.id, experiment_key: e.key, variant, visitor_id: `${e.key}-${variant}${i}`, sales_channel_id: studio.salesChannelId }))
          )
        const orders: Record<string, unknown>[] = []
        const order = (e: { id: string; key: string }, variant: string, visitor: number, revenue: number, canceled = false) => {
          const orderId = `order_${e.key}_${orders.length}`
          const common = { order_id: orderId, sales_channel_id: studio.salesChannelId, currency_code: "usd", addon_revenue: 0, commission: 0, occurred_at: new Date() }
          orders.push({ ...common, kind: "order", reference: "placed", revenue, experiment_id: e.id, experiment_key: e.key, experiment_variant: variant, visitor_id: `${e.key}-${variant}${visitor}` })
          if (canceled) orders.push({ ...common, kind: "reversal", reference: "canceled", revenue: -revenue })
        }

        // An even split: a converts 40 of 400 visitors at 1,000 each, b 80 of 400 (b0 placed a second order, canceled; b1 two orders).
        const even = await start("even")
        await expose(even, "a", 400)
        await expose(even, "b", 400)
        for (let i = 0; i < 40; i++) order(even, "a", i, 1000)
        order(even, "b", 0, 1000)
        order(even, "b", 0, 3000, true)
        order(even, "b", 1, 1000)
        order(even, "b", 1, 2000)
        for (let i = 2; i < 80; i++) order(even, "b", i, 1000)
        // A skewed one: 600 against 400 under 50/50 weights (chi-square 40, p = 2.5e-10).
        const skewed = await start("skewed")
        await expose(skewed, "a", 600)
        await expose(skewed, "b", 400)
        for (let i = 0; i < 60; i++) order(skewed, "a", i, 1000)
        for (let i = 0; i < 80; i++) order(skewed, "b", i, 1000)
        await analytics().createConversions(orders as any)

        const report = (await api.get(`/admin/tier-analytics/experiments?sales_channel_id=${studio.salesChannelId}`, admin)).data.experiments
        const byKey = (key: string) => report.find((e: any) => e.key === key)

        const judged = byKey("even")
        expect(judged.srm).toEqual({ p_value: 1, flagged: false, expected_shares: { a: 0.5, b: 0.5 }, observed_shares: { a: 0.5, b: 0.5 } })
        const [a, b] = judged.variants
        // Per visitor in b: b0 1,000 (one net order), b1 3,000 (two orders), 78 visitors 1,000: sum 82,000, squares 88,000,000.
        expect(a).toEqual(expect.objectContaining({ visitors: 400, conversions: 40, converted_visitors: 40, revenue: 40_000, revenue_per_visitor: 100, sequential: null, revenue_difference: null }))
        expect(b).toEqual(expect.objectContaining({ visitors: 400, conversions: 81, converted_visitors: 80, revenue: 82_000, revenue_per_visitor: 205 }))
        expect(a.revenue_per_visitor_variance).toBeCloseTo((40_000_000 - 400 * 100 ** 2) / 399 / 400, 6)
        expect(b.revenue_per_visitor_variance).toBeCloseTo((88_000_000 - 400 * 205 ** 2) / 399 / 400, 6)
        // 10% against 20% of 400: V = 6.25e-4, n tau2 = 2, z^2 = 16: p = 0.008362, interval 0.1 -/+ 0.081529.
        expect(b.sequential.decision).toBe("winner")
        expect(b.sequential.p_value).toBeCloseTo(0.0083623, 6)
        expect(b.sequential.lower).toBeCloseTo(0.0184712, 6)
        expect(b.sequential.upper).toBeCloseTo(0.1815288, 6)
        const revenue = meanDifference({ visitors: 400, sum: 40_000, sum_of_squares: 40_000_000 }, { visitors: 400, sum: 82_000, sum_of_squares: 88_000_000 })!
        expect(b.revenue_difference.difference).toBeCloseTo(105, 9)
        expect(b.revenue_difference.lower).toBeCloseTo(revenue.lower, 6)
        expect(b.revenue_difference.upper).toBeCloseTo(revenue.upper, 6)
        expect(b.comparison.significant).toBe(true)
        expect(judged.verdict).toBe("Variant b converts better than the control (+10.0 points, 95% always-valid interval +1.8 to +18.2); you can stop.")

        const withheld = byKey("skewed")
        expect(withheld.srm.flagged).toBe(true)
        expect(withheld.srm.p_value).toBeCloseTo(2.54e-10, 11)
        expect(withheld.srm.observed_shares).toEqual({ a: 0.6, b: 0.4 })
        // The counts still show; no comparison does.
        expect(withheld.variants[1]).toEqual(
          expect.objectContaining({
            visitors: 400,
            conversions: 80,
            comparison: null,
            revenue_difference: null,
            sequential: { decision: "withheld", alpha: 0.05, difference: null, p_value: null, lower: null, upper: null },
          })
        )
        expect(withheld.verdict).toBe("Visitors are not split as configured (sample-ratio mismatch, p < 0.001): results are withheld; check the assignment.")

        // Another tenant's report has none of these visitors.
        const theirs = (await api.get(`/admin/tier-analytics/experiments?sales_channel_id=${other.salesChannelId}`, admin)).data.experiments
        expect(theirs.find((e: any) => e.key === "even").variants.map((v: any) => v.visitors)).toEqual([0, 0])

        const csv = (await api.get(`/admin/tier-analytics/experiments?sales_channel_id=${studio.salesChannelId}&format=csv`, admin)).data.split("\r\n")
        const header = csv[0].split(",")
        expect(header).toEqual(expect.arrayContaining(["decision", "always_valid_p_value", "difference_lower", "difference_upper", "revenue_difference_lower", "srm_p_value", "srm_flagged", "verdict"]))
        const row = (experiment: string, variant: string) => {
          const line = csv.find((l: string) => l.startsWith(`${experiment},${variant},`))!
          return (column: string) => line.split(",")[header.indexOf(column)]
        }
        expect(row("even", "b")("decision")).toBe("winner")
        expect(row("skewed", "b")("decision")).toBe("withheld")
        expect(row("skewed", "b")("srm_flagged")).toBe("true")
      })
    })
  },
})
