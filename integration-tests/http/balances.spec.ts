import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { tieredStore } from "../../src/client"
import { DEPOSITS_MODULE, DepositsModuleService } from "../../src/modules/deposits"
import { depositOrder as placeDepositOrder, depositStudio, DepositStudio } from "./balance-fixtures"
import { dayFromToday as day, eventually, failed, setClock, Tenant } from "./fixtures"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: DepositStudio["admin"]
    let studio: Tenant
    let rival: Tenant
    let fixture: DepositStudio

    const dueDate = day(390)

    beforeEach(async () => {
      fixture = await depositStudio(api, getContainer())
      ;({ admin, studio, rival } = fixture)
    })

    /** A real checkout that pays the 30% deposit with the system provider: the order owes 7000. */
    const depositOrder = (date?: string) => placeDepositOrder(api, fixture, { date })
    const plan = async (orderId: string) => (await api.get(`/store/orders/${orderId}/payment-plan`, studio.headers)).data.payment_plan
    const pay = (orderId: string, body: Record<string, unknown> = { provider_id: "pp_system_default" }, tenant = studio) =>
      api.post(`/store/orders/${orderId}/balance-payment`, body, tenant.headers)
    const authorize = (orderId: string, tenant = studio) => api.post(`/store/orders/${orderId}/balance-payment/authorize`, {}, tenant.headers)
    /** The order's payment collections, sessions and payments as Medusa holds them. */
    const collections = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: [
          "payment_collections.id",
          "payment_collections.amount",
          "payment_collections.status",
          "payment_collections.metadata",
          "payment_collections.payment_sessions.id",
          "payment_collections.payment_sessions.amount",
          "payment_collections.payment_sessions.status",
          "payment_collections.payments.id",
          "payment_collections.payments.amount",
        ],
        filters: { id: orderId },
      })
      return ((data[0] as any).payment_collections ?? []).sort((a: any, b: any) => a.id.localeCompare(b.id)) as any[]
    }
    const summary = async (orderId: string) => (await api.get(`/admin/orders/${orderId}?fields=id,summary`, admin)).data.order.summary

    it("collects the balance by session: one collection for exactly the balance, authorized once, the plan paid", async () => {
      const orderId = await depositOrder()
      expect(await plan(orderId)).toMatchObject({ total: 10000, paid: 3000, balance: 7000, balance_due_date: dueDate, status: "due" })

      const first = (await pay(orderId)).data
      expect(first.payment_collection).toMatchObject({ amount: 7000, currency_code: "usd", status: "not_paid" })
      expect(first.payment_collection.payment_sessions).toEqual([expect.objectContaining({ provider_id: "pp_system_default", amount: 7000, status: "pending" })])
      expect(first.payment_plan).toMatchObject({ paid: 3000, balance: 7000 })

      // A repeat answers the same collection and session.
      const again = (await pay(orderId)).data
      expect(again.payment_collection.id).toBe(first.payment_collection.id)
      expect(again.payment_collection.payment_sessions.map((s: any) => s.id)).toEqual([first.payment_collection.payment_sessions[0].id])

      const done = (await authorize(orderId)).data
      expect(done.payment_plan).toMatchObject({ order_id: orderId, total: 10000, paid: 10000, balance: 0, status: "paid" })
      // A repeat (a lost answer, a double click) answers the same payment; nothing is charged twice.
      const repeat = (await authorize(orderId)).data
      expect(repeat.payment_id).toBe(done.payment_id)
      expect(repeat.payment_plan).toEqual(done.payment_plan)
      const after = await collections(orderId)
      expect(after).toHaveLength(2)
      expect(after.flatMap((c) => c.payments ?? []).map((p: any) => Number(p.amount)).sort()).toEqual([3000, 7000])

      // Paid in full: another payment is refused, nothing made.
      const refused = await failed(pay(orderId))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("paid in full")
      expect(await collections(orderId)).toEqual(after)
    })

    it("the typed client pays the balance as the storefront's pay page does", async () => {
      const orderId = await depositOrder()
      const sdk = new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: studio.key })
      const tiered = tieredStore(sdk.client)
      const started = await tiered.orders.startBalancePayment(orderId, { provider_id: "pp_system_default" })
      expect(started.payment_collection.amount).toBe(7000)
      const done = await tiered.orders.authorizeBalancePayment(orderId)
      expect(done.payment_plan).toMatchObject({ paid: 10000, balance: 0, status: "paid" })
      const other = tieredStore(new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: rival.key }).client)
      await expect(other.orders.authorizeBalancePayment(orderId)).rejects.toMatchObject({ status: 404 })
    })

    it("refuses an amount from the storefront, another tenant's order, an unknown provider and an authorization never started, changing nothing", async () => {
      const orderId = await depositOrder()
      const before = await collections(orderId)

      for (const body of [
        { provider_id: "pp_system_default", amount: 1 },
        { provider_id: "pp_system_default", amount: -7000 },
        { provider_id: "pp_system_default", amount: 1e12 },
        { provider_id: "pp_system_default", currency_code: "eur" },
      ]) {
        const refused = await failed(pay(orderId, body))
        expect(refused.status).toBe(400)
      }
      const notStarted = await failed(authorize(orderId))
      expect(notStarted.status).toBe(400)
      expect(notStarted.data.message).toContain("No balance payment was started")
      const unknown = await failed(pay(orderId, { provider_id: "pp_nowhere_default" }))
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toContain("pp_nowhere_default")

      // Another tenant's key: 404 as if the order did not exist, on both routes, before and after a start.
      for (const request of [() => pay(orderId, undefined, rival), () => authorize(orderId, rival)]) {
        const hidden = await failed(request())
        expect(hidden.status).toBe(404)
      }
      expect(await collections(orderId)).toEqual(before)
      await pay(orderId)
      const started = await collections(orderId)
      const hidden = await failed(authorize(orderId, rival))
      expect(hidden.status).toBe(404)
      expect((await failed(api.get(`/store/orders/${orderId}/payment-plan`, rival.headers))).status).toBe(404)
      expect(await collections(orderId)).toEqual(started)
      expect(await plan(orderId)).toMatchObject({ paid: 3000, balance: 7000 })
    })

    it("gives two racing pay calls one collection, and two racing authorizations one payment", async () => {
      const orderId = await depositOrder()
      const answers = await Promise.all([pay(orderId), pay(orderId), pay(orderId)])
      expect(new Set(answers.map((a) => a.data.payment_collection.id)).size).toBe(1)
      const balanceCollections = (await collections(orderId)).filter((c) => c.metadata?.tiered_balance === "session")
      expect(balanceCollections).toHaveLength(1)
      expect(balanceCollections[0].payment_sessions).toHaveLength(1)

      const settled = await Promise.allSettled([authorize(orderId), authorize(orderId)])
      const ok = settled.filter((s) => s.status === "fulfilled").map((s) => (s as PromiseFulfilledResult<any>).value.data)
      expect(ok.length).toBeGreaterThanOrEqual(1)
      expect(new Set(ok.map((a) => a.payment_id)).size).toBe(1)
      const payments = (await collections(orderId)).flatMap((c) => c.payments ?? [])
      expect(payments.map((p: any) => Number(p.amount)).sort()).toEqual([3000, 7000])
      expect(await plan(orderId)).toMatchObject({ paid: 10000, balance: 0, status: "paid" })
    })

    it("bounds balance starts: the eleventh in a minute for one order is a 429 that changes nothing", async () => {
      const orderId = await depositOrder()
      // One minute's window for all eleven: the clock holds still.
      setClock(new Date())
      try {
        for (let i = 0; i < 10; i++) await pay(orderId)
        const before = await collections(orderId)
        const limited = await failed(pay(orderId))
        expect(limited.status).toBe(429)
        expect(await collections(orderId)).toEqual(before)
      } finally {
        jest.useRealTimers()
      }
    })

    it("records an offline payment through Medusa (the order's summary shows it), never above the balance", async () => {
      const orderId = await depositOrder()
      const paidBefore = Number((await summary(orderId)).paid_total ?? 0)
      // A session started for the whole balance before the cheque arrives.
      await pay(orderId)

      const above = await failed(api.post(`/admin/orders/${orderId}/offline-payments`, { amount: 7000.01, method: "cheque" }, admin))
      expect(above.status).toBe(400)
      expect(above.data.message).toContain("more than the balance of 7000")
      for (const body of [{ amount: -5, method: "cash" }, { amount: 100, method: "barter" }, { amount: 0, method: "cash" }]) {
        expect((await failed(api.post(`/admin/orders/${orderId}/offline-payments`, body, admin))).status).toBe(400)
      }
      expect((await collections(orderId)).filter((c) => c.metadata?.tiered_balance === "offline")).toEqual([])

      const { data } = await api.post(
        `/admin/orders/${orderId}/offline-payments`,
        { amount: 2000, method: "cheque", reference: "CHQ-1042", note: "Handed over at the venue visit" },
        admin
      )
      expect(data.payment).toMatchObject({ order_id: orderId, amount: 2000, offline_method: "cheque", reference: "CHQ-1042" })
      expect(data.schedule.payment_plan).toMatchObject({ paid: 5000, balance: 5000, status: "due" })
      expect(data.schedule.payments).toContainEqual(
        expect.objectContaining({ kind: "offline", amount: 2000, method: "cheque", reference: "CHQ-1042", note: "Handed over at the venue visit" })
      )
      // Medusa's order counts the captured offline payment.
      expect(Number((await summary(orderId)).paid_total)).toBe(paidBefore + 2000)
      expect(await plan(orderId)).toMatchObject({ paid: 5000, balance: 5000 })

      // The session started for 7000 is stale: refused, nothing authorized; a new start asks for 5000.
      const stale = await failed(authorize(orderId))
      expect(stale.status).toBe(409)
      expect(stale.data.message).toContain("the balance is now 5000")
      expect(await plan(orderId)).toMatchObject({ paid: 5000, balance: 5000 })
      const restarted = (await pay(orderId)).data
      expect(restarted.payment_collection.amount).toBe(5000)
      expect(restarted.payment_collection.payment_sessions.map((s: any) => s.amount)).toEqual([5000])
      expect((await authorize(orderId)).data.payment_plan).toMatchObject({ paid: 10000, balance: 0, status: "paid" })
      expect((await failed(api.post(`/admin/orders/${orderId}/offline-payments`, { amount: 1, method: "cash" }, admin))).status).toBe(400)
    })

    it("finishes an offline record a crash left unpaid when the same record is sent again, making no second collection", async () => {
      const orderId = await depositOrder()
      // What a process dying between the collection and Medusa's mark-as-paid leaves behind.
      const payments = getContainer().resolve(Modules.PAYMENT)
      const [orphan] = await payments.createPaymentCollections([
        { currency_code: "usd", amount: 2500, metadata: { tiered_balance: "offline", method: "bank_transfer", reference: "TR-77", note: null } },
      ])
      await getContainer().resolve(ContainerRegistrationKeys.LINK).create({ [Modules.ORDER]: { order_id: orderId }, [Modules.PAYMENT]: { payment_collection_id: orphan.id } })
      expect(await plan(orderId)).toMatchObject({ paid: 3000, balance: 7000 })

      const { data } = await api.post(`/admin/orders/${orderId}/offline-payments`, { amount: 2500, method: "bank_transfer", reference: "TR-77" }, admin)
      expect(data.payment.payment_collection_id).toBe(orphan.id)
      const offline = (await collections(orderId)).filter((c) => c.metadata?.tiered_balance === "offline")
      expect(offline.map((c) => [c.id, c.status])).toEqual([[orphan.id, "completed"]])
      expect(await plan(orderId)).toMatchObject({ paid: 5500, balance: 4500 })
    })

    it("the revenue report tells booked from collected, and commission on collected money", async () => {
      const orderId = await depositOrder()
      const today = new Date().toISOString().slice(0, 10)
      const report = () => api.get(`/admin/tier-analytics/revenue?from=${today}&to=${today}&sales_channel_id=${studio.salesChannelId}`, admin).then((r: { data: any }) => r.data)
      const before = await eventually(report, (r: any) => r.by_segment.length > 0)
      // 10% commission on $10,000 booked; the 30% deposit is what the payments hold.
      expect(before.by_segment.map((r: any) => [r.segment_name, r.revenue, r.commission, r.collected, r.commission_collected])).toEqual([["Signature", 10000, 1000, 3000, 300]])
      expect(before.by_tier.map((r: any) => [r.tier_name, r.collected, r.commission_collected])).toEqual([["Complete", 3000, 300]])
      expect(before.totals).toEqual([{ currency_code: "usd", booked: 10000, collected: 3000, commission: 1000, commission_collected: 300 }])

      await api.post(`/admin/orders/${orderId}/offline-payments`, { amount: 2000, method: "cash" }, admin)
      expect((await report()).totals).toEqual([{ currency_code: "usd", booked: 10000, collected: 5000, commission: 1000, commission_collected: 500 }])
    })

    it("sends a payment link to the storefront's pay page for the balance, and lists balances due and overdue", async () => {
      const orderId = await depositOrder()
      const events: { name: string; data: any }[] = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      eventBus.subscribe("tiered.balance.payment_link", async (event: any) => {
        events.push({ name: "tiered.balance.payment_link", data: event.data })
      })

      const { data } = await api.post(`/admin/orders/${orderId}/payment-link`, {}, admin)
      expect(data.payment_link).toMatchObject({
        order_id: orderId,
        url: `http://localhost:5173/?pay=${orderId}`,
        email: "couple@example.com",
        amount: 7000,
        currency_code: "usd",
        balance_due_date: dueDate,
      })
      const linked = (await collections(orderId)).find((c) => c.id === data.payment_link.payment_collection_id)
      expect(linked).toMatchObject({ status: "not_paid", metadata: { tiered_balance: "session" } })
      expect(Number(linked.amount)).toBe(7000)
      for (let i = 0; i < 50 && !events.length; i++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(events[0]?.data).toMatchObject({ order_id: orderId, url: data.payment_link.url, email: "couple@example.com" })
      // The couple's page then pays that same collection.
      expect((await pay(orderId)).data.payment_collection.id).toBe(data.payment_link.payment_collection_id)

      // A second order whose due date passed (the plan says so) is overdue.
      const late = await depositOrder(day(400))
      const deposits = getContainer().resolve(DEPOSITS_MODULE) as DepositsModuleService
      const [latePlan] = await deposits.listPaymentPlans({ order_id: late })
      await deposits.updatePaymentPlans({ id: latePlan.id, balance_due_date: day(-2) })

      const all = (await api.get("/admin/balances", admin)).data
      expect(all.count).toBe(2)
      expect(all.balances.map((b: any) => [b.order_id, b.status, b.balance])).toEqual([
        [late, "overdue", 7000],
        [orderId, "due", 7000],
      ])
      expect(all.balances[0]).toMatchObject({ sales_channel_id: studio.salesChannelId, sales_channel_name: "Studio", email: "couple@example.com", paid: 3000 })
      expect((await api.get("/admin/balances?status=overdue", admin)).data.balances.map((b: any) => b.order_id)).toEqual([late])
      expect((await api.get(`/admin/balances?sales_channel_id=${rival.salesChannelId}`, admin)).data.count).toBe(0)
      expect((await failed(api.get("/admin/balances?status=paid", admin))).status).toBe(400)

      const csv = await api.get("/admin/balances?format=csv", admin)
      expect(csv.headers["content-type"]).toContain("text/csv")
      const lines = (csv.data as string).trim().split("\r\n")
      expect(lines[0]).toBe("display_id,order_id,sales_channel_name,email,event_date,balance_due_date,status,total,paid,balance,currency_code")
      expect(lines).toHaveLength(3)
      expect(lines[1]).toContain(`${late},Studio,couple@example.com,${day(400)},${day(-2)},overdue,10000,3000,7000,usd`)

      // Paid in full: no link, no row.
      await api.post(`/admin/orders/${late}/offline-payments`, { amount: 7000, method: "bank_transfer" }, admin)
      expect((await failed(api.post(`/admin/orders/${late}/payment-link`, {}, admin))).status).toBe(400)
      expect((await api.get("/admin/balances", admin)).data.balances.map((b: any) => b.order_id)).toEqual([orderId])
    })
  },
})
