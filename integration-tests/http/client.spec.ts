import Medusa, { FetchError } from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { isAddonLine, isTierLine, tieredStore, TieredStore, withTieredStore } from "../../src/client"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant } from "./fixtures"

jest.setTimeout(300 * 1000)

const nextYear = new Date().getUTCFullYear() + 1
// Peak season (+20%) on the first, no rule on the second.
const PEAK = `${nextYear}-07-17`
const QUIET = `${nextYear}-11-10`

/** The FetchError a call must throw (the test fails when it succeeds). */
async function refused(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError)
    return error as FetchError
  }
  throw new Error("expected the call to fail")
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let other: Tenant
    let region: { id: string }
    let segment: { id: string; handle: string }
    let t: Record<"essential" | "select" | "complete", { id: string; product_id: string }>
    let v: Record<"album" | "hour" | "drone", string>
    let sdk: Medusa
    let tiered: TieredStore

    const newSdk = (key: string) =>
      new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: key, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      other = await createTenant(container, "Other")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [studio.salesChannelId] }) as Promise<any>
      segment = (
        await api.post(
          "/admin/segments",
          { handle: "signature", name: "Signature", audience: "Couples who want the full day", price_range: { min: 5000, max: 10000 }, rank: 1, image: "https://example.com/s.jpg" },
          admin
        )
      ).data.segment
      const tiers = [
        ["essential", 1, 5000, ["8 hours", "Online gallery"], false],
        ["select", 2, 7500, ["10 hours", "Online gallery", "Second shooter"], true],
        ["complete", 3, 10000, ["12 hours", "Online gallery", "Second shooter", "Album"], false],
      ] as const
      t = {} as typeof t
      for (const [key, level, price, features, popular] of tiers) {
        const product = await mk(`${key} package`, price)
        const body = { level, name: key[0].toUpperCase() + key.slice(1), product_id: product.id, features, max_guests: 50 * level, is_popular: popular }
        t[key] = { id: (await api.post(`/admin/segments/${segment.id}/tiers`, body, admin)).data.tier.id, product_id: product.id }
      }
      const album = await mk("Album", 1200)
      const hour = await mk("Extra hour", 400)
      const drone = await mk("Drone", 700)
      v = { album: album.variants[0].id, hour: hour.variants[0].id, drone: drone.variants[0].id }
      await api.post("/admin/addon-rules", { product_id: album.id, segment_id: segment.id }, admin)
      await api.post("/admin/addon-rules", { product_id: hour.id, segment_id: segment.id, max_quantity: 4 }, admin)
      await api.post("/admin/pricing-rules", { label: "Peak season", kind: "season", months: [6, 7, 8, 9], percent: 20, priority: 1 }, admin)
      await api.post(
        `/admin/availability/${studio.salesChannelId}`,
        { settings: { min_lead_days: 14, max_advance_days: 800 }, add_blackouts: [{ start_date: `${nextYear}-12-24`, end_date: `${nextYear}-12-26`, reason: "Holidays" }] },
        admin
      )
      await api.post(
        "/admin/upsell-rules",
        { name: "Upgrade", trigger: { addon_count_at_least: 2 }, action: "suggest_upgrade", incentive_percent: 5, headline: "{{to_tier}} for {{price_difference}} more", priority: 1 },
        admin
      )
      sdk = newSdk(studio.key)
      tiered = tieredStore(sdk.client)
    })

    it("reads the catalog: the segment list, a segment priced for a date, a comparison, add-ons and availability", async () => {
      expect(await tiered.health()).toEqual({ status: "ok" })
      const { segments } = await tiered.segments.list({ region_id: region.id })
      expect(segments).toEqual([
        {
          id: segment.id,
          handle: "signature",
          name: "Signature",
          description: null,
          audience: "Couples who want the full day",
          price_range: { min: 5000, max: 10000 },
          rank: 1,
          image: "https://example.com/s.jpg",
          tier_count: 3,
          from_price: 5000,
        },
      ])

      const detail = await tiered.segments.retrieve("signature", { region_id: region.id, event_date: PEAK })
      expect(detail.segment.handle).toBe("signature")
      expect(detail.tiers.map((tier) => [tier.name, tier.level, tier.is_popular, tier.max_guests, tier.price?.base, tier.price?.final])).toEqual([
        ["Essential", 1, false, 50, 5000, 6000],
        ["Select", 2, true, 100, 7500, 9000],
        ["Complete", 3, false, 150, 10000, 12000],
      ])
      expect(detail.tiers[1].price!.adjustments).toEqual([expect.objectContaining({ kind: "season", label: "Peak season", percent: 20, amount: 1500 })])
      expect(detail.comparison.matrix["Second shooter"]).toEqual([false, true, true])

      // Asked in reverse, answered in catalog order; no date, no adjustments.
      const compared = await tiered.tiers.compare({ tier_ids: [t.complete.id, t.essential.id], region_id: region.id })
      expect(compared.tiers.map((tier) => [tier.id, tier.price?.final, tier.price?.adjustments.length])).toEqual([
        [t.essential.id, 5000, 0],
        [t.complete.id, 10000, 0],
      ])
      expect(compared.comparison.features).toEqual(["8 hours", "Online gallery", "12 hours", "Second shooter", "Album"])

      const addons = await tiered.tiers.addons(t.select.id, { region_id: region.id })
      expect(addons.bundle).toEqual({ min_addons: 3, percent: -10 })
      expect(addons.addons.map((a) => [a.title, a.variant_id, a.max_quantity, a.price])).toEqual([
        ["Album", v.album, 1, { amount: 1200, currency_code: "usd" }],
        ["Extra hour", v.hour, 4, { amount: 400, currency_code: "usd" }],
      ])

      const { tier_id, dates } = await tiered.tiers.availability(t.select.id, { from: `${nextYear}-12-23`, to: `${nextYear}-12-25` })
      expect(tier_id).toBe(t.select.id)
      expect(dates).toEqual([
        { date: `${nextYear}-12-23`, status: "available", remaining: 1 },
        { date: `${nextYear}-12-24`, status: "blackout", remaining: 0, reason: "Holidays" },
        { date: `${nextYear}-12-25`, status: "blackout", remaining: 0, reason: "Holidays" },
      ])
      // Without a range: the next 90 days, the first ones inside the lead time.
      const window = await tiered.tiers.availability(t.select.id)
      expect(window.dates).toHaveLength(90)
      expect(window.dates[0].status).toBe("unavailable")
    })

    it("books a tier with add-ons, takes the upsell, upgrades the cart, checks out, and the customer upgrades the order", async () => {
      const email = "ada@example.com"
      const password = "s3cret-pass"
      await sdk.auth.register("customer", "emailpass", { email, password })
      await sdk.store.customer.create({ email, first_name: "Ada" })
      await sdk.auth.login("customer", "emailpass", { email, password })

      // A storefront starts by getting its signed visitor id, and keeps it (an unsigned one is replaced).
      const { visitor_id: ada, returning } = await tiered.visitor()
      expect(returning).toBe(false)
      expect(await tiered.visitor({ visitor_id: ada })).toEqual({ visitor_id: ada, returning: true })
      const { cart: created } = await sdk.store.cart.create({ region_id: region.id, email, metadata: { visitor_id: ada } })
      const { cart } = await tiered.carts.addTier(created.id, {
        tier_id: t.essential.id,
        event_date: QUIET,
        guest_count: 40,
        addon_variant_ids: [v.album, v.hour, v.hour],
      })
      const tierLine = cart.items.find(isTierLine)!
      expect(tierLine.metadata).toEqual(expect.objectContaining({ tier_id: t.essential.id, event_date: QUIET, guest_count: 40 }))
      expect(tierLine.unit_price).toBe(5000)
      // Three add-on units: 10% off each add-on line.
      expect(cart.items.filter(isAddonLine).map((i) => [i.variant_id, i.quantity, i.unit_price, i.metadata.price_breakdown.adjustments[0]?.rule_id]).sort()).toEqual(
        [
          [v.album, 1, 1080, "bundle"],
          [v.hour, 2, 360, "bundle"],
        ].sort()
      )
      expect(cart.total).toBe(5000 + 1080 + 720)

      const { offers, visitor_id } = await tiered.upsell.offers({ visitor_id: ada, cart_id: cart.id })
      expect(visitor_id).toBe(ada)
      expect(offers).toEqual([
        expect.objectContaining({
          action: "suggest_upgrade",
          status: "shown",
          from_tier_id: t.essential.id,
          to_tier_id: t.select.id,
          incentive_percent: 5,
          // 7500 - 5% = 7125, minus the line's 5000.
          price_difference: 2125,
          headline: "Select for $2,125.00 more",
        }),
      ])
      const { offer } = await tiered.upsell.decide(offers[0].id, { decision: "accepted" })
      expect(offer).toEqual(expect.objectContaining({ id: offers[0].id, status: "accepted" }))

      const quote = await tiered.tiers.upgradeQuote({
        from_tier_id: t.essential.id,
        to_tier_id: t.select.id,
        region_id: region.id,
        line_item_id: tierLine.id,
        offer_id: offer.id,
      })
      expect(quote).toEqual({
        allowed: true,
        price_difference: 2125,
        discount: 375,
        features_added: ["10 hours", "Second shooter"],
        rows_added: [expect.objectContaining({ key: "10 hours", to: true }), expect.objectContaining({ key: "Second shooter", to: true })],
        currency_code: "usd",
      })

      const upgraded = await tiered.carts.upgradeTier(cart.id, { line_item_id: tierLine.id, to_tier_id: t.select.id, offer_id: offer.id })
      expect(upgraded.upgrade).toEqual(
        expect.objectContaining({ cart_id: cart.id, from_tier_id: t.essential.id, to_tier_id: t.select.id, offer_id: offer.id, price_difference: 2125, currency_code: "usd" })
      )
      const newLine = upgraded.cart.items.find(isTierLine)!
      expect([newLine.metadata.tier_id, newLine.unit_price, newLine.metadata.event_date]).toEqual([t.select.id, 7125, QUIET])
      expect(upgraded.cart.total).toBe(7125 + 1080 + 720)

      // No deposit policy here: checkout takes the whole total.
      expect((await tiered.carts.paymentPlan(cart.id)).payment_plan).toEqual(expect.objectContaining({ total: 8925, due_now: 8925, balance: 0, pay_in_full: true, reason: "no_policy" }))
      const { cart: payable } = await sdk.store.cart.retrieve(cart.id)
      await sdk.store.payment.initiatePaymentSession(payable, { provider_id: "pp_system_default" })
      const completed = await sdk.store.cart.complete(cart.id)
      if (completed.type !== "order") throw new Error(`checkout failed: ${completed.error?.message}`)
      const order = completed.order
      expect(order.total).toBe(8925)
      expect((await tiered.orders.paymentPlan(order.id)).payment_plan).toEqual(expect.objectContaining({ total: 8925, paid: 8925, balance: 0, status: "paid" }))

      // The studio captures what was paid; what the upgrade adds is then due.
      const paid = (await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin)).data.order
      await api.post(`/admin/payments/${paid.payment_collections[0].payments[0].id}/capture`, {}, admin)
      const orderLine = order.items!.find(isTierLine)!
      const after = await tiered.orders.upgradeTier(order.id, { line_item_id: orderLine.id, to_tier_id: t.complete.id })
      expect(after.amount_due).toBe(10000 - 7125)
      expect(after.currency_code).toBe("usd")
      expect(after.upgrade).toEqual(expect.objectContaining({ order_id: order.id, from_tier_id: t.select.id, to_tier_id: t.complete.id, price_difference: 2875 }))
      expect(after.order.items.filter((i) => isTierLine(i) && Number(i.quantity) > 0).map((i) => i.metadata!.tier_id)).toEqual([t.complete.id])

      expect(await tiered.events.track({ name: "checkout_started", visitor_id: ada, tier_id: t.select.id, properties: { step: "payment" } })).toEqual({ accepted: true, visitor_id: ada })
      const analytics: TierAnalyticsModuleService = getContainer().resolve(TIER_ANALYTICS_MODULE)
      const [event] = await analytics.listTierEvents({ visitor_id: ada })
      expect(event).toEqual(expect.objectContaining({ name: "checkout_started", tier_id: t.select.id, segment_id: segment.id, sales_channel_id: studio.salesChannelId, properties: { step: "payment" } }))
    })

    it("surfaces refusals as FetchError with the status and the server's message", async () => {
      const missing = await refused(tiered.segments.retrieve("nope", { region_id: region.id }))
      expect([missing.status, missing.message]).toEqual([404, "Segment nope was not found"])

      const one = await refused(tiered.tiers.compare({ tier_ids: [t.select.id], region_id: region.id }))
      expect(one.status).toBe(400)
      expect(one.message).toBe("Invalid request: tier_ids: compare at least 2 tiers")

      const backwards = await refused(tiered.tiers.availability(t.select.id, { from: `${nextYear}-03-02`, to: `${nextYear}-03-01` }))
      expect(backwards.status).toBe(400)
      expect(backwards.message).toContain("from must not be after to")

      const { cart } = await sdk.store.cart.create({ region_id: region.id })
      const blackout = await refused(tiered.carts.addTier(cart.id, { tier_id: t.select.id, event_date: `${nextYear}-12-25` }))
      expect(blackout.status).toBe(400)
      expect(blackout.message).toContain("Holidays")
      const bookings: BookingModuleService = getContainer().resolve(BOOKING_MODULE)
      await bookings.createBookings({ sales_channel_id: studio.salesChannelId, tier_id: t.select.id, product_id: t.select.product_id, event_date: QUIET, pool: "", slot: 1 })
      const taken = await refused(tiered.carts.addTier(cart.id, { tier_id: t.select.id, event_date: QUIET }))
      expect(taken.status).toBe(409)
      expect(taken.message).toContain("sold out")

      // Without a visitor id the answer carries a fresh one to keep.
      const asked = await tiered.upsell.offers({ region_id: region.id, context: { viewing_tier_id: t.essential.id, addon_count: 2 } })
      expect(asked.visitor_id).toMatch(/^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}$/)
      const [offer] = asked.offers
      await tiered.upsell.decide(offer.id, { decision: "declined" })
      const twice = await refused(tiered.upsell.decide(offer.id, { decision: "accepted" }))
      expect([twice.status, twice.message]).toEqual([409, `Offer ${offer.id} was already declined`])

      const down = await tiered.tiers.upgradeQuote({ from_tier_id: t.select.id, to_tier_id: t.essential.id, region_id: region.id })
      expect(down).toEqual(expect.objectContaining({ allowed: false, reason: expect.stringContaining("not above Select") }))

      const anonymous = await refused(tiered.orders.upgradeTier("order_123", { line_item_id: "item_1", to_tier_id: t.select.id }))
      expect(anonymous.status).toBe(401)

      const badEvent = await refused(tiered.events.track({ name: "tier_viewed", visitor_id: asked.visitor_id, tier_id: "tier_nope" }))
      expect([badEvent.status, badEvent.message]).toEqual([404, "Tier tier_nope was not found"])
    })

    it("adds `tiered` to an SDK instance, and per-call headers override the SDK's key", async () => {
      const extended = withTieredStore(newSdk(other.key))
      expect(extended.store).toBeDefined()
      // The other tenant sells none of the studio's packages.
      expect((await extended.tiered.segments.list({ region_id: region.id })).segments).toEqual([])
      const hidden = await refused(extended.tiered.tiers.addons(t.select.id, { region_id: region.id }))
      expect(hidden.status).toBe(404)
      const asStudio = await extended.tiered.segments.list({ region_id: region.id }, { "x-publishable-api-key": studio.key })
      expect(asStudio.segments.map((s) => s.handle)).toEqual(["signature"])
    })
  },
})
