import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addDays } from "../../src/lib/dates"
import { DEPOSITS_MODULE, DepositsModuleService } from "../../src/modules/deposits"
import { listBalances } from "../../src/queries/balances"
import { runBalanceScheduleWorkflow } from "../../src/workflows/run-balance-schedule"
import { depositOrder as placeDepositOrder, depositStudio, DepositStudio, recordEvents } from "./balance-fixtures"
import { dayFromToday as day, failed, setClock, Tenant } from "./fixtures"

jest.setTimeout(240 * 1000)

/** Payment plans of several instalments (README "Deposits" and "Balances"): a 30% deposit, the 7000 balance in 3 payments. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: DepositStudio["admin"]
    let studio: Tenant
    let region: { id: string }
    let fixture: DepositStudio
    let events: { name: string; data: any }[]

    // The event 420 days out, the balance due 390 days out: the span split in three.
    const due = [day(130), day(260), day(390)]
    const at = (date: string, offset = 0) => `${addDays(date, offset)}T12:00:00.000Z`

    beforeAll(() => {
      events = []
      recordEvents(getContainer(), events)
    })

    beforeEach(async () => {
      events.length = 0
      fixture = await depositStudio(api, getContainer(), { policy: { instalments: 3 } })
      ;({ admin, studio, region } = fixture)
    })

    const depositOrder = () => placeDepositOrder(api, fixture, { signedIn: true })
    const plan = async (orderId: string) => (await api.get(`/store/orders/${orderId}/payment-plan`, studio.headers)).data.payment_plan
    const pay = (orderId: string, body: Record<string, unknown> = { provider_id: "pp_system_default" }) =>
      api.post(`/store/orders/${orderId}/balance-payment`, body, studio.headers)
    const authorize = (orderId: string) => api.post(`/store/orders/${orderId}/balance-payment/authorize`, {}, studio.headers)
    const offline = (orderId: string, amount: number) => api.post(`/admin/orders/${orderId}/offline-payments`, { amount, method: "bank_transfer" }, admin)
    const run = async (now: string) => (await runBalanceScheduleWorkflow(getContainer()).run({ input: { now } })).result
    const save = (orderId: string) => api.post(`/store/orders/${orderId}/balance-payment/saved-method`, { provider_id: "pp_system_default" }, fixture.couple)
    const settle = () => new Promise((r) => setTimeout(r, 300))
    const named = (name: string) => events.filter((e) => e.name === name)
    const collections = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["payment_collections.id", "payment_collections.amount", "payment_collections.status", "payment_collections.payment_sessions.id", "payment_collections.payment_sessions.amount"],
        filters: { id: orderId },
      })
      return ((data[0] as any).payment_collections ?? []).sort((a: any, b: any) => a.id.localeCompare(b.id)) as any[]
    }
    const statuses = (p: any) => p.instalments.map((i: any) => i.status)

    it("schedules the balance at checkout and collects it one payment at a time by session", async () => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, studio.headers)).data.cart
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: fixture.tier.id, event_date: day(420) }, studio.headers)
      const schedule = [
        { number: 1, amount: 2333.33, due_date: due[0] },
        { number: 2, amount: 2333.33, due_date: due[1] },
        { number: 3, amount: 2333.34, due_date: due[2] },
      ]
      expect((await api.get(`/store/carts/${cart.id}/payment-plan`, studio.headers)).data.payment_plan).toMatchObject({ due_now: 3000, balance: 7000, balance_due_date: due[2], instalments: schedule })

      const orderId = await depositOrder()
      const placed = await plan(orderId)
      expect(placed).toMatchObject({ total: 10000, paid: 3000, balance: 7000, balance_due_date: due[2], status: "due" })
      expect(placed.instalments).toEqual(schedule.map((s) => ({ ...s, status: "due" })))
      expect(placed.instalments.reduce((s: number, i: any) => s + i.amount, 0)).toBeCloseTo(7000, 6)
      expect(placed.next_payment).toEqual(schedule[0])
      // The plan keeps the schedule as checkout computed it.
      const [record] = await (getContainer().resolve(DEPOSITS_MODULE) as DepositsModuleService).listPaymentPlans({ order_id: orderId })
      expect(record.instalments).toEqual(schedule)
      expect(record.first_due_date).toBe(due[0])

      // Hostile bodies: an amount of the couple's choosing, an unknown choice; nothing is made.
      const before = await collections(orderId)
      for (const body of [{ provider_id: "pp_system_default", amount: 1 }, { provider_id: "pp_system_default", pay: "all" }, { provider_id: "pp_system_default", pay: 1 }]) {
        expect((await failed(pay(orderId, body))).status).toBe(400)
      }
      expect(await collections(orderId)).toEqual(before)

      // The first payment: a session for exactly the first instalment.
      const started = (await pay(orderId)).data
      expect(started.payment_collection).toMatchObject({ amount: 2333.33 })
      expect(started.payment_collection.payment_sessions.map((s: any) => s.amount)).toEqual([2333.33])
      const first = (await authorize(orderId)).data.payment_plan
      expect(first).toMatchObject({ paid: 5333.33, balance: 4666.67, status: "due" })
      expect(statuses(first)).toEqual(["paid", "due", "due"])
      expect(first.next_payment).toEqual(schedule[1])
      // A repeat answers the same payment.
      expect((await authorize(orderId)).data.payment_plan).toEqual(first)
      // The admin's order page reads the same instalments.
      expect((await api.get(`/admin/orders/${orderId}/payment-plan`, admin)).data.schedule.payment_plan.instalments).toEqual(first.instalments)
      // The payment link asks for the next payment.
      expect((await api.post(`/admin/orders/${orderId}/payment-link`, {}, admin)).data.payment_link).toMatchObject({ amount: 2333.33, balance_due_date: due[2] })

      // A session started for the second payment goes stale once an offline payment lands: refused, nothing paid.
      await pay(orderId)
      await offline(orderId, 1000)
      const stale = await failed(authorize(orderId))
      expect(stale.status).toBe(409)
      expect(stale.data.message).toContain("1333.33 is due now")
      expect(await plan(orderId)).toMatchObject({ paid: 6333.33, balance: 3666.67, next_payment: { number: 2, amount: 1333.33 } })

      // Paying it all off: the whole balance, on request.
      expect((await pay(orderId, { provider_id: "pp_system_default", pay: "balance" })).data.payment_collection).toMatchObject({ amount: 3666.67 })
      const done = (await authorize(orderId)).data.payment_plan
      expect(done).toMatchObject({ paid: 10000, balance: 0, status: "paid", next_payment: null })
      expect(statuses(done)).toEqual(["paid", "paid", "paid"])
    })

    it("covers instalments in order with offline payments of any size, and tells an instalment overdue by the tenant's today", async () => {
      const orderId = await depositOrder()
      // The first date passed with nothing paid beyond the deposit: overdue, though the balance's own date is far off.
      setClock(at(due[0], 1))
      try {
        const missed = await plan(orderId)
        expect(missed).toMatchObject({ status: "overdue", next_payment: { number: 1, amount: 2333.33, due_date: due[0] } })
        expect(statuses(missed)).toEqual(["overdue", "due", "due"])
        // The admin's balances list agrees (read at that instant: the admin's token does not outlive the jump).
        const overdue = await listBalances(getContainer(), { status: "overdue", limit: 50, offset: 0 }, new Date(at(due[0], 1)))
        expect(overdue.balances.map((b) => [b.order_id, b.status])).toEqual([[orderId, "overdue"]])
        // On the second date both are owed at once.
        setClock(at(due[1]))
        expect((await plan(orderId)).next_payment).toEqual({ number: 2, amount: 4666.66, due_date: due[1] })
      } finally {
        jest.useRealTimers()
      }
      await offline(orderId, 3000)
      const partly = await plan(orderId)
      expect(statuses(partly)).toEqual(["paid", "due", "due"])
      expect(partly.next_payment).toEqual({ number: 2, amount: 1666.66, due_date: due[1] })

      await offline(orderId, 1666.66)
      const two = await plan(orderId)
      expect(statuses(two)).toEqual(["paid", "paid", "due"])
      expect(two.next_payment).toEqual({ number: 3, amount: 2333.34, due_date: due[2] })

      // Past the third date uncovered: overdue, and the session asks for what is owed.
      setClock(at(due[2], 1))
      try {
        const late = await plan(orderId)
        expect(late).toMatchObject({ status: "overdue", balance: 2333.34 })
        expect(statuses(late)).toEqual(["paid", "paid", "overdue"])
      } finally {
        jest.useRealTimers()
      }
    })

    it("a reschedule moves the balance and each payment with the event; a refused move changes nothing", async () => {
      const orderId = await depositOrder()
      const line = (await api.get(`/admin/orders/${orderId}?fields=items.id`, admin)).data.order.items[0].id
      const move = (event_date: string) => api.post(`/admin/orders/${orderId}/reschedule`, { line_item_id: line, event_date }, admin)
      // Thirty days later: the balance still due 30 days before it, every payment thirty days later.
      await move(day(450))
      const later = await plan(orderId)
      expect(later.balance_due_date).toBe(day(420))
      expect(later.instalments.map((i: any) => i.due_date)).toEqual(due.map((d) => addDays(d, 30)))
      // Two hundred days earlier: a payment whose moved date has passed is due today, none in the past.
      await move(day(250))
      const earlier = await plan(orderId)
      expect(earlier.balance_due_date).toBe(day(220))
      expect(earlier.instalments.map((i: any) => i.due_date)).toEqual([day(0), day(90), day(220)])
      expect(earlier.next_payment).toEqual({ number: 1, amount: 2333.33, due_date: day(0) })
      // A refused move (a date in the past) changes nothing.
      expect((await failed(move(day(-5)))).status).toBe(400)
      expect(await plan(orderId)).toEqual(earlier)
    })

    it("a canceled order's plan owes nothing more: the unpaid instalments read canceled and there is no next payment", async () => {
      const orderId = await depositOrder()
      await offline(orderId, 2333.33)
      await api.post(`/admin/orders/${orderId}/cancel`, {}, admin)
      const canceled = await plan(orderId)
      // The policy kept the deposit and gave the first payment back (a year before the event): none of them stands paid.
      expect(canceled).toMatchObject({ status: "canceled", paid: 3000, balance: 0, next_payment: null })
      expect(statuses(canceled)).toEqual(["canceled", "canceled", "canceled"])
      expect((await failed(pay(orderId))).status).toBe(400)
    })

    it("reminds, charges the saved method and marks overdue once per instalment", async () => {
      const orderId = await depositOrder()
      await save(orderId)

      expect(await run(at(due[0], -8))).toEqual({ reminded: [], charged: [], failed: [], flagged: [], overdue: [] })
      expect((await run(at(due[0], -7))).reminded).toEqual([orderId])
      expect((await run(at(due[0], -6))).reminded).toEqual([])
      expect((await run(at(due[0]))).charged).toEqual([orderId])
      expect(await run(at(due[0], 1))).toEqual({ reminded: [], charged: [], failed: [], flagged: [], overdue: [] })
      expect(statuses(await plan(orderId))).toEqual(["paid", "due", "due"])

      expect((await run(at(due[1], -7))).reminded).toEqual([orderId])
      // The studio stops taking the saved provider: the second payment's charge fails, is retried, and it is overdue once.
      await api.post(`/admin/regions/${region.id}`, { payment_providers: [] }, admin)
      expect(await run(at(due[1]))).toEqual({ reminded: [], charged: [], failed: [orderId], flagged: [], overdue: [] })
      expect(await run(at(due[1], 1))).toEqual({ reminded: [], charged: [], failed: [orderId], flagged: [], overdue: [orderId] })
      expect(await run(at(due[1], 2))).toEqual({ reminded: [], charged: [], failed: [], flagged: [], overdue: [] })
      const charge = (await api.get(`/admin/orders/${orderId}/payment-plan`, admin)).data.schedule.charge
      expect(charge).toMatchObject({ attempts: 2, attempts_for: due[1], overdue_on: addDays(due[1], 1), overdue_for: due[1], reminded_for: due[1] })
      // It takes the provider again: the couple's method saved anew is charged on the next run.
      await api.post(`/admin/regions/${region.id}`, { payment_providers: ["pp_system_default"] }, admin)
      await save(orderId)
      expect((await run(at(due[1], 3))).charged).toEqual([orderId])
      expect(statuses(await plan(orderId))).toEqual(["paid", "paid", "due"])

      expect((await run(at(due[2], -7))).reminded).toEqual([orderId])
      expect((await run(at(due[2]))).charged).toEqual([orderId])
      expect(await plan(orderId)).toMatchObject({ paid: 10000, balance: 0, status: "paid", next_payment: null })
      expect(await run(at(due[2], 1))).toEqual({ reminded: [], charged: [], failed: [], flagged: [], overdue: [] })

      await settle()
      const instalment = (n: number, amount: number) => ({ number: n, count: 3, amount, due_date: due[n - 1] })
      expect(named("tiered.balance.reminder_due").map((e) => e.data.instalment)).toEqual([instalment(1, 2333.33), instalment(2, 2333.33), instalment(3, 2333.34)])
      expect(named("tiered.balance.paid").map((e) => e.data.amount)).toEqual([2333.33, 2333.33, 2333.34])
      expect(named("tiered.balance.charge_failed").map((e) => [e.data.attempt, e.data.next_attempt_on, e.data.instalment.number])).toEqual([
        [1, addDays(due[1], 1), 2],
        [2, addDays(due[1], 3), 2],
      ])
      expect(named("tiered.balance.overdue").map((e) => e.data)).toEqual([
        expect.objectContaining({ order_id: orderId, balance: 4666.67, balance_due_date: due[2], instalment: instalment(2, 2333.33) }),
      ])
    })

    it("refuses a count out of 1..12, not whole, or not a number, saving nothing", async () => {
      const url = `/admin/deposit-policies/${studio.salesChannelId}`
      const before = (await api.get(url, admin)).data
      expect(before.default).toMatchObject({ instalments: 3 })
      for (const instalments of [0, 13, 1.5, "3", null, -1]) {
        const refused = await failed(api.post(url, { kind: "percent", value: 30, instalments }, admin))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain("instalments")
      }
      // A segment's override carries no count: the tenant's default decides.
      const segment = (await api.post("/admin/segments", { handle: "luxury", name: "Luxury", rank: 2 }, admin)).data.segment
      expect((await failed(api.post(url, { segment_id: segment.id, kind: "percent", value: 50, instalments: 2 }, admin))).status).toBe(400)
      expect((await api.get(url, admin)).data).toEqual(before)

      expect((await api.post(url, { kind: "percent", value: 30, instalments: 12 }, admin)).data.default).toMatchObject({ instalments: 12 })
      // Without the field the tenant's policy is one balance payment again.
      expect((await api.post(url, { kind: "percent", value: 30 }, admin)).data.default).toMatchObject({ instalments: 1 })
    })
  },
})
