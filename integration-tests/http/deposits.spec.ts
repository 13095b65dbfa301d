import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { DEPOSITS_MODULE, DepositsModuleService } from "../../src/modules/deposits"
import { attachPaymentPlan } from "../../src/queries/payment-plan"
import { adminHeaders, createPackageProduct, createRegion, createTenant, dayFromToday as day, failed, Tenant } from "./fixtures"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let rival: Tenant
    let region: { id: string }
    let signature: { id: string }
    let luxury: { id: string }
    let complete10k: { id: string }
    let grand: { id: string }

    const eventDate = day(420)
    const dueDate = day(390)

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      rival = await createTenant(container, "Rival")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [studio.salesChannelId] }) as any
      const pComplete = await mk("Signature Complete", 10000)
      const pGrand = await mk("Luxury Grand", 20000)
      signature = (await api.post("/admin/segments", { handle: "signature", name: "Signature", commission_percent: 10 }, admin)).data.segment
      luxury = (await api.post("/admin/segments", { handle: "luxury", name: "Luxury", rank: 2 }, admin)).data.segment
      complete10k = (await api.post(`/admin/segments/${signature.id}/tiers`, { level: 1, name: "Complete", product_id: pComplete.id }, admin)).data.tier
      grand = (await api.post(`/admin/segments/${luxury.id}/tiers`, { level: 1, name: "Grand", product_id: pGrand.id }, admin)).data.tier
    })

    const setPolicy = (body: Record<string, unknown>, channel = studio.salesChannelId) => api.post(`/admin/deposit-policies/${channel}`, body, admin)
    const thirtyPercent = () => setPolicy({ kind: "percent", value: 30, balance_due_days: 30 })

    const cartWith = async (tierId: string, date = eventDate) => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, studio.headers)).data.cart
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tierId, event_date: date }, studio.headers)
      return cart.id as string
    }
    const startPayment = async (cartId: string) => {
      const collection = (await api.post("/store/payment-collections", { cart_id: cartId }, studio.headers)).data.payment_collection
      const { data } = await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
      return data.payment_collection as { id: string; amount: number; payment_sessions: { id: string; amount: number }[] }
    }
    const complete = (cartId: string) => api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
    const plans = () => (getContainer().resolve(DEPOSITS_MODULE) as DepositsModuleService).listPaymentPlans({})
    const orders = async () => (await getContainer().resolve(Modules.ORDER).listOrders({}, { select: ["id"] })).length
    const bookingsOf = (cartId: string) =>
      (getContainer().resolve(BOOKING_MODULE) as BookingModuleService).listBookings({ cart_id: cartId }, { select: ["status"] })

    it("charges a 30% deposit at checkout and records what the order owes", async () => {
      await thirtyPercent()
      const cartId = await cartWith(complete10k.id)
      const { data: before } = await api.get(`/store/carts/${cartId}/payment-plan`, studio.headers)
      expect(before.payment_plan).toEqual({
        currency_code: "usd",
        total: 10000,
        due_now: 3000,
        balance: 7000,
        balance_due_date: dueDate,
        event_date: eventDate,
        pay_in_full: false,
        reason: "deposit",
      })

      const collection = await startPayment(cartId)
      expect(collection.amount).toBe(3000)
      expect(collection.payment_sessions.map((s) => s.amount)).toEqual([3000])

      const { data } = await complete(cartId)
      expect(data.type).toBe("order")
      expect(data.order.total).toBe(10000)

      const { data: plan } = await api.get(`/store/orders/${data.order.id}/payment-plan`, studio.headers)
      expect(plan.payment_plan).toEqual({
        order_id: data.order.id,
        currency_code: "usd",
        total: 10000,
        deposit: 3000,
        paid: 3000,
        balance: 7000,
        balance_due_date: dueDate,
        status: "due",
      })
      const [record] = await plans()
      expect(record).toEqual(
        expect.objectContaining({ order_id: data.order.id, cart_id: cartId, sales_channel_id: studio.salesChannelId, balance_due_date: dueDate, pay_in_full: false })
      )
      expect(Number(record.deposit)).toBe(3000)
      expect((record.policy as any).policies[0]).toEqual(expect.objectContaining({ kind: "percent", value: 30, balance_due_days: 30 }))

      // Medusa's own order read agrees: the order owes the balance.
      const { data: payments } = await api.get(`/store/orders/${data.order.id}?fields=payment_collections.amount,payment_collections.authorized_amount`, studio.headers)
      expect(payments.order.payment_collections.map((c: any) => c.authorized_amount)).toEqual([3000])
    })

    it("takes the whole total when the event is inside the balance's days", async () => {
      await thirtyPercent()
      const cartId = await cartWith(complete10k.id, day(20))
      const { data: due } = await api.get(`/store/carts/${cartId}/payment-plan`, studio.headers)
      expect(due.payment_plan).toMatchObject({ due_now: 10000, balance: 0, balance_due_date: null, pay_in_full: true, reason: "balance_due_passed" })
      const collection = await startPayment(cartId)
      expect(collection.payment_sessions[0].amount).toBe(10000)
      const { data } = await complete(cartId)
      const { data: plan } = await api.get(`/store/orders/${data.order.id}/payment-plan`, studio.headers)
      expect(plan.payment_plan).toMatchObject({ total: 10000, deposit: 10000, paid: 10000, balance: 0, balance_due_date: null, status: "paid" })
    })

    it("keeps Medusa's checkout for a tenant without a policy", async () => {
      const cartId = await cartWith(complete10k.id)
      expect((await api.get(`/store/carts/${cartId}/payment-plan`, studio.headers)).data.payment_plan).toMatchObject({ due_now: 10000, reason: "no_policy" })
      expect((await startPayment(cartId)).payment_sessions[0].amount).toBe(10000)
      const { data } = await complete(cartId)
      expect((await api.get(`/store/orders/${data.order.id}/payment-plan`, studio.headers)).data.payment_plan).toMatchObject({ paid: 10000, status: "paid" })
    })

    it("lets a segment's override win over the tenant's default", async () => {
      await thirtyPercent()
      await setPolicy({ segment_id: luxury.id, kind: "fixed", value: 2500, currency_code: "USD", balance_due_days: 60 })
      const cartId = await cartWith(grand.id)
      expect((await api.get(`/store/carts/${cartId}/payment-plan`, studio.headers)).data.payment_plan).toMatchObject({
        total: 20000,
        due_now: 2500,
        balance: 17500,
        balance_due_date: day(360),
      })
      expect((await startPayment(cartId)).payment_sessions[0].amount).toBe(2500)
      const { data } = await complete(cartId)
      expect((await api.get(`/store/orders/${data.order.id}/payment-plan`, studio.headers)).data.payment_plan).toMatchObject({
        paid: 2500,
        balance: 17500,
        balance_due_date: day(360),
      })
    })

    it("sets, answers and removes policies, refusing bad ones with nothing changed", async () => {
      await thirtyPercent()
      await setPolicy({ segment_id: luxury.id, kind: "percent", value: 50, deposit_refundable: true, balance_refundable_days: 45 })
      const { data: set } = await api.get(`/admin/deposit-policies/${studio.salesChannelId}`, admin)
      expect(set.default).toEqual(
        expect.objectContaining({ segment_id: null, kind: "percent", value: 30, currency_code: null, balance_due_days: 30, deposit_refundable: false, balance_refundable_days: 30 })
      )
      expect(set.segments).toEqual([
        expect.objectContaining({ segment_id: luxury.id, segment_handle: "luxury", kind: "percent", value: 50, balance_due_days: 30, deposit_refundable: true, balance_refundable_days: 45 }),
      ])

      const refusals: [Record<string, unknown>, RegExp][] = [
        [{ kind: "percent", value: 0 }, /between 1 and 100/],
        [{ kind: "percent", value: 101 }, /between 1 and 100/],
        [{ kind: "percent", value: 30, currency_code: "usd" }, /takes no currency/],
        [{ kind: "fixed", value: 500 }, /names its currency/],
        [{ kind: "fixed", value: -5, currency_code: "usd" }, /more than 0/],
        [{ kind: "fixed", value: 1e12, currency_code: "usd" }, /at most 1,000,000,000/],
        [{ kind: "fixed", value: 500, currency_code: "dollars" }, /3-letter/],
        [{ kind: "percent", value: 30, balance_due_days: -1 }, /balance_due_days/],
        [{ kind: "percent", value: 30, balance_due_days: 2.5 }, /balance_due_days/],
        [{ kind: "deposit", value: 30 }, /kind/],
        [{ kind: "percent", value: 30, surprise: true }, /surprise/i],
        [{ segment_id: "seg_nope", kind: "percent", value: 30 }, /Unknown segment: seg_nope/],
      ]
      for (const [body, message] of refusals) {
        const { status, data } = await failed(setPolicy(body))
        expect([status, data.message]).toEqual([400, expect.stringMatching(message)])
      }
      expect((await failed(setPolicy({ kind: "percent", value: 30 }, "sc_nope"))).status).toBe(404)
      expect((await api.get(`/admin/deposit-policies/${studio.salesChannelId}`, admin)).data).toEqual(set)

      const { data: removed } = await api.delete(`/admin/deposit-policies/${studio.salesChannelId}/segments/${luxury.id}`, admin)
      expect(removed.segments).toEqual([])
      expect((await failed(api.delete(`/admin/deposit-policies/${studio.salesChannelId}/segments/${luxury.id}`, admin))).status).toBe(404)
      const { data: cleared } = await api.delete(`/admin/deposit-policies/${studio.salesChannelId}`, admin)
      expect(cleared.default).toBeNull()
      // Another tenant's policies are its own.
      expect((await api.get(`/admin/deposit-policies/${rival.salesChannelId}`, admin)).data).toEqual({ sales_channel_id: rival.salesChannelId, default: null, segments: [] })
    })

    it("answers another tenant's cart, order and plan with a 404", async () => {
      await thirtyPercent()
      const cartId = await cartWith(complete10k.id)
      expect((await failed(api.get(`/store/carts/${cartId}/payment-plan`, rival.headers))).status).toBe(404)
      await startPayment(cartId)
      const { data } = await complete(cartId)
      expect((await failed(api.get(`/store/orders/${data.order.id}/payment-plan`, rival.headers))).status).toBe(404)
      expect((await failed(api.get(`/store/orders/order_nope/payment-plan`, studio.headers))).status).toBe(404)
      expect((await failed(api.get(`/store/carts/cart_nope/payment-plan`, studio.headers))).status).toBe(404)
    })

    it("refuses a session made before the cart changed, and charges the deposit once it is started again", async () => {
      await thirtyPercent()
      const cartId = await cartWith(complete10k.id)
      await startPayment(cartId)
      // Any cart change makes Medusa reset the collection to the total and drop its sessions.
      await api.post(`/store/carts/${cartId}`, { email: "other@example.com" }, studio.headers)
      const refused = await failed(complete(cartId))
      expect(refused.status).toBe(400)
      expect(await orders()).toBe(0)
      expect(await plans()).toEqual([])
      expect((await bookingsOf(cartId)).map((b) => b.status)).toEqual(["held"])

      const collection = await startPayment(cartId)
      expect(collection.payment_sessions.map((s) => s.amount)).toEqual([3000])
      expect((await complete(cartId)).data.type).toBe("order")
    })

    it("refuses a session for another amount than what is due, made past the plugin's route", async () => {
      await thirtyPercent()
      const cartId = await cartWith(complete10k.id)
      const collection = (await api.post("/store/payment-collections", { cart_id: cartId }, studio.headers)).data.payment_collection
      const payments = getContainer().resolve(Modules.PAYMENT)
      for (const amount of [10000, 1]) {
        await payments.updatePaymentCollections(collection.id, { amount })
        const sessions = await payments.listPaymentSessions({ payment_collection_id: collection.id })
        if (sessions.length) {
          await payments.deletePaymentSession(sessions[0].id)
        }
        await payments.createPaymentSession(collection.id, { provider_id: "pp_system_default", amount, currency_code: "usd", data: {} })
        const refused = await failed(complete(cartId))
        expect([refused.status, refused.data.message]).toEqual([400, expect.stringMatching(/but 3000 is due now; start the payment session again/)])
        expect(await orders()).toBe(0)
        expect(await plans()).toEqual([])
        expect((await bookingsOf(cartId)).map((b) => b.status)).toEqual(["held"])
        const [session] = await payments.listPaymentSessions({ payment_collection_id: collection.id })
        expect(session.status).toBe("pending")
      }
    })

    it("refuses to start a payment it cannot name the deposit of, rather than charge the total", async () => {
      await thirtyPercent()
      const cartId = await cartWith(complete10k.id)
      // The line still says it is a package, but the plugin's record of it is gone.
      const booking = getContainer().resolve(BOOKING_MODULE) as BookingModuleService
      const records = await booking.listTierLines({ cart_id: cartId })
      await booking.softDeleteTierLines(records.map((r) => r.id))
      const collection = (await api.post("/store/payment-collections", { cart_id: cartId }, studio.headers)).data.payment_collection
      const refused = await failed(api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers))
      expect([refused.status, refused.data.message]).toEqual([400, expect.stringMatching(/is not a package this store recorded, so its deposit cannot be named/)])
      expect((await failed(api.get(`/store/carts/${cartId}/payment-plan`, studio.headers))).status).toBe(400)
      const payments = getContainer().resolve(Modules.PAYMENT)
      const [after] = await payments.listPaymentCollections({ id: collection.id }, { relations: ["payment_sessions"] })
      expect([Number(after.amount), after.payment_sessions]).toEqual([10000, []])
    })

    it("keeps one plan an order when the order's event comes again, and finishes a plan a crash left without its order", async () => {
      await thirtyPercent()
      const cartId = await cartWith(complete10k.id)
      await startPayment(cartId)
      const { data } = await complete(cartId)
      const orderId = data.order.id
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      await bus.emit([{ name: "order.placed", data: { id: orderId } }, { name: "order.placed", data: { id: orderId } }])
      await attachPaymentPlan(getContainer(), orderId, cartId)
      await new Promise((r) => setTimeout(r, 500))
      expect((await plans()).filter((p) => p.order_id === orderId)).toHaveLength(1)

      // A process that died between the order and the plan's order id: the plan is found by the order's cart.
      const service = getContainer().resolve(DEPOSITS_MODULE) as DepositsModuleService
      const [plan] = await plans()
      await service.updatePaymentPlans({ id: plan.id, order_id: null })
      const { data: read } = await api.get(`/store/orders/${orderId}/payment-plan`, studio.headers)
      expect(read.payment_plan).toMatchObject({ deposit: 3000, paid: 3000, balance: 7000, balance_due_date: dueDate })
      expect((await plans()).map((p) => p.order_id)).toEqual([orderId])
    })
  },
})
