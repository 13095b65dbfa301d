import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import Stripe from "stripe"
import { addDays } from "../../src/lib/dates"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { runBalanceScheduleWorkflow } from "../../src/workflows/run-balance-schedule"
import { adminHeaders, createPackageProduct, createTenant, dayFromToday as day, eventually, failed, Tenant } from "./fixtures"
import { StripeDouble } from "../stripe-double"

jest.setTimeout(300 * 1000)

const WEBHOOK_SECRET = "whsec_tiered_test"
const PROVIDER = "pp_stripe-connect_stripe-connect"
const double = new StripeDouble()

// The app reads these in medusa-config.ts when it boots (after this hook); spec files share the process.
beforeAll(async () => {
  await double.start()
  Object.assign(process.env, {
    STRIPE_API_KEY: "sk_test_tiered",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(double.port),
    STRIPE_API_PROTOCOL: "http",
  })
})
afterAll(async () => {
  for (const key of ["STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_HOST", "STRIPE_API_PORT", "STRIPE_API_PROTOCOL"]) delete process.env[key]
  await double.stop()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let rival: Tenant
    let region: { id: string }
    let tier: { id: string }
    let destination: string
    const signer = new Stripe("sk_test_signer")
    const due = day(390)
    const at = (offset: number) => `${addDays(due, offset)}T12:00:00.000Z`

    const webhook = (event: Record<string, unknown>) => {
      const payload = JSON.stringify(event)
      const signature = signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET })
      return api.post("/hooks/stripe-connect", payload, { headers: { "content-type": "application/json", "stripe-signature": signature } })
    }

    beforeEach(async () => {
      double.requests.length = 0
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      rival = await createTenant(container, "Rival")
      const { result } = await createRegionsWorkflow(container).run({
        input: { regions: [{ name: "USD", currency_code: "usd", countries: [], payment_providers: [PROVIDER, "pp_system_default"] }] },
      })
      region = result[0]
      const product = (await createPackageProduct(container, { title: "Luxury Prestige", prices: { usd: 13000 }, salesChannelIds: [studio.salesChannelId] })) as any
      const luxury = (await api.post("/admin/segments", { handle: "luxury", name: "Luxury", commission_percent: 12 }, admin)).data.segment
      tier = (await api.post(`/admin/segments/${luxury.id}/tiers`, { level: 1, name: "Prestige", product_id: product.id }, admin)).data.tier
      await api.post(`/admin/deposit-policies/${studio.salesChannelId}`, { kind: "percent", value: 30, balance_due_days: 30 }, admin)
      await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 5 } }, admin)
      const { data } = await api.post(`/admin/stripe-connect/accounts/${studio.salesChannelId}`, {}, admin)
      destination = data.account.stripe_account_id
      const account = { object: "account", id: destination, details_submitted: true, charges_enabled: true, payouts_enabled: true, requirements: { currently_due: [] } }
      await webhook({ id: `evt_${destination}`, object: "event", type: "account.updated", created: Math.floor(Date.now() / 1000), data: { object: account } })
    })

    /** A deposit checkout through Stripe Connect: 30% of 13,000 charged, 9,100 owed; its conversion recorded. */
    const depositOrder = async () => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, studio.headers)).data.cart
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tier.id, event_date: day(420) }, studio.headers)
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, studio.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: PROVIDER }, studio.headers)
      double.confirm([...double.intents.keys()].at(-1)!)
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, studio.headers)
      expect(data.type).toBe("order")
      const analytics = getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService
      await eventually(() => analytics.recordedTotals(data.order.id), (t) => t.commission > 0)
      return data.order.id as string
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
      const balance = intents().at(-1)!
      // 70% of 13,000; the fee is 70% of the 1,560 commission: the two fees add up to it.
      expect(balance).toMatchObject({ amount: 910000, application_fee_amount: 109200, transfer_data: { destination } })
      expect(deposit.application_fee_amount! + balance.application_fee_amount!).toBe(156000)
      // Another tenant's key cannot complete it.
      expect((await failed(api.post(`/store/orders/${orderId}/balance-payment/authorize`, {}, rival.headers))).status).toBe(404)

      double.confirm(balance.id)
      const done = (await api.post(`/store/orders/${orderId}/balance-payment/authorize`, {}, studio.headers)).data
      expect(done.payment_plan).toMatchObject({ total: 13000, paid: 13000, balance: 0, status: "paid" })
      // The repeat asks Stripe nothing new.
      const calls = double.requests.length
      expect((await api.post(`/store/orders/${orderId}/balance-payment/authorize`, {}, studio.headers)).data.payment_id).toBe(done.payment_id)
      expect(double.calls("POST", "/v1/payment_intents")).toHaveLength(2)
      expect(double.requests.slice(calls).filter((r) => r.method === "POST")).toEqual([])
    })

    it("charges a saved card off-session on the due date; a declined card is retried and flagged", async () => {
      const paid = await depositOrder()
      await api.post(`/store/orders/${paid}/balance-payment/saved-method`, { provider_id: PROVIDER, payment_method_id: "pm_card_visa" }, studio.headers)
      const declined = await depositOrder()
      await api.post(`/store/orders/${declined}/balance-payment/saved-method`, { provider_id: PROVIDER, payment_method_id: "pm_card_declined" }, studio.headers)

      const first = await run(at(0))
      expect(first.charged).toEqual([paid])
      expect(first.failed).toEqual([declined])
      const charge = double.calls("POST", "/v1/payment_intents").find((r) => r.body.payment_method === "pm_card_visa")!
      expect(charge.body).toMatchObject({ amount: "910000", off_session: "true", confirm: "true", application_fee_amount: "109200", transfer_data: { destination } })
      expect(await plan(paid)).toMatchObject({ paid: 13000, balance: 0, status: "paid" })

      const schedule = async () => (await api.get(`/admin/orders/${declined}/payment-plan`, admin)).data.schedule
      expect((await schedule()).charge).toMatchObject({ attempts: 1, flagged_at: null })
      expect((await schedule()).charge.last_error).toContain("Your card was declined.")
      for (const offset of [1, 3]) expect((await run(at(offset))).failed).toEqual([declined])
      expect((await run(at(7))).flagged).toEqual([declined])
      expect((await run(at(8))).failed).toEqual([])
      expect((await schedule()).charge).toMatchObject({ attempts: 4, overdue_on: addDays(due, 1) })
      expect(await plan(declined)).toMatchObject({ paid: 3900, balance: 9100, status: "due" })
      // Four declined charges at Stripe, none captured.
      expect(double.calls("POST", "/v1/payment_intents").filter((r) => r.body.payment_method === "pm_card_declined")).toHaveLength(4)
    })
  },
})
