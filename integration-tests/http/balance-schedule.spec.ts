import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { addDays } from "../../src/lib/dates"
import { BALANCES_MODULE, BalancesModuleService } from "../../src/modules/balances"
import { runBalanceScheduleWorkflow } from "../../src/workflows/run-balance-schedule"
import { depositOrder as placeDepositOrder, depositStudio, DepositStudio, recordEvents } from "./balance-fixtures"
import { customerHeaders, dayFromToday as day, failed, Tenant } from "./fixtures"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: DepositStudio["admin"]
    let studio: Tenant
    let rival: Tenant
    let region: { id: string }
    let fixture: DepositStudio
    let events: { name: string; data: any }[]

    const due = day(390)
    const at = (offset: number) => `${addDays(due, offset)}T12:00:00.000Z`

    beforeAll(() => {
      events = []
      recordEvents(getContainer(), events)
    })

    beforeEach(async () => {
      events.length = 0
      fixture = await depositStudio(api, getContainer())
      ;({ admin, studio, rival, region } = fixture)
    })

    const depositOrder = () => placeDepositOrder(api, fixture, { signedIn: true })
    const run = async (now: string) => (await runBalanceScheduleWorkflow(getContainer()).run({ input: { now } })).result
    // The couple's account, signed in on the studio's store, chooses the method of its own order.
    const save = (orderId: string, body: Record<string, unknown> = { provider_id: "pp_system_default" }, headers = fixture.couple) =>
      api.post(`/store/orders/${orderId}/balance-payment/saved-method`, body, headers)
    const plan = async (orderId: string) => (await api.get(`/store/orders/${orderId}/payment-plan`, studio.headers)).data.payment_plan
    const schedule = async (orderId: string) => (await api.get(`/admin/orders/${orderId}/payment-plan`, admin)).data.schedule
    const settle = () => new Promise((r) => setTimeout(r, 300))
    const named = (name: string) => events.filter((e) => e.name === name)

    it("reminds once in the week before the due date and charges the saved method on it", async () => {
      const orderId = await depositOrder()
      expect((await save(orderId)).data.saved_method).toEqual({ order_id: orderId, provider_id: "pp_system_default", payment_method_id: null, balance_due_date: due })

      expect(await run(at(-8))).toEqual({ reminded: [], charged: [], failed: [], flagged: [], overdue: [] })
      expect((await run(at(-7))).reminded).toEqual([orderId])
      expect((await run(at(-6))).reminded).toEqual([])
      await settle()
      expect(named("tiered.balance.reminder_due").map((e) => e.data)).toEqual([
        { order_id: orderId, email: "couple@example.com", balance: 7000, currency_code: "usd", balance_due_date: due },
      ])

      expect((await run(at(0))).charged).toEqual([orderId])
      expect(await plan(orderId)).toMatchObject({ paid: 10000, balance: 0, status: "paid" })
      // Paid: the next days do nothing, and nothing is overdue.
      expect(await run(at(1))).toEqual({ reminded: [], charged: [], failed: [], flagged: [], overdue: [] })
      await settle()
      expect(named("tiered.balance.paid").map((e) => e.data)).toEqual([expect.objectContaining({ order_id: orderId, amount: 7000, method: "session" })])
      expect(named("tiered.balance.overdue")).toEqual([])
    })

    it("retries a failed charge 1, 3 and 7 days after the due date, then flags it; marks the order overdue once", async () => {
      const orderId = await depositOrder()
      await save(orderId)
      // The studio stops taking the provider the couple saved: each charge is refused.
      await api.post(`/admin/regions/${region.id}`, { payment_providers: [] }, admin)

      const first = await run(at(0))
      expect(first).toEqual({ reminded: [], charged: [], failed: [orderId], flagged: [], overdue: [] })
      expect((await schedule(orderId)).charge).toMatchObject({ attempts: 1, flagged_at: null })
      expect((await schedule(orderId)).charge.last_error).toContain("is not one this order's region takes")
      expect((await run(at(0))).failed).toEqual([])

      const second = await run(at(1))
      expect(second).toMatchObject({ failed: [orderId], overdue: [orderId], flagged: [] })
      expect((await run(at(2))).failed).toEqual([])
      expect((await run(at(3))).failed).toEqual([orderId])
      const last = await run(at(7))
      expect(last).toMatchObject({ failed: [orderId], flagged: [orderId], overdue: [] })
      expect(await run(at(8))).toEqual({ reminded: [], charged: [], failed: [], flagged: [], overdue: [] })

      const flagged = await schedule(orderId)
      expect(flagged.charge).toMatchObject({ provider_id: "pp_system_default", attempts: 4, overdue_on: addDays(due, 1) })
      expect(flagged.charge.flagged_at).toBeTruthy()
      expect(flagged.payment_plan).toMatchObject({ paid: 3000, balance: 7000 })
      await settle()
      expect(named("tiered.balance.charge_failed").map((e) => [e.data.attempt, e.data.next_attempt_on, e.data.flagged])).toEqual([
        [1, addDays(due, 1), false],
        [2, addDays(due, 3), false],
        [3, addDays(due, 7), false],
        [4, null, true],
      ])
      expect(named("tiered.balance.overdue").map((e) => e.data.order_id)).toEqual([orderId])

      // The studio takes the provider again and the couple saves it anew: the flag is lifted and the next run charges.
      await api.post(`/admin/regions/${region.id}`, { payment_providers: ["pp_system_default"] }, admin)
      await save(orderId)
      expect((await schedule(orderId)).charge).toMatchObject({ attempts: 0, flagged_at: null })
      expect((await run(at(9))).charged).toEqual([orderId])
      expect(await plan(orderId)).toMatchObject({ balance: 0, status: "paid" })
    })

    it("refuses to save a method for another tenant's order, a paid order, or a provider the region does not take, saving nothing", async () => {
      const orderId = await depositOrder()
      const balances = getContainer().resolve(BALANCES_MODULE) as BalancesModuleService
      const rivalKey = { headers: { ...fixture.couple.headers, "x-publishable-api-key": rival.headers.headers["x-publishable-api-key"] } }
      expect((await failed(save(orderId, undefined, rivalKey))).status).toBe(404)
      const foreign = await failed(save(orderId, { provider_id: "pp_nowhere_default" }))
      expect(foreign.status).toBe(400)
      expect(foreign.data.message).toContain("pp_nowhere_default")
      expect((await failed(save(orderId, { provider_id: "pp_system_default", amount: 1 }))).status).toBe(400)
      expect(await balances.listBalanceSchedules({ order_id: orderId })).toEqual([])

      await api.post(`/admin/orders/${orderId}/offline-payments`, { amount: 7000, method: "cash" }, admin)
      const paid = await failed(save(orderId))
      expect(paid.status).toBe(400)
      expect(paid.data.message).toContain("paid in full")
      expect(await balances.listBalanceSchedules({ order_id: orderId })).toEqual([])
    })

    it("lets only the order's signed-in customer choose the method: no sign-in is 401, another account and a guest's order 404, nothing saved", async () => {
      const orderId = await depositOrder()
      // (Medusa gives a guest checkout with an account's email to that account: another email is a guest's.)
      const guestOrder = await placeDepositOrder(api, fixture, { email: "guest@example.com" })
      const balances = getContainer().resolve(BALANCES_MODULE) as BalancesModuleService
      expect((await failed(save(orderId, undefined, studio.headers))).status).toBe(401)
      expect((await failed(api.get(`/store/orders/${orderId}/balance-payment/saved-method`, studio.headers))).status).toBe(401)
      const stranger = await customerHeaders(api, studio, "stranger@example.com")
      expect((await failed(save(orderId, undefined, stranger))).status).toBe(404)
      expect((await failed(api.get(`/store/orders/${orderId}/balance-payment/saved-method`, stranger))).status).toBe(404)
      // A guest's order has no account to own it: the couple's account cannot take it over either.
      expect((await failed(save(guestOrder))).status).toBe(404)
      // The system provider takes no method; naming one is refused rather than stored.
      const named = await failed(save(orderId, { provider_id: "pp_system_default", payment_method_id: "pm_card_visa" }))
      expect(named.status).toBe(400)
      expect(named.data.message).toContain("takes no saved payment method")
      expect((await failed(api.post(`/store/orders/${orderId}/balance-payment/saved-method/setup`, { provider_id: "pp_system_default" }, fixture.couple))).status).toBe(400)
      expect(await balances.listBalanceSchedules({ order_id: [orderId, guestOrder] })).toEqual([])

      // The owner reads an empty choice, then the saved one.
      expect((await api.get(`/store/orders/${orderId}/balance-payment/saved-method`, fixture.couple)).data).toEqual({ saved_method: null, payment_methods: [] })
      await save(orderId)
      expect((await api.get(`/store/orders/${orderId}/balance-payment/saved-method`, fixture.couple)).data).toEqual({
        saved_method: { provider_id: "pp_system_default", payment_method_id: null, method: null, attempts: 0, flagged: false },
        payment_methods: [],
      })
    })
  },
})
