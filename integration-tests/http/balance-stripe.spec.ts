import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { addDays } from "../../src/lib/dates"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { runBalanceScheduleWorkflow } from "../../src/workflows/run-balance-schedule"
import { depositOrder as placeDepositOrder, depositStudio, DepositStudio } from "./balance-fixtures"
import { dayFromToday as day, eventually, failed, Tenant } from "./fixtures"
import { CONNECT_PROVIDER, signedEvent, useStripeDouble } from "./stripe-fixtures"

jest.setTimeout(300 * 1000)

const PROVIDER = CONNECT_PROVIDER
const double = useStripeDouble()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: DepositStudio["admin"]
    let studio: Tenant
    let rival: Tenant
    let fixture: DepositStudio
    let destination: string
    const due = day(390)
    const at = (offset: number) => `${addDays(due, offset)}T12:00:00.000Z`

    beforeEach(async () => {
      double.requests.length = 0
      fixture = await depositStudio(api, getContainer(), { price: 13000, commission_percent: 12, providers: [PROVIDER, "pp_system_default"] })
      ;({ admin, studio, rival } = fixture)
      const { data } = await api.post(`/admin/stripe-connect/accounts/${studio.salesChannelId}`, {}, admin)
      destination = data.account.stripe_account_id
      const account = { object: "account", id: destination, details_submitted: true, charges_enabled: true, payouts_enabled: true, requirements: { currently_due: [] } }
      const event = signedEvent({ id: `evt_${destination}`, object: "event", type: "account.updated", created: Math.floor(Date.now() / 1000), data: { object: account } })
      await api.post("/hooks/stripe-connect", event.payload, { headers: event.headers })
    })

    /** A deposit checkout through Stripe Connect: 30% of 13,000 charged, 9,100 owed; its conversion recorded. */
    const depositOrder = async () => {
      const orderId = await placeDepositOrder(api, fixture, { provider: PROVIDER, beforeComplete: () => double.confirm([...double.intents.keys()].at(-1)!) })
      const analytics = getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService
      await eventually(() => analytics.recordedTotals(orderId), (t) => t.commission > 0)
      return orderId
    }
    const plan = async (orderId: string) => (await api.get(`/store/orders/${orderId}/payment-plan`, studio.headers)).data.payment_plan
    const run = async (now: string) => (await runBalanceScheduleWorkflow(getContainer()).run({ input: { now } })).result
    const intents = () => [...double.intents.values()]

    it("collects the balance by session, sent to the tenant with the rest of the commission as the fee", async () => {
      const orderId = await depositOrder()
      const deposit = intents().at(-1)!
      expect(deposit).toMatchObject({ amount: 390000, application_fee_amount: 46800 })

      const { data } = await api.post(`/store/orders/${orderId}/balance-payment`, { provider_id: PROVIDER }, studio.headers)
      expect(data.payment_collection.amount).toBe(9100)
      const first = intents().at(-1)!
      // 70% of 13,000; the fee is 70% of the 1,560 commission: the two fees add up to it.
      expect(first).toMatchObject({ amount: 910000, application_fee_amount: 109200, transfer_data: { destination } })
      expect(deposit.application_fee_amount! + first.application_fee_amount!).toBe(156000)
      // Medusa's own session route on the order's collection: the destination and fee are the server's, whatever is sent.
      const forged = { tiered_connect: { destination: "acct_elsewhere", application_fee_amount: 0, amount: 1, currency_code: "usd" } }
      await api.post(`/store/payment-collections/${data.payment_collection.id}/payment-sessions`, { provider_id: PROVIDER, data: forged }, studio.headers)
      expect(intents().at(-1)).toMatchObject({ amount: 910000, application_fee_amount: 109200, transfer_data: { destination } })
      // Our route answers that session again (same provider, same amount): no third intent.
      await api.post(`/store/orders/${orderId}/balance-payment`, { provider_id: PROVIDER }, studio.headers)
      const balance = intents().at(-1)!
      // Another tenant's key cannot complete it.
      expect((await failed(api.post(`/store/orders/${orderId}/balance-payment/authorize`, {}, rival.headers))).status).toBe(404)

      double.confirm(balance.id)
      const done = (await api.post(`/store/orders/${orderId}/balance-payment/authorize`, {}, studio.headers)).data
      expect(done.payment_plan).toMatchObject({ total: 13000, paid: 13000, balance: 0, status: "paid" })
      // The repeat asks Stripe nothing new.
      const calls = double.requests.length
      expect((await api.post(`/store/orders/${orderId}/balance-payment/authorize`, {}, studio.headers)).data.payment_id).toBe(done.payment_id)
      expect(double.calls("POST", "/v1/payment_intents")).toHaveLength(3)
      expect(double.requests.slice(calls).filter((r) => r.method === "POST")).toEqual([])
    })

    it("charges a card saved to the couple's Stripe customer off-session on the due date; a declined card is retried and flagged", async () => {
      // The signed-in couple saves the card at checkout (Stripe's setup_future_usage): Medusa makes the
      // account holder (a Stripe customer) and the intent carries it; Stripe.js confirming saves the card.
      const saving = { signedIn: true, data: { setup_future_usage: "off_session" } }
      const paid = await placeDepositOrder(api, fixture, { provider: PROVIDER, ...saving, beforeComplete: () => double.confirm(intents().at(-1)!.id, "pm_card_visa") })
      const declined = await placeDepositOrder(api, fixture, { provider: PROVIDER, ...saving, beforeComplete: () => double.confirm(intents().at(-1)!.id, "pm_card_visa") })
      expect(double.calls("POST", "/v1/customers")).toHaveLength(1)
      const customer = [...double.customers.keys()].at(-1)!
      expect(intents().slice(-2).map((i) => i.customer)).toEqual([customer, customer])

      const methods = async (orderId: string) => (await api.get(`/store/orders/${orderId}/balance-payment/saved-method`, fixture.couple)).data
      expect(await methods(paid)).toEqual({
        saved_method: null,
        payment_methods: [{ id: "pm_card_visa", provider_id: PROVIDER, type: "card", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2034 } }],
      })
      await api.post(`/store/orders/${paid}/balance-payment/saved-method`, { provider_id: PROVIDER, payment_method_id: "pm_card_visa" }, fixture.couple)
      expect((await methods(paid)).saved_method).toMatchObject({ provider_id: PROVIDER, payment_method_id: "pm_card_visa", method: { card: { last4: "4242" } } })

      // A second card saved after checkout, with the setup route (a setup intent on the same Stripe customer).
      const { setup } = (await api.post(`/store/orders/${declined}/balance-payment/saved-method/setup`, { provider_id: PROVIDER }, fixture.couple)).data
      expect(setup).toMatchObject({ provider_id: PROVIDER, client_secret: expect.stringMatching(/^seti_secret_/), status: "requires_payment_method" })
      expect(double.setupIntents.get(setup.id)!.customer).toBe(customer)
      double.confirmSetup(setup.id, "pm_card_declined")
      await api.post(`/store/orders/${declined}/balance-payment/saved-method`, { provider_id: PROVIDER, payment_method_id: "pm_card_declined" }, fixture.couple)

      // Another customer's card, or a card never saved, is not the couple's to choose: 400, nothing changed.
      double.method("pm_card_mastercard").customer = "cus_someone_else"
      for (const payment_method_id of ["pm_card_mastercard", "pm_card_unknown"]) {
        const refused = await failed(api.post(`/store/orders/${paid}/balance-payment/saved-method`, { provider_id: PROVIDER, payment_method_id }, fixture.couple))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain(`${payment_method_id} is not one you saved`)
      }
      const noMethod = await failed(api.post(`/store/orders/${paid}/balance-payment/saved-method`, { provider_id: PROVIDER }, fixture.couple))
      expect(noMethod.status).toBe(400)
      expect((await methods(paid)).saved_method).toMatchObject({ payment_method_id: "pm_card_visa" })

      const first = await run(at(0))
      expect(first.charged).toEqual([paid])
      expect(first.failed).toEqual([declined])
      const charge = double.calls("POST", "/v1/payment_intents").find((r) => r.body.payment_method === "pm_card_visa" && r.body.off_session)!
      expect(charge.body).toMatchObject({ amount: "910000", customer, off_session: "true", confirm: "true", application_fee_amount: "109200", transfer_data: { destination } })
      expect(await plan(paid)).toMatchObject({ paid: 13000, balance: 0, status: "paid" })

      const schedule = async () => (await api.get(`/admin/orders/${declined}/payment-plan`, admin)).data.schedule
      expect((await schedule()).charge).toMatchObject({ attempts: 1, flagged_at: null })
      expect((await schedule()).charge.last_error).toContain("Your card was declined.")
      for (const offset of [1, 3]) expect((await run(at(offset))).failed).toEqual([declined])
      expect((await run(at(7))).flagged).toEqual([declined])
      expect((await run(at(8))).failed).toEqual([])
      expect((await schedule()).charge).toMatchObject({ attempts: 4, overdue_on: addDays(due, 1) })
      expect(await plan(declined)).toMatchObject({ paid: 3900, balance: 9100, status: "due" })
      expect((await methods(declined)).saved_method).toMatchObject({ payment_method_id: "pm_card_declined", attempts: 4, flagged: true })
      // Four declined charges at Stripe, none captured; every one on the couple's customer.
      const declinedCharges = double.calls("POST", "/v1/payment_intents").filter((r) => r.body.payment_method === "pm_card_declined")
      expect(declinedCharges).toHaveLength(4)
      expect(declinedCharges.every((r) => r.body.customer === customer)).toBe(true)
      // Stripe saw one customer for the couple throughout.
      expect(double.calls("POST", "/v1/customers")).toHaveLength(1)
    })
  },
})
