import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { tracked } from "./analytics-app/recording-analytics"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant } from "./fixtures"
import { newVisitor } from "./visitors"

jest.setTimeout(240 * 1000)

// medusa-config.ts registers Medusa's Analytics module on this provider; spec files share the process, so it is undone after.
process.env.ANALYTICS_PROVIDER = path.join(__dirname, "analytics-app", "recording-analytics.ts")
process.env.ANALYTICS_PROVIDER_ID = "recording"
afterAll(() => {
  delete process.env.ANALYTICS_PROVIDER
  delete process.env.ANALYTICS_PROVIDER_ID
})

const nextYear = new Date().getUTCFullYear() + 1

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let region: { id: string }
    let tier: { id: string }

    beforeEach(async () => {
      tracked.length = 0
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      region = await createRegion(container, "usd")
      const product = (await createPackageProduct(container, { title: "Select", prices: { usd: 7500 }, salesChannelIds: [studio.salesChannelId] })) as any
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature", commission_percent: 10 }, admin)).data.segment
      tier = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Select", product_id: product.id }, admin)).data.tier
    })

    it("hands every funnel event and the order to the host's Analytics module, with GA4 names alongside ours", async () => {
      const v1 = await newVisitor(api, studio)
      await api.post("/store/tier-events", { name: "segment_selected", visitor_id: v1, segment: "signature" }, studio.headers)
      await api.post("/store/tier-events", { name: "tier_compared", visitor_id: v1, segment: "signature" }, studio.headers)
      await api.post("/store/tier-events", { name: "checkout_started", visitor_id: v1, tier_id: tier.id }, studio.headers)
      expect(tracked.map((t) => t.event)).toEqual(["segment_selected", "view_item_list", "tier_compared", "checkout_started", "begin_checkout"])
      expect(tracked[0]).toEqual(
        expect.objectContaining({ actor_id: v1, group: { type: "sales_channel", id: studio.salesChannelId }, properties: expect.objectContaining({ tiered_event: "segment_selected" }) })
      )

      tracked.length = 0
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "c@example.com", metadata: { visitor_id: v1 } }, studio.headers)).data.cart
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tier.id, event_date: `${nextYear}-11-10` }, studio.headers)
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, studio.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
      const { order } = (await api.post(`/store/carts/${cart.id}/complete`, {}, studio.headers)).data
      for (let i = 0; i < 100 && !tracked.some((t) => t.event === "purchase"); i++) await new Promise((r) => setTimeout(r, 100))
      const purchase = tracked.find((t) => t.event === "purchase")
      expect(purchase).toEqual(
        expect.objectContaining({
          actor_id: v1,
          properties: expect.objectContaining({ transaction_id: order.id, currency: "USD", value: 7500, commission: 750, tiered_event: "order" }),
        })
      )
      expect(tracked.filter((t) => t.event === "order")).toHaveLength(1)
    })

    it("forwards offers shown and decided from the server, and not the storefront's copy of them", async () => {
      const v2 = await newVisitor(api, studio)
      const rule = (
        await api.post("/admin/upsell-rules", { name: "Compare", trigger: { segment_in: ["signature"] }, action: "suggest_addon_bundle", headline: "Bundle" }, admin)
      ).data.upsell_rule
      const [offer] = (await api.post("/store/upsell/offers", { visitor_id: v2, context: { viewing_tier_id: tier.id } }, studio.headers)).data.offers
      await api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" }, studio.headers)
      await api.post("/store/tier-events", { name: "upsell_accepted", visitor_id: v2, tier_id: tier.id }, studio.headers)
      for (let i = 0; i < 100 && !tracked.some((t) => t.event === "select_promotion"); i++) await new Promise((r) => setTimeout(r, 100))
      await new Promise((r) => setTimeout(r, 300))
      expect(tracked.map((t) => t.event)).toEqual(["upsell_shown", "view_promotion", "upsell_accepted", "select_promotion"])
      expect(tracked[3]).toEqual(expect.objectContaining({ actor_id: v2, properties: expect.objectContaining({ promotion_id: rule.id, offer_id: offer.id }) }))
    })
  },
})
