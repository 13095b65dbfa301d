import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { UPSELL_MODULE, UpsellModuleService } from "../../src/modules/upsell"
import { adminHeaders, createPackageProduct, createRegion, createTenant, failed as fail, Tenant } from "./fixtures"

jest.setTimeout(300 * 1000)

const nextYear = new Date().getUTCFullYear() + 1
// No date rule fires on these dates: prices are the catalog prices.
const QUIET = `${nextYear}-11-10`
const QUIET_2 = `${nextYear}-11-17`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let other: Tenant
    let region: { id: string }
    let t: Record<string, { id: string; product_id: string }>
    let v: Record<string, string>
    let upgradeRule: { id: string }
    const upgraded: any[] = []

    beforeAll(() => {
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe("tier.upgraded", async (event: any) => {
          upgraded.push(event.data)
        })
    })

    beforeEach(async () => {
      upgraded.length = 0
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      other = await createTenant(container, "Other")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number, channels = [studio.salesChannelId]) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: channels }) as any
      const signature = (await api.post("/admin/segments", { handle: "signature", name: "Signature", rank: 1 }, admin)).data.segment
      t = {}
      for (const [key, level, price, features, guests] of [
        ["essential", 1, 5000, ["8 hours", "Online gallery"], 50],
        ["select", 2, 7500, ["10 hours", "Online gallery", "Second shooter"], 100],
      ] as const) {
        const product = await mk(`${key} package`, price)
        const tier = (
          await api.post(`/admin/segments/${signature.id}/tiers`, { level, name: key[0].toUpperCase() + key.slice(1), product_id: product.id, features, max_guests: guests }, admin)
        ).data.tier
        t[key] = { id: tier.id, product_id: product.id }
      }
      const theirs = await mk("Their package", 9000, [other.salesChannelId])
      t.theirs = (await api.post(`/admin/segments/${signature.id}/tiers`, { level: 3, name: "Theirs", product_id: theirs.id }, admin)).data.tier
      const album = await mk("Album", 1000)
      const film = await mk("Super 8 film", 800)
      await api.post("/admin/addon-rules", { product_id: album.id, segment_id: signature.id, max_quantity: 2 }, admin)
      // Film only goes with Essential.
      await api.post("/admin/addon-rules", { product_id: film.id, tier_id: t.essential.id, max_quantity: 1 }, admin)
      v = { album: album.variants[0].id, film: film.variants[0].id }
      await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 2 } }, admin)
      upgradeRule = (
        await api.post(
          "/admin/upsell-rules",
          { name: "Upgrade", trigger: { addon_count_at_least: 1 }, action: "suggest_upgrade", headline: "{{to_tier}} for {{price_difference}} more", priority: 1 },
          admin
        )
      ).data.upsell_rule
    })

    const cartWith = async (tier: string, date: string, addons: string[] = [], headers = studio.headers) => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, headers)).data.cart
      return (await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tier, event_date: date, guest_count: 40, addon_variant_ids: addons }, headers)).data.cart
    }
    const tierLine = (cart: any) => cart.items.find((i: any) => i.metadata.tiered_kind === "tier")
    const acceptedOffer = async (cartId: string) => {
      const [offer] = (await api.post("/store/upsell/offers", { visitor_id: "couple", cart_id: cartId, context: {} }, studio.headers)).data.offers
      expect(offer).toEqual(expect.objectContaining({ rule_id: upgradeRule.id, to_tier_id: t.select.id, incentive_percent: 5 }))
      await api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" }, studio.headers)
      return offer
    }
    const pay = async (cartId: string, headers = studio.headers) => {
      const collection = (await api.post("/store/payment-collections", { cart_id: cartId }, headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
      return (await api.post(`/store/carts/${cartId}/complete`, {}, headers)).data
    }
    const bookings = () => (getContainer().resolve(BOOKING_MODULE) as BookingModuleService).listBookings({}, { order: { created_at: "ASC" } })

    describe("POST /store/tiers/upgrade-quote", () => {
      const quote = (body: Record<string, unknown>, tenant = studio) =>
        api.post("/store/tiers/upgrade-quote", { region_id: region.id, ...body }, tenant.headers)

      it("quotes the difference and the features gained, with an accepted offer's incentive", async () => {
        expect((await quote({ from_tier_id: t.essential.id, to_tier_id: t.select.id, event_date: QUIET })).data).toEqual({
          allowed: true,
          price_difference: 2500,
          discount: 0,
          features_added: ["10 hours", "Second shooter"],
          rows_added: [expect.objectContaining({ text: "10 hours", from: null, to: true }), expect.objectContaining({ text: "Second shooter" })],
          currency_code: "usd",
        })
        const cart = await cartWith(t.essential.id, QUIET, [v.album])
        const offer = await acceptedOffer(cart.id)
        const withOffer = (await quote({ from_tier_id: t.essential.id, to_tier_id: t.select.id, line_item_id: tierLine(cart).id, offer_id: offer.id })).data
        // 7500 - 5% = 7125, minus the line's 5000
        expect(withOffer).toEqual(expect.objectContaining({ allowed: true, price_difference: 2125, discount: 375 }))
      })

      it("refuses downgrades and the same tier in the answer, and 4xx for what is not the key's or not valid", async () => {
        const down = (await quote({ from_tier_id: t.select.id, to_tier_id: t.essential.id })).data
        expect(down).toEqual(expect.objectContaining({ allowed: false, reason: expect.stringContaining("not above Select"), price_difference: 0 }))
        expect((await quote({ from_tier_id: t.select.id, to_tier_id: t.select.id })).data.reason).toContain("already booked")
        expect((await fail(quote({ from_tier_id: t.essential.id, to_tier_id: t.theirs.id }))).status).toBe(404)
        expect((await fail(quote({ from_tier_id: t.essential.id }))).status).toBe(400)
        expect((await fail(quote({ from_tier_id: t.essential.id, to_tier_id: t.select.id, event_date: "2027-13-01" }))).status).toBe(400)
        const theirCart = await cartWith(t.theirs.id, QUIET, [], other.headers)
        expect((await fail(quote({ from_tier_id: t.theirs.id, to_tier_id: t.select.id, line_item_id: tierLine(theirCart).id }))).status).toBe(404)
        const cart = await cartWith(t.essential.id, QUIET)
        const wrongTier = await fail(quote({ from_tier_id: t.select.id, to_tier_id: t.select.id, line_item_id: tierLine(cart).id }))
        expect(wrongTier.status).toBe(400)
        const shown = (await api.post("/store/upsell/offers", { visitor_id: "x", context: { viewing_tier_id: t.essential.id, addon_count: 1 } }, studio.headers)).data.offers[0]
        const notAccepted = await fail(quote({ from_tier_id: t.essential.id, to_tier_id: t.select.id, offer_id: shown.id }))
        expect(notAccepted.status).toBe(400)
        expect(notAccepted.data.message).toContain("was not accepted")
      })
    })

    describe("POST /store/carts/:id/tier-upgrade", () => {
      it("swaps the tier line at the full price without an offer, keeping date, guests and add-ons, and checks out", async () => {
        const cart = await cartWith(t.essential.id, QUIET, [v.album, v.album])
        const line = tierLine(cart)
        const { data } = await api.post(`/store/carts/${cart.id}/tier-upgrade`, { line_item_id: line.id, to_tier_id: t.select.id }, studio.headers)
        const lines = data.cart.items
        expect(lines).toHaveLength(2)
        const select = tierLine(data.cart)
        expect(select).toEqual(
          expect.objectContaining({
            product_id: t.select.product_id,
            unit_price: 7500,
            metadata: expect.objectContaining({
              tier_id: t.select.id,
              event_date: QUIET,
              guest_count: 40,
              tier_line_key: line.metadata.tier_line_key,
              upgraded_from_tier_id: t.essential.id,
              upgrade_incentive_percent: 0,
            }),
          })
        )
        const album = lines.find((i: any) => i.metadata.tiered_kind === "addon")
        expect(album).toEqual(expect.objectContaining({ quantity: 2, unit_price: 1000, metadata: expect.objectContaining({ tier_id: t.select.id }) }))
        expect(data.cart.total).toBe(7500 + 2000)
        expect(data.upgrade).toEqual(expect.objectContaining({ from_tier_id: t.essential.id, to_tier_id: t.select.id, price_difference: 2500, offer_id: null }))
        for (let i = 0; i < 50 && !upgraded.length; i++) await new Promise((r) => setTimeout(r, 50))
        expect(upgraded).toEqual([expect.objectContaining({ cart_id: cart.id, to_tier_id: t.select.id })])

        const placed = await pay(cart.id)
        expect(placed.type).toBe("order")
        expect((await bookings())[0]).toEqual(expect.objectContaining({ tier_id: t.select.id, product_id: t.select.product_id, event_date: QUIET }))
      })

      it("applies an accepted offer's incentive once; checkout accepts the incentive price", async () => {
        const cart = await cartWith(t.essential.id, QUIET, [v.album])
        const offer = await acceptedOffer(cart.id)
        const line = tierLine(cart)
        const { data } = await api.post(`/store/carts/${cart.id}/tier-upgrade`, { line_item_id: line.id, to_tier_id: t.select.id, offer_id: offer.id }, studio.headers)
        const select = tierLine(data.cart)
        expect(select.unit_price).toBe(7125)
        expect(select.metadata.price_breakdown).toEqual({
          base: 7500,
          adjustments: [{ rule_id: offer.id, kind: "incentive", label: "Upgrade offer", percent: -5, amount: -375 }],
          final: 7125,
          currency_code: "usd",
        })
        const [stored] = await (getContainer().resolve(UPSELL_MODULE) as UpsellModuleService).listUpsellOffers({ id: offer.id })
        expect(stored).toEqual(expect.objectContaining({ redeemed_by: cart.id, redeemed_at: expect.any(Date) }))

        const second = await cartWith(t.essential.id, QUIET_2, [v.album])
        const reused = await fail(api.post(`/store/carts/${second.id}/tier-upgrade`, { line_item_id: tierLine(second).id, to_tier_id: t.select.id, offer_id: offer.id }, studio.headers))
        expect(reused.status).toBe(409)
        expect(reused.data.message).toContain("already used")

        const placed = await pay(cart.id)
        expect(placed.type).toBe("order")
        expect(placed.order.total).toBe(7125 + 1000)
      })

      it("refuses downgrades, the same tier, another tenant's tier or cart, add-ons the target cannot take, and a full date", async () => {
        const up = (cartId: string, body: Record<string, unknown>, tenant = studio) => api.post(`/store/carts/${cartId}/tier-upgrade`, body, tenant.headers)
        const selectCart = await cartWith(t.select.id, QUIET)
        const down = await fail(up(selectCart.id, { line_item_id: tierLine(selectCart).id, to_tier_id: t.essential.id }))
        expect(down.status).toBe(400)
        expect(down.data.message).toContain("only upgrades to a higher level")
        expect((await fail(up(selectCart.id, { line_item_id: tierLine(selectCart).id, to_tier_id: t.select.id }))).status).toBe(400)
        expect((await fail(up(selectCart.id, { line_item_id: tierLine(selectCart).id, to_tier_id: t.theirs.id }))).status).toBe(404)
        expect((await fail(up(selectCart.id, { line_item_id: tierLine(selectCart).id, to_tier_id: t.theirs.id }, other))).status).toBe(404)
        expect((await fail(up(selectCart.id, { line_item_id: tierLine(selectCart).id }))).status).toBe(400)

        const filmCart = await cartWith(t.essential.id, QUIET, [v.film])
        const film = await fail(up(filmCart.id, { line_item_id: tierLine(filmCart).id, to_tier_id: t.select.id }))
        expect(film.status).toBe(400)
        expect(film.data.message).toContain("Super 8 film is not an add-on this tier can take")
        const addonLine = filmCart.items.find((i: any) => i.metadata.tiered_kind === "addon")
        expect((await fail(up(filmCart.id, { line_item_id: addonLine.id, to_tier_id: t.select.id }))).status).toBe(400)

        // Select gets its own capacity of 1 and that date is booked: no room to move into.
        await api.post(`/admin/availability/${studio.salesChannelId}`, { capacity_override: { product_id: t.select.product_id, capacity: 1 } }, admin)
        expect((await pay((await cartWith(t.select.id, QUIET_2)).id)).type).toBe("order")
        const full = await cartWith(t.essential.id, QUIET_2)
        const taken = await fail(up(full.id, { line_item_id: tierLine(full).id, to_tier_id: t.select.id }))
        expect(taken.status).toBe(409)
        expect(taken.data.message).toContain("no room left for Select")
        // Nothing changed in the refused carts.
        const after = (await api.get(`/store/carts/${full.id}`, studio.headers)).data.cart
        expect(after.items.map((i: any) => i.product_id)).toEqual([t.essential.product_id])
      })
    })

    describe("POST /store/orders/:id/tier-upgrade", () => {
      const customer = async (email: string) => {
        const password = "s3cret-pass"
        const { token: registration } = (await api.post("/auth/customer/emailpass/register", { email, password })).data
        await api.post("/store/customers", { email, first_name: "Ada" }, { headers: { ...studio.headers.headers, authorization: `Bearer ${registration}` } })
        const { token } = (await api.post("/auth/customer/emailpass", { email, password })).data
        return { headers: { ...studio.headers.headers, authorization: `Bearer ${token}` } }
      }

      it("upgrades a placed booking through an order edit: the new tier, the amount due, and the booking follows", async () => {
        const ada = await customer("ada@example.com")
        const cart = await cartWith(t.essential.id, QUIET, [v.album], ada)
        const { order } = await pay(cart.id, ada)
        const line = order.items.find((i: any) => i.metadata.tiered_kind === "tier")

        // The studio captures the 6,000 paid at checkout; what the upgrade adds is then due.
        const paid = (await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin)).data.order
        await api.post(`/admin/payments/${paid.payment_collections[0].payments[0].id}/capture`, {}, admin)

        const { data } = await api.post(`/store/orders/${order.id}/tier-upgrade`, { line_item_id: line.id, to_tier_id: t.select.id }, ada)
        expect(data.amount_due).toBe(2500)
        expect(data.upgrade.price_difference).toBe(2500)
        const collections = (await api.get(`/admin/orders/${order.id}?fields=*payment_collections`, admin)).data.order.payment_collections
        expect(collections.map((c: any) => [Number(c.amount), c.status])).toEqual(expect.arrayContaining([[2500, "not_paid"]]))
        expect(data.currency_code).toBe("usd")
        const items = data.order.items.map((i: any) => [i.metadata.tier_id, i.metadata.tiered_kind, Number(i.quantity), Number(i.unit_price)])
        // The edit removes the Essential line; the add-on stays on the tier line key the new line kept.
        expect(items.sort()).toEqual(
          [
            [t.essential.id, "addon", 1, 1000],
            [t.select.id, "tier", 1, 7500],
          ].sort()
        )
        const newLine = data.order.items.find((i: any) => i.metadata.tier_id === t.select.id)
        const [booking] = await bookings()
        expect(booking).toEqual(expect.objectContaining({ order_id: order.id, tier_id: t.select.id, product_id: t.select.product_id, line_item_id: newLine.id, status: "confirmed" }))
        for (let i = 0; i < 50 && !upgraded.length; i++) await new Promise((r) => setTimeout(r, 50))
        expect(upgraded).toEqual([expect.objectContaining({ order_id: order.id, from_tier_id: t.essential.id, to_tier_id: t.select.id })])

        // The conversion follows: the placed order, then the upgrade's difference moving the line to Select.
        const analytics = getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService
        let conversions = await analytics.listConversions({ order_id: order.id }, { order: { created_at: "ASC" } })
        for (let i = 0; i < 50 && conversions.length < 2; i++) {
          await new Promise((r) => setTimeout(r, 100))
          conversions = await analytics.listConversions({ order_id: order.id }, { order: { created_at: "ASC" } })
        }
        expect(conversions.map((c) => [c.kind, Number(c.revenue), Number(c.addon_revenue)])).toEqual([
          ["order", 5000, 1000],
          ["upgrade", 2500, 0],
        ])
        const lines = await analytics.listConversionLines({ conversion_id: conversions[1].id })
        expect(lines.map((l) => [l.tier_id, Number(l.revenue), Number(l.addon_revenue)]).sort()).toEqual(
          [
            [t.essential.id, -5000, -1000],
            [t.select.id, 7500, 1000],
          ].sort()
        )

        const again = await fail(api.post(`/store/orders/${order.id}/tier-upgrade`, { line_item_id: newLine.id, to_tier_id: t.essential.id }, ada))
        expect(again.status).toBe(400)
      })

      it("refuses without a login, another customer's order, and a canceled order", async () => {
        const ada = await customer("ada2@example.com")
        const bob = await customer("bob@example.com")
        const { order } = await pay((await cartWith(t.essential.id, QUIET, [], ada)).id, ada)
        const line = order.items.find((i: any) => i.metadata.tiered_kind === "tier")
        const body = { line_item_id: line.id, to_tier_id: t.select.id }
        expect((await fail(api.post(`/store/orders/${order.id}/tier-upgrade`, body, studio.headers))).status).toBe(401)
        expect((await fail(api.post(`/store/orders/${order.id}/tier-upgrade`, body, bob))).status).toBe(404)
        await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
        const canceled = await fail(api.post(`/store/orders/${order.id}/tier-upgrade`, body, ada))
        expect(canceled.status).toBe(400)
        expect(canceled.data.message).toContain("canceled")
      })
    })
  },
})
