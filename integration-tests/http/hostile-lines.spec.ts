import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { addToCartWorkflow, deleteLineItemsWorkflow } from "@medusajs/medusa/core-flows"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant, failed as fail } from "./fixtures"

jest.setTimeout(240 * 1000)

const nextYear = new Date().getUTCFullYear() + 1

/**
 * A storefront that writes what it should not: line metadata (the tier line's date, tier,
 * guests, segment), line quantities, lines removed behind a package, another tenant's package.
 * What the plugin decided lives in its tier line records, so every attempt is refused (on
 * Medusa's line routes, or at checkout when something changed the cart behind them) and no
 * order, booking or conversion comes of it.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let venue: Tenant
    let region: { id: string }
    let select: { id: string }
    let v: Record<string, string>

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      venue = await createTenant(container, "Venue")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number, tenant = studio) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [tenant.salesChannelId] }) as any
      const pSelect = await mk("Select", 7500)
      const pLuxury = await mk("Venue Luxury", 15000, venue)
      const album = await mk("Album", 1200)
      const hour = await mk("Extra hour", 400)
      const drone = await mk("Drone", 700)
      v = { select: pSelect.variants[0].id, luxury: pLuxury.variants[0].id, album: album.variants[0].id, hour: hour.variants[0].id, drone: drone.variants[0].id }
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature", commission_percent: 10 }, admin)).data.segment
      select = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Select", product_id: pSelect.id, max_guests: 100 }, admin)).data.tier
      await api.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: "Venue Luxury", product_id: pLuxury.id }, admin)
      for (const p of [album, hour, drone]) {
        await api.post("/admin/addon-rules", { product_id: p.id, segment_id: segment.id, max_quantity: 2 }, admin)
      }
    })

    const cartModule = () => getContainer().resolve(Modules.CART) as any
    const bookingService = () => getContainer().resolve(BOOKING_MODULE) as BookingModuleService
    const nothingPlaced = async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      expect((await query.graph({ entity: "order", fields: ["id"] })).data).toEqual([])
      expect(await bookingService().listBookings({ status: ["pending", "confirmed"] })).toEqual([])
      expect(await (getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService).listConversions({})).toEqual([])
    }
    /** A cart holding Select for the date (with add-ons), as tier-items adds it. */
    const tierCart = async (date: string, addons: string[] = [], tenant = studio) => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, tenant.headers)).data.cart
      const { data } = await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: select.id, event_date: date, guest_count: 60, addon_variant_ids: addons }, tenant.headers)
      return data.cart
    }
    const pay = async (cartId: string, tenant = studio) => {
      const collection = (await api.post("/store/payment-collections", { cart_id: cartId }, tenant.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, tenant.headers)
    }
    const complete = (cartId: string, tenant = studio) => api.post(`/store/carts/${cartId}/complete`, {}, tenant.headers)
    const tierLineOf = (cart: any) => cart.items.find((i: any) => i.metadata?.tiered_kind === "tier")

    it("refuses every change to a package line's metadata or quantity through Medusa's line route, and leaves the line as it was", async () => {
      const date = `${nextYear}-10-02`
      const cart = await tierCart(date, [v.album])
      const line = tierLineOf(cart)
      const addon = cart.items.find((i: any) => i.metadata?.tiered_kind === "addon")
      for (const [lineId, body] of [
        [line.id, { quantity: 1, metadata: { ...line.metadata, event_date: `${nextYear}-10-03` } }],
        [line.id, { quantity: 1, metadata: { ...line.metadata, guest_count: 99999 } }],
        [line.id, { quantity: 1, metadata: { ...line.metadata, segment_id: "seg_unknown" } }],
        [line.id, { quantity: 3 }],
        [addon.id, { quantity: 2 }],
      ] as const) {
        const refused = await fail(api.post(`/store/carts/${cart.id}/line-items/${lineId}`, body, studio.headers))
        expect(refused.status).toBe(400)
      }
      const after = (await api.get(`/store/carts/${cart.id}`, studio.headers)).data.cart
      expect(after.items.map((i: any) => [i.id, i.quantity, i.unit_price, i.metadata])).toEqual(
        cart.items.map((i: any) => [i.id, i.quantity, i.unit_price, i.metadata])
      )
      // A plain line cannot take the plugin's keys either.
      const print = (await createPackageProduct(getContainer(), { title: "Print", prices: { usd: 90 }, salesChannelIds: [studio.salesChannelId] })) as any
      const withPrint = (await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: print.variants[0].id, quantity: 1 }, studio.headers)).data.cart
      const printLine = withPrint.items.find((i: any) => i.variant_id === print.variants[0].id)
      const forged = await fail(api.post(`/store/carts/${cart.id}/line-items/${printLine.id}`, { quantity: 1, metadata: { tiered_kind: "tier", event_date: date } }, studio.headers))
      expect(forged.status).toBe(400)
      expect(forged.data.message).toContain("tiered_kind")
      await nothingPlaced()
    })

    it("refuses at checkout a package line whose details were changed behind the routes: sold-out date, 99999 guests, unknown segment", async () => {
      const soldOut = `${nextYear}-10-09`
      const taken = await tierCart(soldOut)
      await pay(taken.id)
      await complete(taken.id)
      const beforeBookings = await bookingService().listBookings({})
      // Each cart on a date of its own: a cart holds its date.
      for (const [i, forged] of [{ event_date: soldOut }, { guest_count: 99999 }, { segment_id: "seg_unknown" }].entries()) {
        const cart = await tierCart(`${nextYear}-10-${16 + i}`)
        const line = tierLineOf(cart)
        await cartModule().updateLineItems(line.id, { metadata: { ...line.metadata, ...forged } })
        await pay(cart.id)
        const refused = await fail(complete(cart.id))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain("was changed outside tier-items")
        expect((await api.get(`/store/carts/${cart.id}`, studio.headers)).data.cart.completed_at).toBeNull()
      }
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      expect((await query.graph({ entity: "order", fields: ["id"] })).data).toHaveLength(1)
      // Nothing booked beyond the refused carts' own holds.
      const booked = (await bookingService().listBookings({})).filter((b) => b.status !== "held")
      expect(booked.map((b) => [b.id, b.status])).toEqual(beforeBookings.map((b) => [b.id, b.status]))
    })

    it("books, prices and commissions from the record: a guest count over the tier's maximum set on the record's tier is refused at checkout", async () => {
      const cart = await tierCart(`${nextYear}-10-23`)
      // The merchant lowers the tier's maximum below the booking's guests before the couple pays.
      await api.post(`/admin/tiers/${select.id}`, { max_guests: 40 }, admin)
      await pay(cart.id)
      const refused = await fail(complete(cart.id))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("Select takes at most 40 guests; this booking has 60")
      await nothingPlaced()
    })

    it("removes a package's add-ons with it through Medusa's delete route, and refuses add-ons left without their package at checkout", async () => {
      const cart = await tierCart(`${nextYear}-10-30`, [v.album, v.hour, v.drone])
      const line = tierLineOf(cart)
      const { data } = await api.delete(`/store/carts/${cart.id}/line-items/${line.id}`, studio.headers)
      expect(data.parent.items).toEqual([])

      // The package removed behind the routes (here Medusa's own workflow): the bundle-priced add-ons cannot be ordered alone.
      const second = await tierCart(`${nextYear}-11-06`, [v.album, v.hour, v.drone])
      await deleteLineItemsWorkflow(getContainer()).run({ input: { cart_id: second.id, ids: [tierLineOf(second).id] } })
      await pay(second.id)
      const refused = await fail(complete(second.id))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("is an add-on of a package that is no longer in the cart")
      await nothingPlaced()
    })

    it("refuses at checkout another tenant's package or an add-on put in the cart as plain lines behind the routes", async () => {
      for (const variant of [v.luxury, v.album]) {
        const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, studio.headers)).data.cart
        await addToCartWorkflow(getContainer()).run({ input: { cart_id: cart.id, items: [{ variant_id: variant, quantity: 1 }] } })
        await pay(cart.id)
        const refused = await fail(complete(cart.id))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(variant === v.luxury ? /is a package sold for a date|is not sold by this store/ : /is an add-on/)
      }
      await nothingPlaced()
    })

    it("records the order's commission and bookings from the records, with the checkout's claim confirmed on the order line", async () => {
      const date = `${nextYear}-11-13`
      const cart = await tierCart(date, [v.album])
      await pay(cart.id)
      const { data } = await complete(cart.id)
      const order = data.order
      const [booking] = await bookingService().listBookings({ status: "confirmed" })
      const records = await bookingService().listTierLines({ order_id: order.id })
      const tierRecord = records.find((r) => r.kind === "tier")!
      expect(booking).toEqual(expect.objectContaining({ event_date: date, order_id: order.id, tier_line_id: tierRecord.id, cart_id: cart.id, guest_count: 60 }))
      expect(tierRecord.order_line_item_id).toBe(order.items.find((i: any) => i.metadata.tiered_kind === "tier").id)
      // The order.placed subscriber records the conversion: 7500 + 1200 at 10%.
      let conversions: any[] = []
      for (let i = 0; i < 50 && !conversions.length; i++) {
        conversions = await (getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService).listConversions({ order_id: order.id })
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(conversions).toHaveLength(1)
      expect(Number(conversions[0].commission)).toBe(870)
    })
  },
})
