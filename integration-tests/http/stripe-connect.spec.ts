import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import Stripe from "stripe"
import { STRIPE_CONNECT_MODULE, StripeConnectModuleService } from "../../src/modules/stripe-connect"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { adminHeaders, createPackageProduct, createTenant, failed as fail, Tenant } from "./fixtures"
import { CONNECT_PROVIDER, useStripeDouble, WEBHOOK_SECRET } from "./stripe-fixtures"

jest.setTimeout(300 * 1000)

const PROVIDER = CONNECT_PROVIDER
const nextYear = new Date().getUTCFullYear() + 1
const double = useStripeDouble()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let other: Tenant
    let region: { id: string }
    let t: Record<string, { id: string }>
    let album: string
    const signer = new Stripe("sk_test_signer")

    beforeEach(async () => {
      double.requests.length = 0
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      other = await createTenant(container, "Other")
      const { result } = await createRegionsWorkflow(container).run({
        input: { regions: [{ name: "USD", currency_code: "usd", countries: [], payment_providers: [PROVIDER, "pp_system_default"] }] },
      })
      region = result[0]
      const mk = (title: string, usd: number) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [studio.salesChannelId, other.salesChannelId] }) as any
      const signature = (await api.post("/admin/segments", { handle: "signature", name: "Signature", rank: 1, commission_percent: 10 }, admin)).data.segment
      const luxury = (await api.post("/admin/segments", { handle: "luxury", name: "Luxury", rank: 2, commission_percent: 12 }, admin)).data.segment
      t = {}
      for (const [key, segment, price] of [
        ["essential", signature, 5000],
        ["prestige", luxury, 12000],
      ] as const) {
        const product = await mk(`${key} package`, price)
        t[key] = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: key, product_id: product.id }, admin)).data.tier
      }
      const albumProduct = await mk("Album", 1000)
      for (const s of [signature, luxury]) await api.post("/admin/addon-rules", { product_id: albumProduct.id, segment_id: s.id, max_quantity: 3 }, admin)
      album = albumProduct.variants[0].id
      for (const tenant of [studio, other]) await api.post(`/admin/availability/${tenant.salesChannelId}`, { settings: { capacity_per_date: 5 } }, admin)
    })

    const webhook = (event: Record<string, unknown>, secret = WEBHOOK_SECRET) => {
      const payload = JSON.stringify(event)
      const signature = signer.webhooks.generateTestHeaderString({ payload, secret })
      return api.post("/hooks/stripe-connect", payload, { headers: { "content-type": "application/json", "stripe-signature": signature } })
    }
    const accountUpdated = (id: string, account: Record<string, unknown>, created = Math.floor(Date.now() / 1000)) => ({
      id,
      object: "event",
      type: "account.updated",
      created,
      data: { object: { object: "account", requirements: { currently_due: [] }, ...account } },
    })
    /** Onboards the studio and lets Stripe enable its charges (through the webhook). */
    const onboard = async () => {
      const { data } = await api.post(`/admin/stripe-connect/accounts/${studio.salesChannelId}`, {}, admin)
      await webhook(accountUpdated(`evt_${data.account.stripe_account_id}`, { id: data.account.stripe_account_id, details_submitted: true, charges_enabled: true, payouts_enabled: true }))
      return data.account.stripe_account_id as string
    }
    const cartWith = async (tenant: Tenant, lines: { tier: string; date: string; addons?: string[] }[]) => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, tenant.headers)).data.cart
      for (const line of lines) {
        await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: line.tier, event_date: line.date, addon_variant_ids: line.addons ?? [] }, tenant.headers)
      }
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, tenant.headers)).data.payment_collection
      return { cartId: cart.id as string, collectionId: collection.id as string }
    }
    const startPayment = (collectionId: string, tenant = studio, data?: Record<string, unknown>) =>
      api.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: PROVIDER, ...(data ? { data } : {}) }, tenant.headers)

    it("onboards a tenant: one Express account, an account link, and its status from Stripe", async () => {
      const first = (await api.post(`/admin/stripe-connect/accounts/${studio.salesChannelId}`, {}, admin)).data
      expect(first.account).toEqual(
        expect.objectContaining({ sales_channel_id: studio.salesChannelId, stripe_account_id: expect.stringMatching(/^acct_/), details_submitted: false, charges_enabled: false, payouts_enabled: false, can_take_payments: false })
      )
      expect(first.onboarding_url).toMatch(/^https:\/\/connect\.stripe\.test\/setup\//)
      const [created] = double.calls("POST", "/v1/accounts")
      expect(created.body).toEqual(expect.objectContaining({ type: "express", metadata: { sales_channel_id: studio.salesChannelId } }))
      expect(double.calls("POST", "/v1/account_links")[0].body).toEqual(
        expect.objectContaining({ account: first.account.stripe_account_id, type: "account_onboarding", return_url: expect.stringContaining(`/app/commission-payouts?sales_channel_id=${studio.salesChannelId}`) })
      )

      // Resuming gives a new link for the same account.
      const again = (await api.post(`/admin/stripe-connect/accounts/${studio.salesChannelId}`, { return_url: "https://admin.example.com/done" }, admin)).data
      expect(again.account.stripe_account_id).toBe(first.account.stripe_account_id)
      expect(double.calls("POST", "/v1/accounts")).toHaveLength(1)
      expect(double.calls("POST", "/v1/account_links")[1].body.return_url).toBe("https://admin.example.com/done")

      double.setAccount(first.account.stripe_account_id, { details_submitted: true, charges_enabled: true, payouts_enabled: false, requirements: { currently_due: ["external_account"] } })
      const refreshed = (await api.post(`/admin/stripe-connect/accounts/${studio.salesChannelId}/refresh`, {}, admin)).data.account
      expect(refreshed).toEqual(expect.objectContaining({ details_submitted: true, charges_enabled: true, payouts_enabled: false, requirements_due: ["external_account"] }))
      expect((await api.get(`/admin/stripe-connect/accounts/${other.salesChannelId}`, admin)).data).toEqual({ account: null, configured: true })
      expect((await fail(api.post(`/admin/stripe-connect/accounts/sc_nope`, {}, admin))).status).toBe(404)
      expect((await fail(api.post(`/admin/stripe-connect/accounts/${other.salesChannelId}/refresh`, {}, admin))).status).toBe(404)
    })

    it("keeps the status current from signed account.updated webhooks, once per event; a bad signature changes nothing", async () => {
      const { account } = (await api.post(`/admin/stripe-connect/accounts/${studio.salesChannelId}`, {}, admin)).data
      const status = async () => (await api.get(`/admin/stripe-connect/accounts/${studio.salesChannelId}`, admin)).data.account

      const forged = await fail(webhook(accountUpdated("evt_forged", { id: account.stripe_account_id, charges_enabled: true }), "whsec_wrong"))
      expect(forged.status).toBe(400)
      expect(forged.data.message).toContain("signature")
      const unsigned = await fail(api.post("/hooks/stripe-connect", { id: "evt_x", type: "account.updated" }))
      expect(unsigned.status).toBe(400)
      expect((await status()).charges_enabled).toBe(false)

      const enabled = accountUpdated("evt_1", { id: account.stripe_account_id, details_submitted: true, charges_enabled: true, payouts_enabled: true })
      expect((await webhook(enabled)).data).toEqual({ received: true, duplicate: false, stale: false })
      expect(await status()).toEqual(expect.objectContaining({ details_submitted: true, charges_enabled: true, payouts_enabled: true, requirements_due: [] }))

      // Stripe retries the same event (even with other contents): it acts once.
      const retried = accountUpdated("evt_1", { id: account.stripe_account_id, charges_enabled: false })
      const [a, b] = await Promise.all([webhook(retried), webhook(retried)])
      expect([a.data.duplicate, b.data.duplicate]).toEqual([true, true])
      expect((await status()).charges_enabled).toBe(true)
      const processed = await (getContainer().resolve(STRIPE_CONNECT_MODULE) as StripeConnectModuleService).listProcessedWebhooks({ event_id: "evt_1" })
      expect(processed).toHaveLength(1)
    })

    it("applies account.updated in the order Stripe created the events: an older one is recorded once and changes nothing; a refresh counts as now", async () => {
      const { account } = (await api.post(`/admin/stripe-connect/accounts/${studio.salesChannelId}`, {}, admin)).data
      const id = account.stripe_account_id as string
      const status = async () => (await api.get(`/admin/stripe-connect/accounts/${studio.salesChannelId}`, admin)).data.account
      const service = getContainer().resolve(STRIPE_CONNECT_MODULE) as StripeConnectModuleService
      const now = Math.floor(Date.now() / 1000)
      const at = (seconds: number) => new Date(seconds * 1000).toISOString()

      // Stripe enabled charges, then (a minute earlier) had still asked for a bank account; the later event arrives first.
      const newer = accountUpdated("evt_newer", { id, details_submitted: true, charges_enabled: true, payouts_enabled: true }, now - 60)
      const older = accountUpdated("evt_older", { id, details_submitted: true, charges_enabled: false, payouts_enabled: false, requirements: { currently_due: ["external_account"] } }, now - 120)
      expect((await webhook(newer)).data).toEqual({ received: true, duplicate: false, stale: false })
      expect((await webhook(older)).data).toEqual({ received: true, duplicate: false, stale: true })
      expect(await status()).toEqual(
        expect.objectContaining({ charges_enabled: true, payouts_enabled: true, requirements_due: [], can_take_payments: true, status_as_of: at(now - 60) })
      )
      // The older event is processed (once): a retry is a duplicate and still changes nothing.
      expect((await webhook(older)).data).toEqual({ received: true, duplicate: true, stale: false })
      expect(await service.listProcessedWebhooks({ event_id: "evt_older" })).toHaveLength(1)
      expect((await status()).charges_enabled).toBe(true)

      // A later event does apply.
      expect((await webhook(accountUpdated("evt_paused", { id, details_submitted: true, charges_enabled: false, payouts_enabled: true }, now - 30))).data.stale).toBe(false)
      expect(await status()).toEqual(expect.objectContaining({ charges_enabled: false, status_as_of: at(now - 30) }))

      // A refresh reads Stripe now, so an event created before it, delivered after, is stale.
      double.setAccount(id, { details_submitted: true, charges_enabled: true, payouts_enabled: true, requirements: { currently_due: [] } })
      const refreshed = (await api.post(`/admin/stripe-connect/accounts/${studio.salesChannelId}/refresh`, {}, admin)).data.account
      expect(refreshed.charges_enabled).toBe(true)
      expect(Date.parse(refreshed.status_as_of)).toBeGreaterThanOrEqual(now * 1000)
      expect((await webhook(accountUpdated("evt_in_flight", { id, charges_enabled: false }, now - 5))).data.stale).toBe(true)
      expect((await status()).charges_enabled).toBe(true)

      // Two events racing: whichever lands last, the newer one is what stays.
      const first = accountUpdated("evt_race_1", { id, details_submitted: true, charges_enabled: false, payouts_enabled: false }, now + 100)
      const second = accountUpdated("evt_race_2", { id, details_submitted: true, charges_enabled: true, payouts_enabled: false }, now + 200)
      const answers = await Promise.all([webhook(second), webhook(first), webhook(second)])
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
      expect(await status()).toEqual(expect.objectContaining({ charges_enabled: true, payouts_enabled: false, status_as_of: at(now + 200) }))
      expect(await service.listProcessedWebhooks({ event_id: ["evt_race_1", "evt_race_2"] })).toHaveLength(2)
    })

    it("refuses Connect payments for a tenant without an enabled connected account", async () => {
      const { collectionId } = await cartWith(other, [{ tier: t.essential.id, date: `${nextYear}-11-10` }])
      const none = await fail(startPayment(collectionId, other))
      expect(none.status).toBe(400)
      expect(none.data.message).toContain("no connected Stripe account")
      await api.post(`/admin/stripe-connect/accounts/${other.salesChannelId}`, {}, admin)
      const pending = await fail(startPayment(collectionId, other))
      expect(pending.data.message).toContain("cannot take charges yet")
      expect(double.calls("POST", "/v1/payment_intents")).toEqual([])
      // The store can still take the system provider's payments.
      const system = await api.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: "pp_system_default" }, other.headers)
      expect(system.status).toBe(200)
    })

    it("sends a multi-segment cart's payment to the tenant with the commission as the fee, whatever the storefront sends, and follows a cart change", async () => {
      const destination = await onboard()
      const { cartId, collectionId } = await cartWith(studio, [
        { tier: t.essential.id, date: `${nextYear}-11-10`, addons: [album] },
        { tier: t.prestige.id, date: `${nextYear}-11-17` },
      ])
      await startPayment(collectionId, studio, { tiered_connect: { destination: "acct_evil", application_fee_amount: 0, amount: 1, currency_code: "usd" } })
      const [created] = double.calls("POST", "/v1/payment_intents")
      // 5,000 + 1,000 at Signature's 10% = 600; 12,000 at Luxury's 12% = 1,440; in cents.
      expect(created.body).toEqual(
        expect.objectContaining({ amount: "1800000", currency: "usd", application_fee_amount: "204000", transfer_data: { destination } })
      )

      // A changed cart drops its sessions (Medusa); the new session's fee follows the new lines.
      await api.post(`/store/carts/${cartId}/tier-items`, { tier_id: t.prestige.id, event_date: `${nextYear}-11-24`, addon_variant_ids: [album, album] }, studio.headers)
      const collection = (await api.get(`/store/carts/${cartId}?fields=payment_collection.id,total`, studio.headers)).data.cart
      await startPayment(collection.payment_collection.id)
      const latest = double.calls("POST", "/v1/payment_intents").at(-1)!
      // + 12,000 + 2 x 1,000 at 12% = 1,680 more
      expect(latest.body).toEqual(expect.objectContaining({ amount: String(collection.total * 100), application_fee_amount: "372000", transfer_data: { destination } }))
    })

    it("lets Medusa process the provider's signed payment webhooks once, and refuses a forged one", async () => {
      await onboard()
      const { cartId, collectionId } = await cartWith(studio, [{ tier: t.essential.id, date: `${nextYear}-11-10` }])
      await startPayment(collectionId)
      const intentId = [...double.intents.keys()].at(-1)!
      double.confirm(intentId)
      const { order } = (await api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)).data
      const intent = { ...double.intents.get(intentId)!, status: "succeeded", amount_received: 500000 }
      const event = { id: "evt_pi_1", object: "event", type: "payment_intent.succeeded", data: { object: intent } }
      const payload = JSON.stringify(event)
      const send = (secret: string) =>
        api.post("/hooks/payment/stripe-connect_stripe-connect", payload, {
          headers: { "content-type": "application/json", "stripe-signature": signer.webhooks.generateTestHeaderString({ payload, secret }) },
        })
      const captured = async () =>
        (await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin)).data.order.payment_collections[0].payments[0]
      // Medusa's webhook route answers at once and processes the event 5 s later (its default delay).
      await send("whsec_wrong").catch(() => undefined)
      await new Promise((r) => setTimeout(r, 6500))
      expect((await captured()).captured_at).toBeFalsy()
      await send(WEBHOOK_SECRET)
      await send(WEBHOOK_SECRET)
      let payment = await captured()
      for (let i = 0; i < 50 && !payment.captured_at; i++) {
        await new Promise((r) => setTimeout(r, 100))
        payment = await captured()
      }
      expect(payment.captured_at).toBeTruthy()
      await new Promise((r) => setTimeout(r, 500))
      expect((await captured()).captures).toHaveLength(1)
    })

    it("takes a checkout through the provider to an order with its commission, then captures and refunds with the fee", async () => {
      const destination = await onboard()
      const { cartId, collectionId } = await cartWith(studio, [{ tier: t.prestige.id, date: `${nextYear}-11-10`, addons: [album] }])
      await startPayment(collectionId)
      const intentId = [...double.intents.keys()].at(-1)!
      double.confirm(intentId)
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
      expect(data.type).toBe("order")
      expect(double.intents.get(intentId)).toEqual(expect.objectContaining({ amount: 1300000, application_fee_amount: 156000, transfer_data: { destination } }))

      const analytics = getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService
      let [conversion] = await analytics.listConversions({ order_id: data.order.id })
      for (let i = 0; i < 50 && !conversion; i++) {
        await new Promise((r) => setTimeout(r, 100))
        ;[conversion] = await analytics.listConversions({ order_id: data.order.id })
      }
      expect(Number(conversion.commission)).toBe(1560)

      const paid = (await api.get(`/admin/orders/${data.order.id}?fields=*payment_collections.payments`, admin)).data.order
      const payment = paid.payment_collections[0].payments[0]
      expect(payment.provider_id).toBe(PROVIDER)
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      expect(double.calls("POST", `/v1/payment_intents/${intentId}/capture`)).toHaveLength(1)
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 3250 }, admin)
      const [refund] = double.calls("POST", "/v1/refunds")
      expect(refund.body).toEqual({ amount: "325000", payment_intent: intentId, reverse_transfer: "true", refund_application_fee: "true" })
      let conversions = await analytics.listConversions({ order_id: data.order.id })
      for (let i = 0; i < 50 && conversions.length < 2; i++) {
        await new Promise((r) => setTimeout(r, 100))
        conversions = await analytics.listConversions({ order_id: data.order.id })
      }
      // A quarter of 13,000 refunded: a quarter of the 1,560 commission reversed.
      expect(conversions.map((c) => Number(c.commission)).sort((a, b) => a - b)).toEqual([-390, 1560])
    })

    it("charges a deposit through the provider with the commission's share of it as the fee", async () => {
      const destination = await onboard()
      await api.post(`/admin/deposit-policies/${studio.salesChannelId}`, { kind: "percent", value: 30, balance_due_days: 30 }, admin)
      const date = new Date(Date.now() + 420 * 86_400_000).toISOString().slice(0, 10)
      const { cartId, collectionId } = await cartWith(studio, [{ tier: t.prestige.id, date, addons: [album] }])
      await startPayment(collectionId)
      const intentId = [...double.intents.keys()].at(-1)!
      // 30% of 13,000; the fee is 30% of the 1,560 commission.
      expect(double.intents.get(intentId)).toEqual(expect.objectContaining({ amount: 390000, application_fee_amount: 46800, transfer_data: { destination } }))
      double.confirm(intentId)
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
      expect(data.type).toBe("order")
      const { data: plan } = await api.get(`/store/orders/${data.order.id}/payment-plan`, studio.headers)
      expect(plan.payment_plan).toMatchObject({ total: 13000, deposit: 3900, paid: 3900, balance: 9100, status: "due" })
    })
  },
})
