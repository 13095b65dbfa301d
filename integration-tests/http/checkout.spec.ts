import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { refreshBookingsWorkflow } from "../../src/workflows/refresh-bookings"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant, failed as fail, dayFromToday as day } from "./fixtures"

jest.setTimeout(240 * 1000)

const nextYear = new Date().getUTCFullYear() + 1

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let region: { id: string }
    let select: { id: string }
    let v: Record<string, string>
    let peakRule: { id: string }

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [studio.salesChannelId] }) as any
      const pSelect = await mk("Select", 7500)
      const album = await mk("Album", 1200)
      const hour = await mk("Extra hour", 400)
      const drone = await mk("Drone", 700)
      v = { select: pSelect.variants[0].id, album: album.variants[0].id, hour: hour.variants[0].id, drone: drone.variants[0].id }
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment
      select = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Select", product_id: pSelect.id }, admin)).data.tier
      for (const p of [album, hour, drone]) {
        await api.post("/admin/addon-rules", { product_id: p.id, segment_id: segment.id, max_quantity: 2 }, admin)
      }
      peakRule = (
        await api.post("/admin/pricing-rules", { label: "Peak season", kind: "season", months: [6, 7, 8, 9], percent: 20, priority: 1 }, admin)
      ).data.pricing_rule
    })

    /** A cart with a tier line (and add-ons) and a payment session, ready to complete. */
    const readyCart = async (date: string, addons: string[] = []) => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, studio.headers)).data.cart
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: select.id, event_date: date, guest_count: 60, addon_variant_ids: addons }, studio.headers)
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, studio.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
      return cart.id as string
    }
    const complete = (cartId: string) => api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
    const bookings = () =>
      (getContainer().resolve(BOOKING_MODULE) as BookingModuleService).listBookings({}, { order: { created_at: "ASC" } })

    it("places an order for a tier with three add-ons and books its date", async () => {
      const date = `${nextYear}-07-17`
      const cartId = await readyCart(date, [v.album, v.hour, v.drone])
      const { data } = await complete(cartId)
      expect(data.type).toBe("order")
      const order = data.order
      // 7500 + 20% peak; add-ons 10% off each for the bundle.
      expect(order.total).toBe(9000 + 1080 + 360 + 630)
      const tierLine = order.items.find((i: any) => i.metadata.tiered_kind === "tier")

      const [booking] = await bookings()
      expect(booking).toEqual(
        expect.objectContaining({
          sales_channel_id: studio.salesChannelId,
          tier_id: select.id,
          event_date: date,
          slot: 1,
          status: "confirmed",
          order_id: order.id,
          line_item_id: tierLine.id,
          guest_count: 60,
        })
      )
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: linked } = await query.graph({ entity: "booking", fields: ["id", "order.id", "order_line_item.id"], filters: { id: booking.id } })
      expect(linked[0]).toEqual(expect.objectContaining({ order: expect.objectContaining({ id: order.id }), order_line_item: expect.objectContaining({ id: tierLine.id }) }))

      const availability = (await api.get(`/store/tiers/${select.id}/availability?from=${date}&to=${date}`, studio.headers)).data.dates
      expect(availability).toEqual([{ date, status: "sold_out", remaining: 0 }])
    })

    it("refuses a price that changed since the item was added, and a date that filled up", async () => {
      const date = `${nextYear}-07-18`
      const stale = await readyCart(date)
      await api.post(`/admin/pricing-rules/${peakRule.id}`, { percent: 25 }, admin)
      const refused = await fail(complete(stale))
      expect(refused.status).toBe(409)
      expect(refused.data.message).toContain("The price of Select for " + date + " changed from 9000 to 9375")
      // Nothing booked: the cart keeps only the hold tier-items took.
      expect((await bookings()).map((b) => b.status)).toEqual(["held"])
      expect((await api.get(`/store/carts/${stale}`, studio.headers)).data.cart.completed_at).toBeFalsy()

      // The date a first cart holds: a second cart is refused when it asks (holds.spec.ts covers a hold that lapsed and was taken).
      const quiet = `${nextYear}-11-12`
      const first = await readyCart(quiet)
      const second = (await api.post("/store/carts", { region_id: region.id, email: "other@example.com" }, studio.headers)).data.cart
      const taken = await fail(api.post(`/store/carts/${second.id}/tier-items`, { tier_id: select.id, event_date: quiet }, studio.headers))
      expect(taken.status).toBe(409)
      expect(taken.data.message).toContain(`${quiet} is held by another booking until`)
      expect((await complete(first)).data.type).toBe("order")
    })

    it("frees the date when the order is canceled", async () => {
      const date = `${nextYear}-11-13`
      const { data } = await complete(await readyCart(date))
      await api.post(`/admin/orders/${data.order.id}/cancel`, {}, admin)
      // The subscriber runs on the event bus; wait for it.
      for (let i = 0; i < 50 && (await bookings())[0]?.status !== "canceled"; i++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      expect((await bookings())[0].status).toBe("canceled")
      const again = (await api.get(`/store/tiers/${select.id}/availability?from=${date}&to=${date}`, studio.headers)).data.dates
      expect(again[0].status).toBe("available")
      expect((await complete(await readyCart(date))).data.type).toBe("order")
      const live = (await bookings()).filter((b) => b.status === "confirmed")
      expect(live.map((b) => [b.event_date, b.slot])).toEqual([[date, 1]])
    })

    it("sells a package only through tier-items: a plain line of it is refused when added and at checkout", async () => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, studio.headers)).data.cart
      const refused = await fail(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: v.select, quantity: 1 }, studio.headers))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("Select is a package sold for a date")
      // A plain product, neither package nor add-on, still goes through Medusa's route.
      const print = (await createPackageProduct(getContainer(), { title: "Print", prices: { usd: 90 }, salesChannelIds: [studio.salesChannelId] })) as any
      const withPrint = (await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: print.variants[0].id, quantity: 1 }, studio.headers)).data.cart
      expect(withPrint.items.map((i: any) => i.variant_id)).toEqual([print.variants[0].id])

      // Whatever route put it there (here Medusa's workflow), checkout refuses it and books nothing.
      await addToCartWorkflow(getContainer()).run({ input: { cart_id: cart.id, items: [{ variant_id: v.select, quantity: 1 }] } })
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, studio.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
      const atCheckout = await fail(complete(cart.id))
      expect(atCheckout.status).toBe(400)
      expect(atCheckout.data.message).toContain("is a package sold for a date")
      expect(await bookings()).toEqual([])
    })

    it("books one date per tier line: Medusa's line route cannot change a tier line, and checkout refuses one changed behind it", async () => {
      const cartId = await readyCart(`${nextYear}-11-06`)
      const cart = (await api.get(`/store/carts/${cartId}`, studio.headers)).data.cart
      const tierLine = cart.items.find((i: any) => i.metadata.tiered_kind === "tier")
      const refusedUpdate = await fail(api.post(`/store/carts/${cartId}/line-items/${tierLine.id}`, { quantity: 2 }, studio.headers))
      expect(refusedUpdate.status).toBe(400)
      expect(refusedUpdate.data.message).toContain("is a package booked for")
      expect((await api.get(`/store/carts/${cartId}`, studio.headers)).data.cart.items.find((i: any) => i.id === tierLine.id).quantity).toBe(1)

      // A quantity changed behind the store routes (here the cart module itself) is refused at checkout.
      await (getContainer().resolve(Modules.CART) as any).updateLineItems(tierLine.id, { quantity: 2 })
      // The cart changed, so Medusa wants a new payment session for its new total.
      const collection = (await api.post("/store/payment-collections", { cart_id: cartId }, studio.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
      const refused = await fail(complete(cartId))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("books one date per line")
      expect((await bookings()).map((b) => b.status)).toEqual(["held"])
    })

    it("keeps another tenant's key away from the cart on every cart route", async () => {
      const venue = await createTenant(getContainer(), "Venue")
      const cartId = await readyCart(`${nextYear}-11-20`)
      for (const call of [
        () => api.get(`/store/carts/${cartId}`, venue.headers),
        () => api.post(`/store/carts/${cartId}`, { email: "x@example.com" }, venue.headers),
        () => api.post(`/store/carts/${cartId}/line-items`, { variant_id: v.album, quantity: 1 }, venue.headers),
        () => api.post(`/store/carts/${cartId}/complete`, {}, venue.headers),
      ]) {
        expect((await fail(call())).status).toBe(404)
      }
      expect((await api.get(`/store/carts/${cartId}`, studio.headers)).data.cart.email).toBe("couple@example.com")
      expect((await bookings()).map((b) => b.status)).toEqual(["held"])
    })

    it("completes past bookings and drops past high-demand flags in the daily job's workflow", async () => {
      const service: BookingModuleService = getContainer().resolve(BOOKING_MODULE)
      const base = { sales_channel_id: studio.salesChannelId, tier_id: select.id, product_id: "prod_x", pool: "", slot: 1 }
      await service.createBookings([
        { ...base, event_date: day(-1) },
        { ...base, event_date: day(0) },
        { ...base, event_date: day(-3), status: "canceled" as const },
      ])
      await service.createHighDemandDates([
        { sales_channel_id: studio.salesChannelId, date: day(-2) },
        { sales_channel_id: studio.salesChannelId, date: day(5) },
      ])
      const { result } = await refreshBookingsWorkflow(getContainer()).run({ input: { today: day(0) } })
      expect(result).toEqual({ completed_bookings: 1, removed_high_demand_dates: 1 })
      const after = await service.listBookings({}, { order: { event_date: "ASC" } })
      expect(after.map((b) => [b.event_date, b.status])).toEqual([
        [day(-3), "canceled"],
        [day(-1), "completed"],
        [day(0), "confirmed"],
      ])
      expect((await service.listHighDemandDates({})).map((h) => h.date)).toEqual([day(5)])
      // Completed bookings still hold their date.
      expect((await api.get(`/store/tiers/${select.id}/availability?from=${day(-1)}&to=${day(-1)}`, studio.headers)).status).toBe(200)
    })
    // Ten checkouts racing for the last slot: holds.spec.ts (their holds lapsed, so the slot's unique index decides).

  },
})
