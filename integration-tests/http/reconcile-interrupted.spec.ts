import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { adminHeaders, createPackageProduct, createRegion, createTenant, failed, Tenant } from "./fixtures"

jest.setTimeout(240 * 1000)

const nextYear = new Date().getUTCFullYear() + 1

/**
 * States the fault stage's real kills produced that the reconciler must also put right: Medusa's
 * checkout links the order to its cart and marks the cart completed in two parallel steps, so a
 * kill can commit one without the other; and a cancellation whose event was lost long after the
 * order was placed (its records untouched since) must still be reversed by an incremental run.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let region: { id: string }
    let tier: { id: string }

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      region = await createRegion(container, "usd")
      const product = (await createPackageProduct(container, { title: "Essential", prices: { usd: 5000 }, salesChannelIds: [studio.salesChannelId] })) as { id: string }
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature", commission_percent: 10 }, admin)).data.segment
      tier = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Essential", product_id: product.id }, admin)).data.tier
    })

    const bookings = () => getContainer().resolve(BOOKING_MODULE) as BookingModuleService
    const carts = () => getContainer().resolve(Modules.CART)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const run = async (body: Record<string, unknown> = {}) => (await api.post("/admin/tier-repairs/run", body, admin)).data.run
    const repairsOf = async (orderId: string) => (await api.get(`/admin/tier-repairs?order_id=${orderId}`, admin)).data.repairs
    const cartFor = async (date: string) => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, studio.headers)).data.cart
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tier.id, event_date: date }, studio.headers)
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, studio.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
      return cart.id as string
    }
    const place = async (date: string) => {
      const cartId = await cartFor(date)
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
      return { cartId, order: data.order }
    }
    const completedAt = async (cartId: string) => (await carts().retrieveCart(cartId, { select: ["id", "completed_at"] })).completed_at
    const conversions = (orderId: string) =>
      (getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService).listConversions({ order_id: orderId }, { order: { created_at: "ASC" } })

    it("marks the cart of a placed order completed when the checkout stopped after linking them, once the grace period is over", async () => {
      const { cartId, order } = await place(`${nextYear}-06-03`)
      // The process died after Medusa's link step committed and before its cart step did.
      await carts().updateCarts([{ id: cartId, completed_at: null }])

      await run({ grace_minutes: 15 })
      expect(await completedAt(cartId)).toBeNull()
      await run({ grace_minutes: 0 })
      expect(await completedAt(cartId)).not.toBeNull()
      const repairs = await repairsOf(order.id)
      expect(repairs.map((r: any) => [r.kind, r.cart_id, r.needs_attention])).toEqual([["cart_completed", cartId, false]])
      // A line can no longer be added to it through the store.
      const refused = await failed(api.post(`/store/carts/${cartId}/tier-items`, { tier_id: tier.id, event_date: `${nextYear}-06-10` }, studio.headers))
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect((await run({ grace_minutes: 0 })).repairs).toBe(0)
    })

    it("answers a checkout sent again for a cart that became an order with that order (a couple retrying after a lost answer)", async () => {
      const date = `${nextYear}-06-24`
      const { cartId, order } = await place(date)
      const again = await api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
      expect([again.status, again.data.type, again.data.order.id]).toEqual([200, "order", order.id])
      const { data: links } = await query().graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      expect(links.map((l: any) => l.order_id)).toEqual([order.id])
      expect((await bookings().listBookings({ event_date: date, status: ["pending", "confirmed"] })).map((b) => [b.order_id, b.status])).toEqual([[order.id, "confirmed"]])
    })

    it("reopens a cart marked completed by a checkout whose order was never linked to it, as it cancels that order", async () => {
      const date = `${nextYear}-06-17`
      const cartId = await cartFor(date)
      const { data } = await query().graph({ entity: "cart", fields: ["id", "items.*"], filters: { id: cartId } })
      const cart = data[0] as any
      // Medusa created the order and marked the cart completed; the process died before the link step committed.
      const orphan = await (getContainer().resolve(Modules.ORDER) as any).createOrders({
        sales_channel_id: studio.salesChannelId,
        region_id: region.id,
        currency_code: "usd",
        email: "couple@example.com",
        items: cart.items.map((i: any) => ({ title: i.title, variant_id: i.variant_id, product_id: i.product_id, quantity: i.quantity, unit_price: i.unit_price, metadata: i.metadata })),
      })
      await carts().updateCarts([{ id: cartId, completed_at: new Date() }])

      await run({ grace_minutes: 0 })
      const { data: orders } = await query().graph({ entity: "order", fields: ["id", "status"], filters: { id: orphan.id } })
      expect(orders[0].status).toBe("canceled")
      expect(await completedAt(cartId)).toBeNull()
      const [repair] = await repairsOf(orphan.id)
      expect(repair).toEqual(expect.objectContaining({ kind: "order_canceled", cart_id: cartId }))
      expect(repair.reason).toContain(`cart ${cartId}`)
      // The couple checks out the same cart again and gets the date.
      const again = await api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
      expect(again.data.type).toBe("order")
      expect(await bookings().listBookings({ order_id: again.data.order.id, status: "confirmed" })).toHaveLength(1)
      expect(await completedAt(cartId)).not.toBeNull()
    })

    it("reverses an order canceled long after its records were written when the cancellation's event was lost", async () => {
      const date = `${nextYear}-07-01`
      const { order } = await place(date)
      for (let i = 0; i < 50 && (await conversions(order.id)).length < 1; i++) await new Promise((r) => setTimeout(r, 100))
      // Placed two days ago: its records were last written then, and a run has checked up to now since.
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await knex.raw(`update tier_line set updated_at = now() - interval '2 days' where order_id = ?`, [order.id])
      await knex.raw(`update "order" set created_at = now() - interval '2 days', updated_at = now() - interval '2 days' where id = ?`, [order.id])
      await run({ grace_minutes: 0 })
      // Canceled now, and the process died before order.canceled reached its subscriber.
      await (getContainer().resolve(Modules.ORDER) as any).updateOrders(order.id, { status: "canceled", canceled_at: new Date() })

      const result = await run({ grace_minutes: 0 })
      expect(result.repairs).toBe(2)
      expect(await bookings().listBookings({ order_id: order.id, status: ["pending", "confirmed"] })).toEqual([])
      expect((await conversions(order.id)).map((c) => [c.reference, Number(c.revenue)])).toEqual([
        ["placed", 5000],
        ["canceled", -5000],
      ])
      expect((await repairsOf(order.id)).map((r: any) => r.kind).sort()).toEqual(["booking_canceled", "conversion_recorded"])
    })
  },
})
