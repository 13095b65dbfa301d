import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { DEPOSITS_MODULE, DepositsModuleService } from "../../src/modules/deposits"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { UPSELL_MODULE, UpsellModuleService } from "../../src/modules/upsell"
import { depositOrder as placeDepositOrder, depositStudio, DepositStudio } from "./balance-fixtures"
import { createPackageProduct, dayFromToday as day, eventually, failed, setClock, Tenant } from "./fixtures"
import { newVisitor } from "./visitors"

jest.setTimeout(300 * 1000)

/**
 * A hostile storefront and a careless admin against deposits, balances and the rollout: each case
 * asserts the refusal (a 4xx with a clear message, never a 500) and that nothing changed.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixture: DepositStudio
    let admin: DepositStudio["admin"]
    let studio: Tenant
    let rival: Tenant

    beforeEach(async () => {
      fixture = await depositStudio(api, getContainer())
      ;({ admin, studio, rival } = fixture)
    })
    afterEach(() => jest.useRealTimers())

    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const deposits = () => getContainer().resolve(DEPOSITS_MODULE) as DepositsModuleService
    const bookings = () => getContainer().resolve(BOOKING_MODULE) as BookingModuleService
    const orderCount = async () => (await getContainer().resolve(Modules.ORDER).listOrders({}, { select: ["id"] })).length
    // The couple's signed-in account places the orders: only it may choose a saved method for them.
    const depositOrder = (date?: string) => placeDepositOrder(api, fixture, { date, signedIn: true })

    const newCart = async (date = day(420), tierId = fixture.tier.id) => {
      const cart = (await api.post("/store/carts", { region_id: fixture.region.id, email: "couple@example.com" }, studio.headers)).data.cart
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tierId, event_date: date }, studio.headers)
      return cart.id as string
    }
    const startSession = async (cartId: string, provider = "pp_system_default") => {
      const collection = (await api.post("/store/payment-collections", { cart_id: cartId }, studio.headers)).data.payment_collection
      return (await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: provider }, studio.headers)).data
        .payment_collection as { id: string; amount: number; payment_sessions: { id: string; amount: number; status: string }[] }
    }
    const complete = (cartId: string) => api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
    /** A cart's collections and sessions as Medusa holds them, with what checkout left behind. */
    const cartState = async (cartId: string) => {
      const { data } = await query().graph({
        entity: "cart",
        fields: [
          "id",
          "completed_at",
          "payment_collection.id",
          "payment_collection.amount",
          "payment_collection.status",
          "payment_collection.payment_sessions.id",
          "payment_collection.payment_sessions.amount",
          "payment_collection.payment_sessions.status",
          "payment_collection.payment_sessions.provider_id",
          "payment_collection.payments.id",
          "payment_collection.payments.amount",
        ],
        filters: { id: cartId },
      })
      const cart = data[0] as any
      return {
        completed: !!cart.completed_at,
        collection: cart.payment_collection && {
          id: cart.payment_collection.id,
          amount: Number(cart.payment_collection.amount),
          status: cart.payment_collection.status,
          sessions: (cart.payment_collection.payment_sessions ?? []).map((s: any) => [s.provider_id, Number(s.amount), s.status]).sort(),
          payments: (cart.payment_collection.payments ?? []).map((p: any) => Number(p.amount)).sort(),
        },
        plans: (await deposits().listPaymentPlans({ cart_id: cartId })).length,
        bookings: (await bookings().listBookings({ cart_id: cartId }, { select: ["status"] })).map((b) => b.status).sort(),
      }
    }
    /** An order's money as Medusa holds it: each collection with its sessions, payments, captures and refunds. */
    const ledger = async (orderId: string) => {
      const { data } = await query().graph({
        entity: "order",
        fields: [
          "status",
          "payment_collections.id",
          "payment_collections.amount",
          "payment_collections.status",
          "payment_collections.metadata",
          "payment_collections.payment_sessions.id",
          "payment_collections.payment_sessions.amount",
          "payment_collections.payment_sessions.status",
          "payment_collections.payment_sessions.data",
          "payment_collections.payments.id",
          "payment_collections.payments.amount",
          "payment_collections.payments.canceled_at",
          "payment_collections.payments.captures.amount",
          "payment_collections.payments.refunds.amount",
        ],
        filters: { id: orderId },
      })
      const order = data[0] as any
      return {
        status: order.status as string,
        collections: [...order.payment_collections]
          .sort((a: any, b: any) => a.id.localeCompare(b.id))
          .map((c: any) => ({
            id: c.id,
            kind: c.metadata?.tiered_balance ?? "checkout",
            amount: Number(c.amount),
            status: c.status,
            sessions: (c.payment_sessions ?? []).map((s: any) => ({ id: s.id, amount: Number(s.amount), status: s.status, data: s.data })),
            payments: (c.payments ?? []).map((p: any) => ({
              id: p.id,
              amount: Number(p.amount),
              voided: !!p.canceled_at,
              captured: (p.captures ?? []).reduce((s: number, x: any) => s + Number(x.amount), 0),
              refunded: (p.refunds ?? []).reduce((s: number, x: any) => s + Number(x.amount), 0),
            })),
          })),
      }
    }
    const plan = async (orderId: string) => (await api.get(`/store/orders/${orderId}/payment-plan`, studio.headers)).data.payment_plan
    const pay = (orderId: string, body: unknown = { provider_id: "pp_system_default" }, tenant = studio) =>
      api.post(`/store/orders/${orderId}/balance-payment`, body, tenant.headers)
    const authorize = (orderId: string, body: unknown = {}, tenant = studio) => api.post(`/store/orders/${orderId}/balance-payment/authorize`, body, tenant.headers)
    // The couple signed in, on the tenant's store (its publishable key).
    const saveMethod = (orderId: string, body: unknown, tenant = studio) =>
      api.post(`/store/orders/${orderId}/balance-payment/saved-method`, body, { headers: { ...fixture.couple.headers, ...tenant.headers.headers } })
    const setupMethod = (orderId: string, body: unknown, tenant = studio) =>
      api.post(`/store/orders/${orderId}/balance-payment/saved-method/setup`, body, { headers: { ...fixture.couple.headers, ...tenant.headers.headers } })
    const offline = (orderId: string, body: unknown) => api.post(`/admin/orders/${orderId}/offline-payments`, body, admin)
    const paymentLink = (orderId: string) => api.post(`/admin/orders/${orderId}/payment-link`, {}, admin)
    const cancel = (orderId: string) => api.post(`/admin/orders/${orderId}/cancel`, {}, admin)
    const schedules = async (orderId: string) => {
      const { data } = await query().graph({ entity: "balance_schedule", fields: ["id", "provider_id", "payment_method_id", "attempts"], filters: { order_id: orderId } })
      return data
    }
    /**
     * Medusa's own session route with an amount in the body (a 400) and then with forged provider
     * data (a Connect destination and fee); answers the collection's amount and its sessions' after.
     */
    const forgeSession = async (collectionId: string) => {
      const url = `/store/payment-collections/${collectionId}/payment-sessions`
      expect((await failed(api.post(url, { provider_id: "pp_system_default", amount: 1 }, studio.headers))).status).toBe(400)
      const forged = { amount: 1, application_fee_amount: 0, transfer_data: { destination: "acct_attacker" } }
      const collection = (await api.post(url, { provider_id: "pp_system_default", data: forged }, studio.headers)).data.payment_collection
      return { amount: collection.amount, sessions: collection.payment_sessions.map((s: any) => s.amount) }
    }
    /** A 4xx with a message, never a 5xx. */
    const expectRefusal = (refused: { status: number; data: any }, status: number, message?: string) => {
      expect({ status: refused.status, message: typeof refused.data?.message }).toEqual({ status, message: "string" })
      if (message) {
        expect(refused.data.message).toContain(message)
      }
    }

    describe("checkout pays the deposit, never less", () => {
      it("a second session through Medusa's route with a forged amount or data is still for the deposit", async () => {
        const cartId = await newCart()
        const first = await startSession(cartId)
        expect(first.payment_sessions.map((s) => s.amount)).toEqual([3000])

        expect(await forgeSession(first.id)).toEqual({ amount: 3000, sessions: [3000] })

        const placed = (await complete(cartId)).data
        expect(placed.type).toBe("order")
        const money = await ledger(placed.order.id)
        expect(money.collections.flatMap((c) => c.payments.map((p: any) => p.amount))).toEqual([3000])
        expect(await plan(placed.order.id)).toMatchObject({ total: 10000, paid: 3000, balance: 7000 })
      })

      it("a cart changed after its session (Medusa's refresh) cannot complete on the old session; nothing is placed", async () => {
        const cartId = await newCart()
        await startSession(cartId)
        // A second package on another date: Medusa refreshes the collection to the new total and drops the session.
        await api.post(`/store/carts/${cartId}/tier-items`, { tier_id: fixture.tier.id, event_date: day(430) }, studio.headers)
        const before = await cartState(cartId)
        expect(before.collection.sessions).toEqual([])

        const refused = await failed(complete(cartId))
        expect(refused.status).toBeGreaterThanOrEqual(400)
        expect(refused.status).toBeLessThan(500)
        expect(await orderCount()).toBe(0)
        expect(await cartState(cartId)).toEqual(before)

        // Started again after the change: the sum of both deposits.
        expect((await startSession(cartId)).payment_sessions.map((s) => s.amount)).toEqual([6000])
        expect((await complete(cartId)).data.type).toBe("order")
      })

      it("a line removed after the session leaves the old session useless, not a cheaper order", async () => {
        const cartId = await newCart()
        await api.post(`/store/carts/${cartId}/tier-items`, { tier_id: fixture.tier.id, event_date: day(430) }, studio.headers)
        expect((await startSession(cartId)).payment_sessions.map((s) => s.amount)).toEqual([6000])
        const cart = (await api.get(`/store/carts/${cartId}`, studio.headers)).data.cart
        await api.delete(`/store/carts/${cartId}/line-items/${cart.items[0].id}`, studio.headers)
        const refused = await failed(complete(cartId))
        expect(refused.status).toBeGreaterThanOrEqual(400)
        expect(refused.status).toBeLessThan(500)
        expect(await orderCount()).toBe(0)
        expect((await startSession(cartId)).payment_sessions.map((s) => s.amount)).toEqual([3000])
      })

      it("refuses a session of a provider the region does not take, and completes with nothing else", async () => {
        const cartId = await newCart()
        const collection = (await api.post("/store/payment-collections", { cart_id: cartId }, studio.headers)).data.payment_collection
        const refused = await failed(
          api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_stripe-connect_stripe-connect" }, studio.headers)
        )
        expectRefusal(refused, refused.status)
        expect(refused.status).toBeLessThan(500)
        const before = await cartState(cartId)
        expect(before.collection.sessions).toEqual([])
        expect((await failed(complete(cartId))).status).toBeLessThan(500)
        expect(await orderCount()).toBe(0)
        expect(await cartState(cartId)).toEqual(before)
      })

      it("a complete racing a cart change places an order only for what its payment covers", async () => {
        const cartId = await newCart()
        await startSession(cartId)
        const settled = await Promise.allSettled([
          complete(cartId),
          api.post(`/store/carts/${cartId}/tier-items`, { tier_id: fixture.tier.id, event_date: day(430) }, studio.headers),
        ])
        for (const s of settled) {
          if (s.status === "rejected") {
            expect((s.reason as any).response.status).toBeLessThan(500)
          }
        }
        const state = await cartState(cartId)
        const placed = settled[0].status === "fulfilled" && (settled[0].value as any).data.type === "order" ? (settled[0].value as any).data.order : null
        if (placed) {
          // The order is what the payment was for: one package, its 30% deposit, its plan.
          expect(placed.items).toHaveLength(1)
          expect(await plan(placed.id)).toMatchObject({ total: 10000, paid: 3000, balance: 7000 })
        } else {
          expect(await orderCount()).toBe(0)
          expect(state.completed).toBe(false)
          expect(state.collection.payments).toEqual([])
        }
      })

      it("a deposit paid before a cart upgrade does not complete the bigger package", async () => {
        const segment = (await api.get("/admin/segments", admin)).data.segments[0]
        const product = (await createPackageProduct(getContainer(), { title: "Signature Grand", prices: { usd: 20000 }, salesChannelIds: [studio.salesChannelId] })) as any
        const grand = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: "Grand", product_id: product.id }, admin)).data.tier
        const cartId = await newCart()
        await startSession(cartId)
        const cart = (await api.get(`/store/carts/${cartId}`, studio.headers)).data.cart
        await api.post(`/store/carts/${cartId}/tier-upgrade`, { line_item_id: cart.items[0].id, to_tier_id: grand.id }, studio.headers)
        const before = await cartState(cartId)

        // The upgrade refreshed the collection (its sessions dropped); a session kept would be refused as stale.
        const refused = await failed(complete(cartId))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/payment session/i)
        expect(await orderCount()).toBe(0)
        expect(await cartState(cartId)).toEqual(before)
        expect((await startSession(cartId)).payment_sessions.map((s) => s.amount)).toEqual([6000])
      })

      it("two carts racing for a studio's last slot: one holds and pays, the other is a 409 with nothing taken", async () => {
        await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 1 } }, admin)
        const date = day(420)
        const carts: string[] = []
        for (const email of ["a@example.com", "b@example.com"]) {
          carts.push((await api.post("/store/carts", { region_id: fixture.region.id, email }, studio.headers)).data.cart.id)
        }
        const settled = await Promise.allSettled(carts.map((id) => api.post(`/store/carts/${id}/tier-items`, { tier_id: fixture.tier.id, event_date: date }, studio.headers)))
        const won = settled.findIndex((s) => s.status === "fulfilled")
        expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1)
        const lost = settled[1 - won] as PromiseRejectedResult
        expect(lost.reason.response.status).toBe(409)
        expect((await cartState(carts[1 - won])).bookings).toEqual([])

        await startSession(carts[won])
        expect((await complete(carts[won])).data.type).toBe("order")
        const loser = await failed(api.post(`/store/carts/${carts[1 - won]}/tier-items`, { tier_id: fixture.tier.id, event_date: date }, studio.headers))
        expect(loser.status).toBe(409)
        expect(await orderCount()).toBe(1)
      })
    })

    describe("the order's collections are paid through the plugin's routes only", () => {
      it("Medusa's payment-collections route cannot make a collection for an order", async () => {
        const orderId = await depositOrder()
        const before = await ledger(orderId)
        for (const body of [{ order_id: orderId }, { cart_id: orderId }]) {
          const refused = await failed(api.post("/store/payment-collections", body, studio.headers))
          expect(refused.status).toBeGreaterThanOrEqual(400)
          expect(refused.status).toBeLessThan(500)
        }
        expect(await ledger(orderId)).toEqual(before)
      })

      it("the completed cart's collection takes no new session: the deposit stays as paid", async () => {
        const cartId = await newCart()
        const collection = await startSession(cartId)
        const orderId = (await complete(cartId)).data.order.id
        const before = await ledger(orderId)
        const cartBefore = await cartState(cartId)

        const refused = await failed(api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers))
        expectRefusal(refused, 400)
        expect(await ledger(orderId)).toEqual(before)
        expect(await cartState(cartId)).toEqual(cartBefore)
        expect(await plan(orderId)).toMatchObject({ paid: 3000, balance: 7000 })
      })

      it("Medusa's payment-collections route on a placed cart makes no second collection", async () => {
        const cartId = await newCart()
        await startSession(cartId)
        const orderId = (await complete(cartId)).data.order.id
        const before = await ledger(orderId)
        const cartBefore = await cartState(cartId)
        const again = await api.post("/store/payment-collections", { cart_id: cartId }, { ...studio.headers, validateStatus: () => true })
        expect(again.status).toBeLessThan(500)
        if (again.status === 200) {
          expect(again.data.payment_collection.id).toBe(cartBefore.collection.id)
        }
        expect(await ledger(orderId)).toEqual(before)
        expect(await cartState(cartId)).toEqual(cartBefore)
      })

      it("a session made on the balance collection through Medusa's route is for the balance, whatever the body says", async () => {
        const orderId = await depositOrder()
        const started = (await pay(orderId)).data.payment_collection
        expect(await forgeSession(started.id)).toEqual({ amount: 7000, sessions: [7000] })
        // Another tenant's key cannot touch it.
        expect((await failed(api.post(`/store/payment-collections/${started.id}/payment-sessions`, { provider_id: "pp_system_default" }, rival.headers))).status).toBe(404)

        await authorize(orderId)
        expect(await plan(orderId)).toMatchObject({ paid: 10000, balance: 0, status: "paid" })
        const paid = (await ledger(orderId)).collections.flatMap((c) => c.payments.map((p: any) => p.amount)).sort()
        expect(paid).toEqual([3000, 7000])
      })

      it("an order's collection takes no session of a provider its region does not take (the system provider pays nothing)", async () => {
        const orderId = await depositOrder()
        // The studio takes the balance by another provider only: here, none the test app has.
        await api.post(`/admin/regions/${fixture.region.id}`, { payment_providers: [] }, admin)
        const collectionId = (await paymentLink(orderId)).data.payment_link.payment_collection_id
        const before = await ledger(orderId)

        const refused = await failed(api.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers))
        expectRefusal(refused, 400, "not one this order's region takes")
        for (const body of [{}, { provider_id: 1e308 }, { provider_id: null }]) {
          expectRefusal(await failed(api.post(`/store/payment-collections/${collectionId}/payment-sessions`, body, studio.headers)), 400)
        }
        expectRefusal(await failed(pay(orderId)), 400, "not one this order's region takes")
        expectRefusal(await failed(authorize(orderId)), 400, "No balance payment was started")
        expect(await ledger(orderId)).toEqual(before)
        expect(await plan(orderId)).toMatchObject({ paid: 3000, balance: 7000 })
      })

      it("a session started before the region dropped its provider is not authorized", async () => {
        const orderId = await depositOrder()
        await pay(orderId)
        await api.post(`/admin/regions/${fixture.region.id}`, { payment_providers: [] }, admin)
        const before = await ledger(orderId)
        expectRefusal(await failed(authorize(orderId)), 400, "not one this order's region takes")
        expect(await ledger(orderId)).toEqual(before)
        expect(await plan(orderId)).toMatchObject({ paid: 3000, balance: 7000 })
      })
    })

    describe("balances", () => {
      it("another tenant's key sees no order on any balance route, and changes nothing", async () => {
        const orderId = await depositOrder()
        const before = await ledger(orderId)
        for (const request of [
          () => pay(orderId, undefined, rival),
          () => authorize(orderId, {}, rival),
          () => saveMethod(orderId, { provider_id: "pp_system_default" }, rival),
          () => setupMethod(orderId, { provider_id: "pp_system_default" }, rival),
          () => api.get(`/store/orders/${orderId}/payment-plan`, rival.headers),
        ]) {
          expectRefusal(await failed(request()), 404)
        }
        expect(await ledger(orderId)).toEqual(before)
        expect(await schedules(orderId)).toEqual([])
      })

      it("an authorize body naming another order's session is refused; the session of this order is the only one authorized", async () => {
        const [mine, theirs] = [await depositOrder(), await depositOrder(day(421))]
        await pay(mine)
        const theirSession = (await pay(theirs)).data.payment_collection.payment_sessions[0].id
        const before = await ledger(theirs)
        expectRefusal(await failed(authorize(mine, { payment_session_id: theirSession })), 400)
        expectRefusal(await failed(authorize(mine, { order_id: theirs })), 400)
        expect(await ledger(theirs)).toEqual(before)
        expect(await plan(mine)).toMatchObject({ paid: 3000, balance: 7000 })
      })

      it("refuses bad input on every balance route, changing nothing", async () => {
        const orderId = await depositOrder()
        const before = await ledger(orderId)
        const bodies: unknown[] = [
          {},
          { provider_id: "" },
          { provider_id: 1e308 },
          { provider_id: -1 },
          { provider_id: null },
          { provider_id: ["pp_system_default"] },
          { provider_id: "pp_system\u0000_default" },
          { provider_id: "p".repeat(201) },
          { provider_id: "pp_system_default", amount: Number.MAX_SAFE_INTEGER },
          { provider_id: "pp_system_default", amount: "NaN" },
        ]
        for (const body of bodies) {
          expectRefusal(await failed(pay(orderId, body)), 400)
          expectRefusal(await failed(saveMethod(orderId, body)), 400)
          expectRefusal(await failed(setupMethod(orderId, body)), 400)
        }
        for (const payment_method_id of ["pm_\u0000", "x".repeat(201), 1e308, -1, { id: "pm_1" }]) {
          expectRefusal(await failed(saveMethod(orderId, { provider_id: "pp_system_default", payment_method_id })), 400)
        }
        expectRefusal(await failed(authorize(orderId, { amount: 1 })), 400)
        for (const path of [`${orderId}%00`, "x".repeat(5000), "%E0%A4%A"]) {
          const refused = await failed(api.post(`/store/orders/${path}/balance-payment`, { provider_id: "pp_system_default" }, studio.headers))
          expect(refused.status).toBeGreaterThanOrEqual(400)
          expect(refused.status).toBeLessThan(500)
        }
        expect(await ledger(orderId)).toEqual(before)
        expect(await schedules(orderId)).toEqual([])
      })

      it("an order paid in full, or canceled, takes no balance payment, saved method or payment link", async () => {
        const paidOrder = await depositOrder()
        await offline(paidOrder, { amount: 7000, method: "cash" })
        const canceledOrder = await depositOrder(day(421))
        await cancel(canceledOrder)
        for (const [orderId, message] of [
          [paidOrder, "paid in full"],
          [canceledOrder, "canceled"],
        ]) {
          const before = await ledger(orderId)
          expectRefusal(await failed(pay(orderId)), 400, message)
          expectRefusal(await failed(authorize(orderId)), 400, message)
          expectRefusal(await failed(saveMethod(orderId, { provider_id: "pp_system_default" })), 400, message)
          expectRefusal(await failed(paymentLink(orderId)), 400)
          expectRefusal(await failed(offline(orderId, { amount: 1, method: "cash" })), 400)
          expect(await ledger(orderId)).toEqual(before)
          expect(await schedules(orderId)).toEqual([])
        }
      })

      it("an authorization racing an offline record of the whole balance never collects it twice", async () => {
        const orderId = await depositOrder()
        await pay(orderId)
        const settled = await Promise.allSettled([authorize(orderId), offline(orderId, { amount: 7000, method: "bank_transfer" })])
        expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1)
        const refused = (settled.find((s) => s.status === "rejected") as PromiseRejectedResult).reason.response
        expect([400, 409]).toContain(refused.status)
        const paid = (await ledger(orderId)).collections.flatMap((c) => c.payments.map((p: any) => p.amount)).sort()
        expect(paid).toEqual([3000, 7000])
        expect(await plan(orderId)).toMatchObject({ paid: 10000, balance: 0, status: "paid" })
      })

      it("refuses a bad balances list query", async () => {
        for (const q of ["limit=-1", "limit=1e308", "offset=NaN", "status=paid", "format=xml", "sales_channel_id=%00", "extra=1"]) {
          expectRefusal(await failed(api.get(`/admin/balances?${q}`, admin)), 400)
        }
      })

      it("two racing authorizations make one payment", async () => {
        const orderId = await depositOrder()
        await pay(orderId)
        const settled = await Promise.allSettled([authorize(orderId), authorize(orderId), authorize(orderId)])
        for (const s of settled) {
          if (s.status === "rejected") {
            expect((s.reason as any).response.status).toBeLessThan(500)
          }
        }
        const paid = (await ledger(orderId)).collections.flatMap((c) => c.payments.map((p: any) => p.amount)).sort()
        expect(paid).toEqual([3000, 7000])
      })
    })

    describe("a careless admin", () => {
      it("refuses offline payments that are not a sane part of the balance, recording nothing", async () => {
        const orderId = await depositOrder()
        const before = await ledger(orderId)
        for (const [amount, message] of [
          [7000.01, undefined],
          [7001, "balance"],
          [0, "more than 0"],
          [-1, "more than 0"],
          [1e308, "at most"],
          ["NaN", undefined],
          ["100", undefined],
          [null, undefined],
          [0.001, undefined],
        ] as [unknown, string | undefined][]) {
          expectRefusal(await failed(offline(orderId, { amount, method: "cash" })), 400, message)
        }
        expectRefusal(await failed(offline(orderId, { amount: 100, method: "cash", reference: "chq\u0000 42" })), 400, "control characters")
        expectRefusal(await failed(offline(orderId, { amount: 100, method: "barter" })), 400)
        expectRefusal(await failed(offline(orderId, { amount: 100, method: "cash", reference: "r".repeat(201) })), 400)
        expect(await ledger(orderId)).toEqual(before)
      })

      it("two concurrent offline payments that together exceed the balance never overpay", async () => {
        const orderId = await depositOrder()
        const settled = await Promise.allSettled([offline(orderId, { amount: 5000, method: "cash" }), offline(orderId, { amount: 5000, method: "cheque" })])
        expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1)
        const refused = (settled.find((s) => s.status === "rejected") as PromiseRejectedResult).reason.response
        expectRefusal(refused, 400, "balance")
        expect(await plan(orderId)).toMatchObject({ paid: 8000, balance: 2000 })
        const offlineCollections = (await ledger(orderId)).collections.filter((c) => c.kind === "offline")
        expect(offlineCollections.map((c) => c.amount)).toEqual([5000])
      })

      it("cancels twice concurrently: one cancel, refunds once; a redelivered order.canceled changes nothing", async () => {
        await api.post(`/admin/deposit-policies/${studio.salesChannelId}`, { kind: "percent", value: 30, balance_due_days: 30, deposit_refundable: true }, admin)
        const orderId = await depositOrder()
        await offline(orderId, { amount: 2000, method: "bank_transfer" })
        const settled = await Promise.allSettled([cancel(orderId), cancel(orderId)])
        expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1)
        const refused = (settled.find((s) => s.status === "rejected") as PromiseRejectedResult).reason.response
        expect(refused.status).toBeGreaterThanOrEqual(400)
        expect(refused.status).toBeLessThan(500)
        const after = await ledger(orderId)
        expect(after.status).toBe("canceled")
        const refunds = after.collections.flatMap((c) => c.payments.map((p: any) => p.refunded))
        expect(refunds.reduce((a, b) => a + b, 0)).toBe(2000)

        const analytics = getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService
        const totals = await eventually(() => analytics.recordedTotals(orderId), (t) => t.revenue === 0)
        const booked = await bookings().listBookings({ order_id: orderId }, { select: ["status"] })
        await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.canceled", data: { id: orderId } })
        await new Promise((r) => setTimeout(r, 1500))
        expect(await ledger(orderId)).toEqual(after)
        expect(await analytics.recordedTotals(orderId)).toEqual(totals)
        expect(await bookings().listBookings({ order_id: orderId }, { select: ["status"] })).toEqual(booked)
      })
    })

    describe("rollout and funnel events", () => {
      const analytics = () => getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService

      it("refuses a page load with an insane LCP and stores nothing", async () => {
        for (const lcp_ms of [1e308, -1, "900", null, true, 2 ** 53 + 1, { v: 1 }]) {
          expectRefusal(await failed(api.post("/store/tier-events", { name: "page_load", properties: { lcp_ms } }, studio.headers)), 400, "lcp_ms")
        }
        expect(await analytics().listTierEvents({ name: "page_load" })).toEqual([])
      })

      it("a flood of funnel events from one visitor is cut at its limit with 429s, never a 500", async () => {
        const visitor_id = await newVisitor(api, studio)
        const statuses: number[] = []
        for (let i = 0; i < 70; i++) {
          const r = await api.post("/store/tier-events", { name: "page_load", visitor_id, properties: { lcp_ms: 1200 } }, { ...studio.headers, validateStatus: () => true })
          statuses.push(r.status)
        }
        expect(new Set(statuses)).toEqual(new Set([202, 429]))
        expect(statuses.filter((s) => s === 202)).toHaveLength(60)
        expect(await analytics().listTierEvents({ name: "page_load" })).toHaveLength(60)
      })

      it("a burst of store requests through the counting middleware answers every one without a 5xx", async () => {
        const answers = await Promise.all(
          Array.from({ length: 120 }, (_, i) =>
            api.get(i % 2 ? "/store/segments" : `/store/tiers/${fixture.tier.id}/availability?from=${day(400)}&to=${day(401)}`, { ...studio.headers, validateStatus: () => true })
          )
        )
        expect(answers.filter((a) => a.status >= 500)).toEqual([])
        expect((await api.get("/store/tiered/health", studio.headers)).status).toBe(200)
      })

      it("refuses rollout changes with bad percents or reasons and records nothing", async () => {
        const upsell = getContainer().resolve(UPSELL_MODULE) as UpsellModuleService
        const before = (await upsell.listRolloutChanges({})).length
        for (const body of [
          { percent: 101, reason: "go" },
          { percent: -1, reason: "go" },
          { percent: 12.5, reason: "go" },
          { percent: "50", reason: "go" },
          { percent: 1e308, reason: "go" },
          { percent: null, reason: "go" },
          { percent: 50 },
          { percent: 50, reason: "" },
          { percent: 50, reason: "   " },
          { percent: 50, reason: "go\u0000" },
          { percent: 50, reason: "r".repeat(501) },
          { percent: 50, reason: "go", extra: 1 },
        ]) {
          expectRefusal(await failed(api.post("/admin/tier-rollout/upsell/stage", body, admin)), 400)
        }
        for (const action of ["advance", "pause", "resume"]) {
          expectRefusal(await failed(api.post(`/admin/tier-rollout/upsell/${action}`, { reason: "" }, admin)), 400)
        }
        expectRefusal(await failed(api.post("/admin/tier-rollout/everything/stage", { percent: 50, reason: "go" }, admin)), 404)
        expect((await upsell.listRolloutChanges({})).length).toBe(before)
      })
    })

    describe("dates at the edges", () => {
      it("refuses year-9999 event dates on the cart, changing nothing", async () => {
        const cart = (await api.post("/store/carts", { region_id: fixture.region.id }, studio.headers)).data.cart
        for (const event_date of ["9999-12-31", "0000-01-01", "2026-02-30", "+275760-09-13"]) {
          expectRefusal(await failed(api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: fixture.tier.id, event_date }, studio.headers)), 400)
        }
        expect((await api.get(`/store/carts/${cart.id}`, studio.headers)).data.cart.items).toEqual([])
        expect(await cartState(cart.id)).toMatchObject({ bookings: [], plans: 0 })
      })

      const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

      it.each([
        // 10:30 UTC on 7 December is already the 8th in Kiritimati and still the 6th in Pago Pago.
        ["Pacific/Kiritimati", "2026-12-08"],
        ["Pacific/Pago_Pago", "2026-12-06"],
      ])("counts the balance's due date in the tenant's day (%s)", async (time_zone, tenantToday) => {
        setClock("2026-12-07T10:30:00Z")
        await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { time_zone } }, admin)
        const planOf = async (date: string) => (await api.get(`/store/carts/${await newCart(date)}/payment-plan`, studio.headers)).data.payment_plan
        // The due date (30 days before) is the tenant's today: pay in full; a day later, a deposit due tomorrow.
        expect(await planOf(addDays(tenantToday, 30))).toMatchObject({ pay_in_full: true, due_now: 10000 })
        expect(await planOf(addDays(tenantToday, 31))).toMatchObject({ pay_in_full: false, due_now: 3000, balance_due_date: addDays(tenantToday, 1) })
      })
    })
  },
})
