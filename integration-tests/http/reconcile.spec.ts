import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { beginOrderEditOrderWorkflow } from "@medusajs/medusa/core-flows"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { UPSELL_MODULE, UpsellModuleService } from "../../src/modules/upsell"
import backfillTierLineRecords from "../../src/migration-scripts/backfill-tier-line-records"
import { upgradeOrderTierWorkflow } from "../../src/workflows/upgrade-order-tier"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant, failed as fail } from "./fixtures"

jest.setTimeout(240 * 1000)

const nextYear = new Date().getUTCFullYear() + 1

/**
 * The states a process killed between two steps leaves behind, made here by undoing the last
 * steps of a real checkout, upgrade or cancellation; the reconciler (POST /admin/tier-repairs/run)
 * brings each back to one truth and records what it did. The fault stage kills real servers.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let region: { id: string }
    let tiers: { essential: any; select: any }
    let products: { essential: string; select: string }

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number) => createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [studio.salesChannelId] }) as any
      const [pEssential, pSelect] = [await mk("Essential", 5000), await mk("Select", 7500)]
      products = { essential: pEssential.id, select: pSelect.id }
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature", commission_percent: 10 }, admin)).data.segment
      tiers = {
        essential: (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Essential", product_id: pEssential.id }, admin)).data.tier,
        select: (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: "Select", product_id: pSelect.id }, admin)).data.tier,
      }
    })

    const bookings = () => getContainer().resolve(BOOKING_MODULE) as BookingModuleService
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const run = async (body: Record<string, unknown> = {}) => (await api.post("/admin/tier-repairs/run", body, admin)).data.run
    const repairsOf = async (orderId: string) => (await api.get(`/admin/tier-repairs?order_id=${orderId}`, admin)).data.repairs
    const cartFor = async (date: string, tierId = tiers.essential.id) => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, studio.headers)).data.cart
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tierId, event_date: date }, studio.headers)
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, studio.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
      return cart.id as string
    }
    const place = async (date: string, tierId = tiers.essential.id) => {
      const cartId = await cartFor(date, tierId)
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
      return { cartId, order: data.order }
    }
    const statusOf = async (date: string, tierId = tiers.essential.id) =>
      (await api.get(`/store/tiers/${tierId}/availability?from=${date}&to=${date}`, studio.headers)).data.dates[0].status
    const conversions = (orderId: string) =>
      (getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService).listConversions({ order_id: orderId }, { order: { created_at: "ASC" } })
    const settled = async (orderId: string, count: number) => {
      for (let i = 0; i < 50 && (await conversions(orderId)).length < count; i++) await new Promise((r) => setTimeout(r, 100))
    }

    it("confirms the claim of a checkout that stopped after Medusa created the order, and records it on the order", async () => {
      const date = `${nextYear}-03-04`
      const { cartId, order } = await place(date)
      const [booking] = await bookings().listBookings({ order_id: order.id })
      const records = await bookings().listTierLines({ cart_id: cartId })
      // The order-created hook never ran: the booking is still the checkout's claim, the records know no order.
      await bookings().updateBookings({ id: booking.id, status: "pending", order_id: null, line_item_id: null })
      await bookings().updateTierLines(records.map((r) => ({ id: r.id, order_id: null, order_line_item_id: null })))
      expect(await statusOf(date)).toBe("sold_out")

      const result = await run()
      expect(result.repairs).toBeGreaterThanOrEqual(1)
      const after = await bookings().retrieveBooking(booking.id)
      const line = order.items.find((i: any) => i.metadata.tiered_kind === "tier")
      expect(after).toEqual(expect.objectContaining({ status: "confirmed", order_id: order.id, line_item_id: line.id }))
      expect((await bookings().listTierLines({ cart_id: cartId })).map((r) => [r.order_id, r.order_line_item_id])).toEqual([[order.id, line.id]])
      expect((await repairsOf(order.id)).map((r: any) => r.kind)).toEqual(["claim_confirmed"])
      // The order page's widget shows it.
      const summary = (await api.get(`/admin/orders/${order.id}/tier-summary`, admin)).data.tier_summary
      expect(summary.repairs.map((r: any) => r.kind)).toEqual(["claim_confirmed"])
      expect(summary.lines[0].booking).toEqual(expect.objectContaining({ status: "confirmed" }))
      // A second run finds nothing more to do.
      expect((await run()).repairs).toBe(0)
    })

    it("leaves a checkout in flight alone, then gives back the claim of one that ended without an order", async () => {
      const date = `${nextYear}-03-11`
      const cartId = await cartFor(date)
      const [record] = await bookings().listTierLines({ cart_id: cartId })
      // The process died after the claim (the cart's hold, turned into it) was committed, before Medusa created the order.
      const claim = await bookings().claimSlot({
        sales_channel_id: studio.salesChannelId,
        tier_id: record.tier_id,
        product_id: record.product_id,
        event_date: date,
        pool: "",
        capacity: 1,
        status: "pending",
        tier_line_id: record.id,
        cart_id: cartId,
      })
      expect(await statusOf(date)).toBe("sold_out")
      await run({ grace_minutes: 15 })
      expect((await bookings().retrieveBooking(claim!.id)).status).toBe("pending")

      // Given back to the cart's hold, which still has its time to run: the couple keeps the date.
      await run({ grace_minutes: 0 })
      expect((await bookings().retrieveBooking(claim!.id)).status).toBe("held")
      expect(await statusOf(date)).toBe("held")
      const repairs = (await api.get(`/admin/tier-repairs?sales_channel_id=${studio.salesChannelId}`, admin)).data
      expect(repairs.repairs.map((r: any) => [r.kind, r.cart_id, r.needs_attention])).toEqual([["claim_released", cartId, false]])
      expect(repairs.last_run).toEqual(expect.objectContaining({ trigger: "admin", finished_at: expect.any(String) }))
      // The couple checks out again and gets the date.
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
      expect(data.type).toBe("order")
      expect(await bookings().listBookings({ order_id: data.order.id, status: "confirmed" })).toHaveLength(1)
    })

    it("books an order's package whose booking was lost, and flags the order for the merchant when its date went to someone else", async () => {
      const { order: first } = await place(`${nextYear}-03-18`)
      const { order: second } = await place(`${nextYear}-03-25`)
      for (const order of [first, second]) {
        const [b] = await bookings().listBookings({ order_id: order.id })
        await bookings().deleteBookings(b.id)
      }
      // Someone else takes the second order's date meanwhile.
      await bookings().createBookings({ sales_channel_id: studio.salesChannelId, tier_id: tiers.select.id, product_id: products.select, event_date: `${nextYear}-03-25`, pool: "", slot: 1, status: "confirmed" })

      await run({ full: true })
      expect(await bookings().listBookings({ order_id: first.id, status: "confirmed" })).toHaveLength(1)
      expect((await repairsOf(first.id)).map((r: any) => r.kind)).toEqual(["booking_created"])
      const [flag] = await repairsOf(second.id)
      expect(flag).toEqual(expect.objectContaining({ kind: "order_flagged", needs_attention: true, resolved_at: null, event_date: `${nextYear}-03-25` }))
      expect(flag.reason).toContain("has no booking: the date was taken by another booking")
      const open = (await api.get(`/admin/tier-repairs?needs_attention=true&resolved=false`, admin)).data
      expect(open.repairs.map((r: any) => r.id)).toEqual([flag.id])

      // The merchant resolves it; later runs do not raise it again.
      const resolved = (await api.post(`/admin/tier-repairs/${flag.id}/resolve`, {}, admin)).data.repair
      expect(resolved.resolved_at).toEqual(expect.any(String))
      await run({ full: true })
      expect((await api.get(`/admin/tier-repairs?needs_attention=true&resolved=false`, admin)).data.repairs).toEqual([])
      expect((await fail(api.post(`/admin/tier-repairs/repair_missing/resolve`, {}, admin))).status).toBe(404)
    })

    it("frees the date of an order canceled without its subscriber, and records a lost conversion and its reversal", async () => {
      const date = `${nextYear}-04-01`
      const { order } = await place(date)
      await settled(order.id, 1)
      // The order.placed event was lost, then the order was canceled and that event lost too.
      const analytics = getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService
      const lost = (await conversions(order.id)).map((c) => c.id)
      await analytics.deleteConversionLines((await analytics.listConversionLines({ conversion_id: lost })).map((l) => l.id))
      await analytics.deleteConversions(lost)
      await (getContainer().resolve(Modules.ORDER) as any).updateOrders(order.id, { status: "canceled", canceled_at: new Date() })
      expect(await statusOf(date)).toBe("sold_out")

      await run({ grace_minutes: 0 })
      expect(await bookings().listBookings({ order_id: order.id, status: "confirmed" })).toEqual([])
      expect(await statusOf(date)).toBe("available")
      const recorded = await conversions(order.id)
      expect(recorded.map((c) => [c.kind, Number(c.revenue)])).toEqual([
        ["order", 5000],
        ["reversal", -5000],
      ])
      expect((await repairsOf(order.id)).map((r: any) => r.kind).sort()).toEqual(["booking_canceled", "conversion_recorded", "conversion_recorded"])
    })

    it("finishes an order upgrade whose edit was confirmed, and undoes one whose edit never was (its offer freed)", async () => {
      const { order } = await place(`${nextYear}-04-08`)
      const line = order.items.find((i: any) => i.metadata.tiered_kind === "tier")
      await upgradeOrderTierWorkflow(getContainer()).run({
        input: { order_id: order.id, line_item_id: line.id, to_tier_id: tiers.select.id, customer_id: order.customer_id, sales_channel_ids: [studio.salesChannelId] },
      })
      // The process died after Medusa confirmed the edit, before the booking followed the new line.
      const records = await bookings().listTierLines({ order_id: order.id })
      const [oldRecord, newRecord] = [records.find((r) => r.tier_id === tiers.essential.id)!, records.find((r) => r.tier_id === tiers.select.id)!]
      const [booking] = await bookings().listBookings({ order_id: order.id, status: "confirmed" })
      await bookings().updateTierLines([
        { id: oldRecord.id, status: "active" },
        { id: newRecord.id, status: "pending", order_line_item_id: null },
      ])
      await bookings().updateBookings({ id: booking.id, tier_line_id: oldRecord.id, tier_id: tiers.essential.id, product_id: products.essential, line_item_id: line.id })

      await run()
      expect(await bookings().retrieveBooking(booking.id)).toEqual(expect.objectContaining({ tier_line_id: newRecord.id, tier_id: tiers.select.id }))
      expect((await bookings().listTierLines({ order_id: order.id })).map((r) => [r.tier_id, r.status]).sort()).toEqual(
        [
          [tiers.essential.id, "replaced"],
          [tiers.select.id, "active"],
        ].sort()
      )
      expect((await repairsOf(order.id)).map((r: any) => r.kind)).toEqual(["upgrade_completed"])

      // Another order: the process died after the offer was used and the edit begun, before it was confirmed.
      const { order: other } = await place(`${nextYear}-04-15`)
      const upsell = getContainer().resolve(UPSELL_MODULE) as UpsellModuleService
      const offer = await upsell.createUpsellOffers({
        rule_id: "rule_x", sales_channel_id: studio.salesChannelId, visitor_id: "v", action: "suggest_upgrade", headline: "Go Select",
        from_tier_id: tiers.essential.id, to_tier_id: tiers.select.id, incentive_percent: 5, status: "accepted",
      } as any)
      await upsell.redeemOffer(offer.id, other.id)
      const [otherRecord] = await bookings().listTierLines({ order_id: other.id })
      const pending = await bookings().createTierLines({
        ...otherRecord, id: undefined, tier_id: tiers.select.id, product_id: products.select,
        upsell_offer_id: offer.id, upgrade_incentive_percent: 5, upgraded_from_tier_id: tiers.essential.id, status: "pending", order_line_item_id: null, cart_id: null, cart_line_item_id: null,
      } as any)
      await beginOrderEditOrderWorkflow(getContainer()).run({ input: { order_id: other.id, description: "Tier upgrade" } })

      await run({ grace_minutes: 15 })
      expect((await bookings().listTierLines({ id: pending.id })).map((r) => r.status)).toEqual(["pending"])
      await run({ grace_minutes: 0 })
      expect(await bookings().listTierLines({ id: pending.id })).toEqual([])
      const { data: changes } = await query().graph({ entity: "order_change", fields: ["id", "status"], filters: { order_id: other.id, status: ["pending", "requested"] } })
      expect(changes).toEqual([])
      expect((await upsell.listUpsellOffers({ id: offer.id }))[0].redeemed_at).toBeNull()
      expect((await repairsOf(other.id)).map((r: any) => r.kind).sort()).toEqual(["offer_released", "upgrade_undone"])
    })

    it("gives an order placed before tier line records existed its records, once, from its lines' metadata (the upgrade's migration script)", async () => {
      const date = `${nextYear}-05-06`
      const key = "tline_before"
      const metadata = (kind: string, extra: Record<string, unknown> = {}) => ({
        tiered_kind: kind, tier_line_key: key, tier_id: tiers.essential.id, segment_id: tiers.essential.segment_id, event_date: date, ...extra,
        price_breakdown: { base: 5000, adjustments: [], final: 5000, currency_code: "usd" },
      })
      const order = await (getContainer().resolve(Modules.ORDER) as any).createOrders({
        sales_channel_id: studio.salesChannelId, region_id: region.id, currency_code: "usd", email: "early@example.com",
        items: [{ title: "Essential", variant_id: "variant_old", product_id: products.essential, quantity: 1, unit_price: 5000, metadata: metadata("tier", { guest_count: 40 }) }],
      })
      const line = order.items[0]
      const booking = await bookings().createBookings({
        sales_channel_id: studio.salesChannelId, tier_id: tiers.essential.id, product_id: products.essential, event_date: date, pool: "", slot: 1, status: "confirmed", order_id: order.id, line_item_id: line.id, guest_count: 40,
      })
      await backfillTierLineRecords({ container: getContainer() })
      await backfillTierLineRecords({ container: getContainer() })
      const records = await bookings().listTierLines({ order_id: order.id })
      expect(records.map((r) => [r.kind, r.order_line_item_id, r.event_date, r.guest_count, Number(r.unit_price), r.status])).toEqual([["tier", line.id, date, 40, 5000, "active"]])
      expect((await bookings().retrieveBooking(booking.id)).tier_line_id).toBe(records[0].id)
      const summary = (await api.get(`/admin/orders/${order.id}/tier-summary`, admin)).data.tier_summary
      expect(summary.lines.map((l: any) => [l.event_date, l.guest_count, l.booking?.status])).toEqual([[date, 40, "confirmed"]])
    })

    it("cancels the order an interrupted checkout left without its cart, so the couple's cart checks out again", async () => {
      const date = `${nextYear}-04-22`
      const cartId = await cartFor(date)
      const { data: carts } = await query().graph({ entity: "cart", fields: ["id", "items.*"], filters: { id: cartId } })
      const cart = carts[0] as any
      // Medusa created the order, and the process died before linking it to the cart or authorizing the payment.
      const orphan = await (getContainer().resolve(Modules.ORDER) as any).createOrders({
        sales_channel_id: studio.salesChannelId,
        region_id: region.id,
        currency_code: "usd",
        email: "couple@example.com",
        items: cart.items.map((i: any) => ({ title: i.title, variant_id: i.variant_id, product_id: i.product_id, quantity: i.quantity, unit_price: i.unit_price, metadata: i.metadata })),
      })
      await run({ grace_minutes: 0 })
      const { data: orders } = await query().graph({ entity: "order", fields: ["id", "status"], filters: { id: orphan.id } })
      expect(orders[0].status).toBe("canceled")
      expect((await repairsOf(orphan.id)).map((r: any) => r.kind)).toEqual(["order_canceled"])
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
      expect(data.type).toBe("order")
      expect(await bookings().listBookings({ order_id: data.order.id, status: "confirmed" })).toHaveLength(1)
      expect(await statusOf(date)).toBe("sold_out")
    })
  },
})
