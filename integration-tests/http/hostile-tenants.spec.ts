import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ApiKeyType, ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, createSalesChannelsWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant, failed as fail } from "./fixtures"

jest.setTimeout(240 * 1000)

/**
 * Tenant B's storefront (or anyone holding its public key) against tenant A, through Medusa's own
 * store routes: every attack is refused and changes nothing.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant // A
    let venue: Tenant // B
    let region: { id: string }
    let v: Record<string, string>
    let printProductId: string

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      venue = await createTenant(container, "Venue")
      region = await createRegion(container, "usd")
      const mk = async (title: string, usd: number, tenant: Tenant) =>
        ((await createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [tenant.salesChannelId] })) as any)
      const luxury = await mk("Luxury Complete", 12000, studio)
      const album = await mk("Album", 1200, studio)
      const print = await mk("Fine art print", 90, studio)
      const candles = await mk("Candles", 40, venue)
      printProductId = print.id
      v = { luxury: luxury.variants[0].id, album: album.variants[0].id, print: print.variants[0].id, candles: candles.variants[0].id }
      const segment = (await api.post("/admin/segments", { handle: "luxury", name: "Luxury" }, admin)).data.segment
      await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Luxury Complete", product_id: luxury.id }, admin)
      await api.post("/admin/addon-rules", { product_id: album.id, segment_id: segment.id, max_quantity: 2 }, admin)
    })

    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const carts = async () => (await query().graph({ entity: "cart", fields: ["id"] })).data.map((c: any) => c.id).sort()
    const newCart = async (tenant: Tenant) =>
      (await api.post("/store/carts", { region_id: region.id, email: "guest@example.com" }, tenant.headers)).data.cart
    const cartOf = async (id: string, tenant: Tenant) => (await api.get(`/store/carts/${id}`, tenant.headers)).data.cart
    /** A cart of the tenant's plain product with a payment session, ready to complete. */
    const paidCart = async (tenant: Tenant, variantId: string) => {
      const cart = (
        await api.post("/store/carts", { region_id: region.id, email: "couple@example.com", items: [{ variant_id: variantId, quantity: 1 }] }, tenant.headers)
      ).data.cart
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, tenant.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, tenant.headers)
      return { cartId: cart.id as string, collectionId: collection.id as string }
    }
    const placeOrder = async (tenant: Tenant, variantId: string) => {
      const { cartId } = await paidCart(tenant, variantId)
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, tenant.headers)
      expect(data.type).toBe("order")
      return data.order
    }

    it("keeps another tenant's package, plain product and add-on out of a cart's line items", async () => {
      const cart = await newCart(venue)
      for (const variant of [v.luxury, v.print, v.album]) {
        const refused = await fail(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variant, quantity: 1 }, venue.headers))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe(`Variant ${variant} is not sold in this cart's sales channel`)
      }
      // An unknown variant is refused the same way, never a 500.
      const unknown = await fail(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: "variant_nope", quantity: 1 }, venue.headers))
      expect(unknown.status).toBe(400)
      expect((await cartOf(cart.id, venue)).items).toEqual([])
    })

    it("sells a tenant's own package and add-ons only through tier-items, not as plain lines", async () => {
      const cart = await newCart(studio)
      const pkg = await fail(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: v.luxury, quantity: 1 }, studio.headers))
      expect(pkg.status).toBe(400)
      expect(pkg.data.message).toBe(`Luxury Complete is a package sold for a date: add it with POST /store/carts/${cart.id}/tier-items`)
      const addon = await fail(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: v.album, quantity: 1 }, studio.headers))
      expect(addon.status).toBe(400)
      expect(addon.data.message).toBe(`Album is an add-on sold with a package: add it with POST /store/carts/${cart.id}/tier-items in addon_variant_ids`)
      expect((await cartOf(cart.id, studio)).items).toEqual([])
    })

    it("refuses a product as soon as the merchant makes it an add-on, and takes it again once that rule is gone", async () => {
      const add = async () => api.post(`/store/carts/${(await newCart(studio)).id}/line-items`, { variant_id: v.print, quantity: 1 }, studio.headers)
      expect((await add()).status).toBe(200)
      const segment = (await api.get("/admin/segments", admin)).data.segments[0]
      const rule = (await api.post("/admin/addon-rules", { product_id: printProductId, segment_id: segment.id }, admin)).data.addon_rule
      const refused = await fail(add())
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("Fine art print is an add-on sold with a package")
      await api.delete(`/admin/addon-rules/${rule.id}`, admin)
      expect((await add()).status).toBe(200)
    })

    it("refuses the same lines when a cart is created with items, and creates no cart", async () => {
      const before = await carts()
      const cases: [Tenant, string[], string][] = [
        [venue, [v.candles, v.luxury], `Variant ${v.luxury} is not sold in this cart's sales channel`],
        [venue, [v.print], `Variant ${v.print} is not sold in this cart's sales channel`],
        [venue, [v.album], `Variant ${v.album} is not sold in this cart's sales channel`],
        [studio, [v.print, v.album], "Album is an add-on sold with a package: add it with POST /store/carts/:id/tier-items once the cart is created in addon_variant_ids"],
        [studio, [v.luxury], "Luxury Complete is a package sold for a date: add it with POST /store/carts/:id/tier-items once the cart is created"],
      ]
      for (const [tenant, variants, message] of cases) {
        const items = variants.map((variant_id) => ({ variant_id, quantity: 1 }))
        const refused = await fail(api.post("/store/carts", { region_id: region.id, items }, tenant.headers))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe(message)
      }
      // Naming the other tenant's channel does not help: Medusa refuses it, and so do we.
      const named = await fail(
        api.post("/store/carts", { region_id: region.id, sales_channel_id: studio.salesChannelId, items: [{ variant_id: v.print, quantity: 1 }] }, venue.headers)
      )
      expect(named.status).toBe(400)
      expect(await carts()).toEqual(before)
    })

    it("refuses line metadata under the plugin's reserved keys on a plain line", async () => {
      const cart = await newCart(studio)
      const forged = { tiered_kind: "tier", tier_id: "tier_forged", event_date: "2027-07-17", guest_count: 500 }
      const refused = await fail(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: v.print, quantity: 1, metadata: forged }, studio.headers))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("Fine art print: the metadata keys tiered_kind, tier_id, event_date, guest_count are reserved for the plugin's tier lines")
      expect((await cartOf(cart.id, studio)).items).toEqual([])

      const before = await carts()
      const onCreate = await fail(
        api.post("/store/carts", { region_id: region.id, items: [{ variant_id: v.print, quantity: 1, metadata: { price_breakdown: { final: 1 } } }] }, studio.headers)
      )
      expect(onCreate.status).toBe(400)
      expect(onCreate.data.message).toContain("price_breakdown are reserved")
      expect(await carts()).toEqual(before)
    })

    it("keeps a cart in its key's sales channels: no create in, or move to, another tenant's", async () => {
      const before = await carts()
      const created = await fail(api.post("/store/carts", { region_id: region.id, sales_channel_id: studio.salesChannelId }, venue.headers))
      expect(created.status).toBe(400)
      // A key without channels would get a cart in the store's default channel, out of its reach.
      const { result: keys } = await createApiKeysWorkflow(getContainer()).run({
        input: { api_keys: [{ title: "Unlinked storefront", type: ApiKeyType.PUBLISHABLE, created_by: "test" }] },
      })
      const unlinked = await fail(api.post("/store/carts", { region_id: region.id }, { headers: { "x-publishable-api-key": keys[0].token } }))
      expect(unlinked.status).toBe(400)
      expect(unlinked.data.message).toBe("This publishable key has no sales channel, so it cannot create a cart")
      expect(await carts()).toEqual(before)

      const cart = await newCart(venue)
      for (const sales_channel_id of [studio.salesChannelId, null]) {
        const moved = await fail(api.post(`/store/carts/${cart.id}`, { sales_channel_id }, venue.headers))
        expect(moved.status).toBe(400)
        expect(moved.data.message).toContain("not one of this publishable key's sales channels")
      }
      expect((await cartOf(cart.id, venue)).sales_channel_id).toBe(venue.salesChannelId)
      // And it stays out of reach of the other tenant's key.
      expect((await fail(api.get(`/store/carts/${cart.id}`, studio.headers))).status).toBe(404)
    })

    it("moves a cart between two channels of the same key", async () => {
      const container = getContainer()
      const { result } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Venue annex" }] } })
      const keyId = (await query().graph({ entity: "api_key", fields: ["id"], filters: { token: venue.key } })).data[0].id
      await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keyId, add: [result[0].id] } })
      const cart = (await api.post("/store/carts", { region_id: region.id, sales_channel_id: venue.salesChannelId }, venue.headers)).data.cart
      const moved = (await api.post(`/store/carts/${cart.id}`, { sales_channel_id: result[0].id }, venue.headers)).data.cart
      expect(moved.sales_channel_id).toBe(result[0].id)
      expect((await fail(api.post(`/store/carts/${cart.id}`, { sales_channel_id: studio.salesChannelId }, venue.headers))).status).toBe(400)
      expect((await cartOf(cart.id, venue)).sales_channel_id).toBe(result[0].id)
    })

    it("refuses a payment collection for another tenant's cart and a session on its collection", async () => {
      const theirs = await newCart(studio)
      await api.post(`/store/carts/${theirs.id}/line-items`, { variant_id: v.print, quantity: 1 }, studio.headers)
      const refused = await fail(api.post("/store/payment-collections", { cart_id: theirs.id }, venue.headers))
      expect(refused.status).toBe(404)
      expect(refused.data.message).toBe(`Cart with id: ${theirs.id} was not found`)
      const cartCollection = async (id: string) =>
        (await query().graph({ entity: "cart", fields: ["payment_collection.id"], filters: { id } })).data[0].payment_collection
      expect(await cartCollection(theirs.id)).toBeFalsy()

      const { cartId, collectionId } = await paidCart(studio, v.print)
      for (const provider_id of ["pp_system_default", "pp_stripe-connect_stripe-connect"]) {
        const session = await fail(api.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id }, venue.headers))
        expect(session.status).toBe(404)
        expect(session.data.message).toBe(`Payment collection with id: ${collectionId} was not found`)
      }
      const { data } = await query().graph({ entity: "payment_collection", fields: ["id", "payment_sessions.id"], filters: { id: collectionId } })
      expect(data[0].payment_sessions).toHaveLength(1)
      expect((await cartCollection(cartId))?.id).toBe(collectionId)
    })

    it("keeps another tenant's cart out of the shipping options routes", async () => {
      const theirs = await newCart(studio)
      const list = await fail(api.get(`/store/shipping-options?cart_id=${theirs.id}`, venue.headers))
      expect(list.status).toBe(404)
      const calculate = await fail(api.post("/store/shipping-options/so_any/calculate", { cart_id: theirs.id }, venue.headers))
      expect(calculate.status).toBe(404)
      expect((await api.get(`/store/shipping-options?cart_id=${theirs.id}`, studio.headers)).status).toBe(200)
    })

    it("answers 404 for another tenant's order on every order route, and changes nothing", async () => {
      const order = await placeOrder(studio, v.print)
      expect((await api.get(`/store/orders/${order.id}`, studio.headers)).data.order.id).toBe(order.id)
      const calls = [
        () => api.get(`/store/orders/${order.id}`, venue.headers),
        () => api.post(`/store/orders/${order.id}/transfer/request`, {}, venue.headers),
        () => api.post(`/store/orders/${order.id}/transfer/accept`, { token: "t" }, venue.headers),
        () => api.post(`/store/orders/${order.id}/transfer/decline`, { token: "t" }, venue.headers),
        () => api.post(`/store/orders/${order.id}/transfer/cancel`, {}, venue.headers),
        () => api.post(`/store/orders/${order.id}/tier-upgrade`, { line_item_id: "x", to_tier_id: "y" }, venue.headers),
        () => api.post(`/store/orders/${order.id}/reschedule`, { line_item_id: "x", event_date: "2030-06-01" }, venue.headers),
        () =>
          api.post(
            "/store/returns",
            { order_id: order.id, items: [{ id: order.items[0].id, quantity: 1 }], return_shipping: { option_id: "so_any" } },
            venue.headers
          ),
      ]
      for (const call of calls) {
        const refused = await fail(call())
        expect(refused.status).toBe(404)
        expect(refused.data.message).toBe(`Order with id: ${order.id} was not found`)
      }
      const [changes, returns] = await Promise.all([
        query().graph({ entity: "order_change", fields: ["id"], filters: { order_id: order.id } }),
        query().graph({ entity: "return", fields: ["id"], filters: { order_id: order.id } }),
      ])
      expect(changes.data).toEqual([])
      expect(returns.data).toEqual([])
      expect((await api.get(`/store/orders/${order.id}`, studio.headers)).data.order.status).toBe("pending")
    })

    it("still sells a tenant's own plain product, added or created with the cart, through checkout", async () => {
      const cart = await newCart(studio)
      const added = (
        await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: v.print, quantity: 2, metadata: { gift_note: "For Ana" } }, studio.headers)
      ).data.cart
      expect(added.items.map((i: any) => [i.variant_id, i.quantity, i.metadata])).toEqual([[v.print, 2, { gift_note: "For Ana" }]])

      const order = await placeOrder(venue, v.candles)
      const placed = (await query().graph({ entity: "order", fields: ["sales_channel_id"], filters: { id: order.id } })).data[0]
      expect(placed.sales_channel_id).toBe(venue.salesChannelId)
      expect(order.items.map((i: any) => [i.variant_id, i.quantity])).toEqual([[v.candles, 1]])
      expect((await api.get(`/store/orders/${order.id}`, venue.headers)).data.order.id).toBe(order.id)
    })
  },
})
