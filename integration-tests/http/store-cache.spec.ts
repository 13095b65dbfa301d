import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../src/modules/segments"
import { cachedRead } from "../../src/queries/store-cache"
import { adminHeaders, createPackageProduct, createRegion, createTenant, dayFromToday as day, Tenant } from "./fixtures"

jest.setTimeout(240 * 1000)

// The store reads are cached in Medusa's Caching module (in memory in this app). Each test reads,
// writes through the admin API (or a store checkout) and reads again at once: the second read
// must show the write. The first test proves the answers really come from the cache.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let region: { id: string }
    let segment: { id: string }
    let products: Record<string, any>
    let tiers: Record<string, { id: string }>
    const eventDate = day(200)
    const month = Number(eventDate.slice(5, 7))

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      region = await createRegion(container, "usd")
      const pkg = (title: string, usd: number) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [studio.salesChannelId] })
      products = {
        essential: await pkg("Essential", 5000),
        select: await pkg("Select", 7500),
        spare: await pkg("Spare package", 6000),
        album: await pkg("Album", 1200),
      }
      segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment
      const tier = async (body: Record<string, unknown>) =>
        (await api.post(`/admin/segments/${segment.id}/tiers`, body, admin)).data.tier
      tiers = {
        essential: await tier({ level: 1, name: "Essential", product_id: products.essential.id, features: ["Gallery"] }),
        select: await tier({ level: 2, name: "Select", product_id: products.select.id, features: ["Gallery", "Album"] }),
      }
    })

    const segmentAnswer = async () =>
      (await api.get(`/store/segments/signature?region_id=${region.id}&event_date=${eventDate}`, studio.headers)).data
    const listAnswer = async () => (await api.get(`/store/segments?region_id=${region.id}`, studio.headers)).data.segments
    const compareAnswer = async () =>
      (
        await api.post(
          "/store/tiers/compare",
          { tier_ids: [tiers.essential.id, tiers.select.id], region_id: region.id, event_date: eventDate },
          studio.headers
        )
      ).data
    const tierNames = async () => (await segmentAnswer()).tiers.map((t: any) => t.name)
    const selectPrice = async () => (await segmentAnswer()).tiers.find((t: any) => t.name === "Select").price
    const dateOf = async (date: string) =>
      (await api.get(`/store/tiers/${tiers.select.id}/availability?from=${date}&to=${date}`, studio.headers)).data.dates[0]

    it("answers from the cache: a database change that bypasses Medusa is not seen until a write through Medusa", async () => {
      expect((await segmentAnswer()).segment.name).toBe("Signature")
      expect((await listAnswer())[0].name).toBe("Signature")
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(`update segment set name = 'Changed behind Medusa' where id = ?`, [segment.id])

      expect((await segmentAnswer()).segment.name).toBe("Signature")
      expect((await listAnswer())[0].name).toBe("Signature")

      await api.post(`/admin/segments/${segment.id}`, { description: "Written through the admin" }, admin)
      const fresh = await segmentAnswer()
      expect(fresh.segment).toEqual(expect.objectContaining({ name: "Changed behind Medusa", description: "Written through the admin" }))
      expect((await listAnswer())[0].name).toBe("Changed behind Medusa")
    })

    it("answers 304 to a storefront that has the current answer, and 200 once a write changed it", async () => {
      const path = `/store/segments/signature?region_id=${region.id}&event_date=${eventDate}`
      const first = await api.get(path, studio.headers)
      const etag = first.headers.etag
      expect(etag).toMatch(/^W\/"/)
      const conditional = { headers: { ...studio.headers.headers, "if-none-match": etag }, validateStatus: () => true }
      expect((await api.get(path, conditional)).status).toBe(304)

      await api.post(`/admin/tiers/${tiers.select.id}`, { max_guests: 120 }, admin)
      const changed = await api.get(path, conditional)
      expect(changed.status).toBe(200)
      expect(changed.headers.etag).not.toBe(etag)
      expect(changed.data.tiers.find((t: any) => t.name === "Select").max_guests).toBe(120)
    })

    it("tier, product, sales channel and flag writes change the catalog answers at once", async () => {
      expect(await tierNames()).toEqual(["Essential", "Select"])
      expect((await compareAnswer()).comparison.features).toEqual(["Gallery", "Album"])

      await api.post(`/admin/tiers/${tiers.select.id}`, { name: "Select+", features: ["Gallery", "Album", "Film"] }, admin)
      expect(await tierNames()).toEqual(["Essential", "Select+"])
      expect((await compareAnswer()).comparison.features).toEqual(["Gallery", "Album", "Film"])
      await api.post(`/admin/tiers/${tiers.select.id}`, { name: "Select" }, admin)

      await api.post(`/admin/tiers/${tiers.select.id}/archive`, {}, admin)
      expect(await tierNames()).toEqual(["Essential"])
      await api.post(`/admin/tiers/${tiers.select.id}/restore`, {}, admin)
      expect(await tierNames()).toEqual(["Essential", "Select"])

      await api.post(`/admin/products/${products.select.id}`, { status: "draft" }, admin)
      expect(await tierNames()).toEqual(["Essential"])
      expect((await listAnswer())[0].tier_count).toBe(1)
      await api.post(`/admin/products/${products.select.id}`, { status: "published" }, admin)
      expect(await tierNames()).toEqual(["Essential", "Select"])

      await api.post(`/admin/sales-channels/${studio.salesChannelId}/products`, { remove: [products.select.id] }, admin)
      expect(await tierNames()).toEqual(["Essential"])
      await api.post(`/admin/sales-channels/${studio.salesChannelId}/products`, { add: [products.select.id] }, admin)
      expect(await tierNames()).toEqual(["Essential", "Select"])

      await api.post(`/admin/tiers/${tiers.select.id}/product`, { product_id: products.spare.id }, admin)
      const reassigned = (await segmentAnswer()).tiers.find((t: any) => t.name === "Select")
      expect(reassigned).toEqual(expect.objectContaining({ product_id: products.spare.id, variant_id: products.spare.variants[0].id }))
      expect(reassigned.price.base).toBe(6000)

      await api.post("/admin/tier-flags", { segments: false }, admin)
      expect(await listAnswer()).toEqual([])
      await api.delete("/admin/tier-flags?key=segments", admin)
      expect((await listAnswer()).map((s: any) => s.tier_count)).toEqual([2])
    })

    it("price and pricing rule writes change the priced answers at once", async () => {
      expect(await selectPrice()).toEqual(expect.objectContaining({ base: 7500, final: 7500, adjustments: [] }))
      expect((await listAnswer())[0].from_price).toBe(5000)

      const variantId = products.select.variants[0].id
      await api.post(`/admin/products/${products.select.id}/variants/${variantId}`, { prices: [{ currency_code: "usd", amount: 8000 }] }, admin)
      expect((await selectPrice()).base).toBe(8000)

      const { price_list } = (
        await api.post(
          "/admin/price-lists",
          { title: "Winter sale", description: "Sale", status: "active", prices: [{ variant_id: products.essential.variants[0].id, currency_code: "usd", amount: 4000 }] },
          admin
        )
      ).data
      expect((await listAnswer())[0].from_price).toBe(4000)
      await api.delete(`/admin/price-lists/${price_list.id}`, admin)
      expect((await listAnswer())[0].from_price).toBe(5000)

      const rule = (await api.post("/admin/pricing-rules", { label: "Busy month", kind: "season", months: [month], percent: 20 }, admin)).data.pricing_rule
      expect(await selectPrice()).toEqual(expect.objectContaining({ base: 8000, final: 9600 }))
      expect((await compareAnswer()).tiers.map((t: any) => t.price.final)).toEqual([6000, 9600])
      await api.post(`/admin/pricing-rules/${rule.id}`, { percent: 10 }, admin)
      expect((await selectPrice()).final).toBe(8800)
      await api.post(`/admin/pricing-rules/${rule.id}`, { is_active: false }, admin)
      expect((await selectPrice()).final).toBe(8000)
    })

    it("add-on rule writes change a tier's add-ons at once", async () => {
      const addons = async () =>
        (await api.get(`/store/tiers/${tiers.select.id}/addons?region_id=${region.id}`, studio.headers)).data.addons
      expect(await addons()).toEqual([])
      const rule = (await api.post("/admin/addon-rules", { product_id: products.album.id, segment_id: segment.id, max_quantity: 2 }, admin)).data.addon_rule
      expect((await addons()).map((a: any) => [a.title, a.max_quantity])).toEqual([["Album", 2]])
      await api.post(`/admin/addon-rules/${rule.id}`, { max_quantity: 3 }, admin)
      expect((await addons())[0].max_quantity).toBe(3)
      await api.delete(`/admin/addon-rules/${rule.id}`, admin)
      expect(await addons()).toEqual([])
    })

    it("availability writes, a booking and its cancellation change the date's status at once", async () => {
      expect(await dateOf(eventDate)).toEqual(expect.objectContaining({ status: "available", remaining: 1 }))

      await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 2, high_demand_threshold: 0 } }, admin)
      expect(await dateOf(eventDate)).toEqual(expect.objectContaining({ status: "available", remaining: 2 }))
      const flagged = (await api.post(`/admin/availability/${studio.salesChannelId}`, { add_high_demand_dates: [{ date: eventDate }] }, admin)).data
      expect((await dateOf(eventDate)).status).toBe("limited")
      const flagId = flagged.availability.high_demand_dates[0].id
      await api.post(`/admin/availability/${studio.salesChannelId}`, { remove_high_demand_date_ids: [flagId], settings: { capacity_per_date: 1 } }, admin)
      expect(await dateOf(eventDate)).toEqual(expect.objectContaining({ status: "available", remaining: 1 }))

      const blackoutDay = day(210)
      expect((await dateOf(blackoutDay)).status).toBe("available")
      await api.post(`/admin/availability/${studio.salesChannelId}`, { add_blackouts: [{ start_date: blackoutDay, reason: "Closed" }] }, admin)
      expect(await dateOf(blackoutDay)).toEqual(expect.objectContaining({ status: "blackout", reason: "Closed" }))

      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, studio.headers)).data.cart
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tiers.select.id, event_date: eventDate }, studio.headers)
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, studio.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
      const { order } = (await api.post(`/store/carts/${cart.id}/complete`, {}, studio.headers)).data
      expect(await dateOf(eventDate)).toEqual(expect.objectContaining({ status: "sold_out", remaining: 0 }))

      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      // The booking is freed by the order.canceled subscriber, after the cancel answers.
      const bookings = getContainer().resolve(BOOKING_MODULE) as BookingModuleService
      for (let i = 0; i < 50 && (await bookings.listBookings({ order_id: order.id }))[0]?.status !== "canceled"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(await dateOf(eventDate)).toEqual(expect.objectContaining({ status: "available", remaining: 1 }))
    })

    it("upsell rule and flag writes change the offers at once", async () => {
      const offers = async () =>
        (
          await api.post(
            "/store/upsell/offers",
            { visitor_id: "visitor-1", region_id: region.id, context: { viewing_tier_id: tiers.essential.id, event_date: eventDate } },
            studio.headers
          )
        ).data.offers
      expect(await offers()).toEqual([])
      const rule = (
        await api.post(
          "/admin/upsell-rules",
          { name: "Compare up", trigger: { viewing_tier: { level: 1 } }, action: "show_comparison", headline: "See {{to_tier}}" },
          admin
        )
      ).data.upsell_rule
      expect((await offers()).map((o: any) => o.headline)).toEqual(["See Select"])
      await api.post(`/admin/upsell-rules/${rule.id}`, { headline: "Compare with {{to_tier}}" }, admin)
      expect((await offers()).map((o: any) => o.headline)).toEqual(["Compare with Select"])
      await api.post("/admin/tier-flags", { upsell: false }, admin)
      expect(await offers()).toEqual([])
      await api.delete("/admin/tier-flags?key=upsell", admin)
      await api.post(`/admin/upsell-rules/${rule.id}`, { is_active: false }, admin)
      expect(await offers()).toEqual([])
    })

    it("does not keep an answer computed while a write landed", async () => {
      const container = getContainer()
      const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
      let computed = 0
      const read = () =>
        cachedRead(container, "catalog", { test: "race" }, async () => {
          computed += 1
          const [row] = await service.listSegments({ id: segment.id })
          if (computed === 1) {
            // A merchant's write lands after this answer was read, before it is stored.
            await service.updateSegments({ id: segment.id, name: "Renamed meanwhile" })
            // Its invalidation runs right after, as a write served by another request would.
            await new Promise((resolve) => setImmediate(resolve))
          }
          return row.name
        })
      expect(await read()).toBe("Signature")
      expect(await read()).toBe("Renamed meanwhile")
      expect(await read()).toBe("Renamed meanwhile")
      expect(computed).toBe(2)
    })
  },
})
