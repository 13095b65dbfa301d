import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import warnLapsingOptions from "../../src/jobs/warn-lapsing-options"
import { NOTICES_MODULE, NoticesModuleService } from "../../src/modules/notices"
import { sendNoticeWorkflow } from "../../src/workflows/send-notice"
import { noticeChecks, recordNotifications } from "./notification-app/notice-checks"
import { failing, sent } from "./notification-app/recording-notifications"
import {
  adminHeaders,
  createPackageProduct,
  createRegion,
  createTenant,
  customerHeaders,
  eventually,
  failed as fail,
  payAndComplete,
  setClock,
  Tenant,
} from "./fixtures"

jest.setTimeout(300 * 1000)

recordNotifications()

const nextYear = new Date().getUTCFullYear() + 1
// No date rule fires on these dates: prices are the catalog prices.
const QUIET = `${nextYear}-11-10`
const QUIET_2 = `${nextYear}-11-17`
const HOUR = 3_600_000

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let studio: Tenant
    let other: Tenant
    let region: { id: string }
    let t: Record<"essential" | "select" | "weekend", { id: string }>
    let album: string

    beforeEach(async () => {
      sent.length = 0
      failing.count = 0
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      other = await createTenant(container, "Other")
      region = await createRegion(container, "usd")
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature", rank: 1 }, admin)).data.segment
      const tier = async (name: string, level: number, usd: number, days = 1) => {
        const product = (await createPackageProduct(container, { title: `${name} package`, prices: { usd }, salesChannelIds: [studio.salesChannelId] })) as any
        return (await api.post(`/admin/segments/${segment.id}/tiers`, { level, name, product_id: product.id, days }, admin)).data.tier
      }
      t = { essential: await tier("Essential", 1, 5000), select: await tier("Select", 2, 7500), weekend: await tier("Weekend", 3, 9000, 2) }
      const albumProduct = (await createPackageProduct(container, { title: "Album", prices: { usd: 1000 }, salesChannelIds: [studio.salesChannelId] })) as any
      album = albumProduct.variants[0].id
      await api.post("/admin/addon-rules", { product_id: albumProduct.id, segment_id: segment.id, max_quantity: 2 }, admin)
      await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 2 } }, admin)
    })

    /** A placed order of the tier on the date with an album, by a guest or a signed-in customer. */
    const placeOrder = async (tierId: string, date: string, headers: Headers = studio.headers, email = "couple@example.com") => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email }, headers)).data.cart
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tierId, event_date: date, guest_count: 40, addon_variant_ids: [album] }, headers)
      const { order } = await payAndComplete(api, cart.id, headers)
      return { order, line: order.items.find((i: any) => i.metadata.tiered_kind === "tier") }
    }
    const { notifications, recorded, sentOf, emit, settle } = noticeChecks(getContainer)

    it("sends one booking confirmation per order, with the documented data, however often order.placed comes", async () => {
      const { order, line } = await placeOrder(t.weekend.id, QUIET)
      const [confirmation] = await recorded("booking-confirmation")
      expect(confirmation).toEqual(
        expect.objectContaining({
          to: "couple@example.com",
          channel: "email",
          status: "success",
          resource_type: "order",
          resource_id: order.id,
          idempotency_key: `tiered:booking-confirmation:${order.id}`,
        })
      )
      const data = confirmation.data as any
      expect(data).toEqual(
        expect.objectContaining({
          order_id: order.id,
          display_id: order.display_id,
          email: "couple@example.com",
          sales_channel: { id: studio.salesChannelId, name: "Studio" },
          currency_code: "usd",
          placed_at: expect.any(String),
          totals: { subtotal: 10000, discount_total: 0, tax_total: 0, total: 10000 },
          payment: { currency_code: "usd", total: 10000, deposit: 10000, paid: 10000, balance: 0, balance_due_date: null, status: "paid" },
        })
      )
      expect(data.packages).toEqual([
        {
          segment: { id: expect.any(String), name: "Signature" },
          tier: { id: t.weekend.id, name: "Weekend", level: 3 },
          product_title: "Weekend package",
          event_date: QUIET,
          event_dates: [QUIET, `${nextYear}-11-11`],
          guest_count: 40,
          line: expect.objectContaining({
            line_item_id: line.id,
            quantity: 1,
            unit_price: 9000,
            total: 9000,
            price_breakdown: { base: 9000, adjustments: [], final: 9000, currency_code: "usd" },
          }),
          addons: [expect.objectContaining({ title: expect.any(String), product_title: "Album", quantity: 1, unit_price: 1000, total: 1000 })],
        },
      ])
      expect(data.lines).toHaveLength(2)
      expect(sentOf("booking-confirmation")).toEqual([expect.objectContaining({ to: "couple@example.com", template: "booking-confirmation", data })])
      // Where a merchant (or a newcomer in the dev app) reads them: Medusa's admin list.
      const listed = (await api.get("/admin/notifications?channel=email&fields=+status", admin)).data.notifications
      expect(listed).toEqual([expect.objectContaining({ id: confirmation.id, to: "couple@example.com", template: "booking-confirmation", status: "success" })])

      // The event delivered again, and the subscriber's workflow run again: nothing more is sent.
      await emit("order.placed", { id: order.id })
      await settle()
      const again = await sendNoticeWorkflow(getContainer()).run({ input: { template: "booking-confirmation", order_id: order.id } })
      expect(again.result).toEqual({ sent: [], skipped: null })
      expect(await notifications().listNotifications({ template: "booking-confirmation" })).toHaveLength(1)
      expect(sentOf("booking-confirmation")).toHaveLength(1)
    })

    it("confirms a deposit checkout with the deposit paid, the balance and its due date", async () => {
      await api.post(`/admin/deposit-policies/${studio.salesChannelId}`, { kind: "percent", value: 30, balance_due_days: 30 }, admin)
      const { order } = await placeOrder(t.essential.id, QUIET)
      const [confirmation] = await recorded("booking-confirmation")
      expect(confirmation).toEqual(expect.objectContaining({ resource_id: order.id, status: "success" }))
      // Essential $5,000 and the album $1,000: 30% today, the rest 30 days before the event.
      expect((confirmation.data as any).payment).toEqual({
        currency_code: "usd",
        total: 6000,
        deposit: 1800,
        paid: 1800,
        balance: 4200,
        balance_due_date: `${nextYear}-10-11`,
        status: "due",
      })
    })

    it("never fails the checkout when the send fails; the failed send is kept and a redelivery sends it", async () => {
      failing.count = 1
      const { order } = await placeOrder(t.essential.id, QUIET)
      expect(order.id).toMatch(/^order_/)
      const [failedSend] = await eventually(
        () => notifications().listNotifications({ template: "booking-confirmation" }),
        (rows) => rows[0]?.status === "failure"
      )
      expect(failedSend.status).toBe("failure")
      expect(sent).toEqual([])

      await emit("order.placed", { id: order.id })
      await eventually(
        async () => sentOf("booking-confirmation").length,
        (n) => n > 0
      )
      await settle()
      expect(sentOf("booking-confirmation")).toEqual([expect.objectContaining({ to: "couple@example.com" })])
      const [retried] = await notifications().listNotifications({ template: "booking-confirmation" })
      expect(retried).toEqual(expect.objectContaining({ status: "success", original_notification_id: failedSend.id }))
      // Sent now: a further redelivery sends nothing.
      await emit("order.placed", { id: order.id })
      await settle()
      expect(sentOf("booking-confirmation")).toHaveLength(1)
    })

    it("tells the couple about a cancel, a reschedule and an upgrade of their booking, each once", async () => {
      const ada = await customerHeaders(api, studio, "ada@example.com")
      const { order, line } = await placeOrder(t.essential.id, QUIET, ada, "ada@example.com")
      await recorded("booking-confirmation")

      const { data: move } = await api.post(`/admin/orders/${order.id}/reschedule`, { line_item_id: line.id, event_date: QUIET_2 }, admin)
      const [moved] = await recorded("booking-rescheduled")
      expect(moved).toEqual(expect.objectContaining({ to: "ada@example.com", status: "success", resource_id: order.id }))
      expect((moved.data as any).reschedule).toEqual(
        expect.objectContaining({ from: QUIET, to: QUIET_2, price_difference: 0, package: expect.objectContaining({ event_date: QUIET_2, event_dates: [QUIET_2] }) })
      )

      // The studio captures what was paid at checkout (an edit cancels an uncaptured authorization and asks for the whole).
      const paid = (await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin)).data.order
      await api.post(`/admin/payments/${paid.payment_collections[0].payments[0].id}/capture`, {}, admin)
      const { data: upgraded } = await api.post(`/store/orders/${order.id}/tier-upgrade`, { line_item_id: line.id, to_tier_id: t.select.id }, ada)
      const [upgrade] = await recorded("upgrade-confirmed")
      expect(upgrade).toEqual(expect.objectContaining({ to: "ada@example.com", idempotency_key: `tiered:upgrade-confirmed:${order.id}:${line.id}` }))
      const upgradeData = upgrade.data as any
      expect(upgradeData.upgrade).toEqual({
        from: { tier: { id: t.essential.id, name: "Essential", level: 1 }, segment: expect.objectContaining({ name: "Signature" }) },
        to: expect.objectContaining({ tier: { id: t.select.id, name: "Select", level: 2 }, event_date: QUIET_2 }),
        price_difference: upgraded.upgrade.price_difference,
      })
      // The Select line and the album; what the upgrade adds is owed.
      expect(upgradeData.packages).toHaveLength(1)
      expect(upgradeData.payment).toEqual(expect.objectContaining({ total: 8500, paid: 6000, balance: 2500 }))

      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      const [canceled] = await recorded("booking-canceled")
      expect(canceled).toEqual(expect.objectContaining({ to: "ada@example.com", idempotency_key: `tiered:booking-canceled:${order.id}` }))
      expect((canceled.data as any).packages).toEqual([expect.objectContaining({ tier: expect.objectContaining({ id: t.select.id }) })])

      // Every event delivered again: nothing more is sent.
      await emit("order.canceled", { id: order.id })
      await emit("tier.upgraded", upgraded.upgrade)
      await emit("tiered.booking.rescheduled", {
        order_id: order.id,
        sales_channel_id: studio.salesChannelId,
        booking_id: move.booking.id,
        line_item_id: line.id,
        from: QUIET,
        to: QUIET_2,
        price_difference: 0,
        currency_code: "usd",
        actor: "admin",
      })
      await settle()
      for (const template of ["booking-rescheduled", "upgrade-confirmed", "booking-canceled"]) {
        expect(sentOf(template)).toHaveLength(1)
      }
    })

    const pencil = (date: string, client: string, hours: number) =>
      api.post(
        `/admin/availability/${studio.salesChannelId}/options`,
        { event_date: date, tier_id: t.select.id, client_name: client, client_email: `${client.toLowerCase()}@example.com`, expires_in_hours: hours },
        admin
      )

    it("tells a client their queued option moved up, once", async () => {
      const date = `${nextYear}-05-10`
      // The date takes two: Ana and Bo hold it, Ben waits.
      const first = (await pencil(date, "Ana", 48)).data.option
      await pencil(date, "Bo", 48)
      const second = (await pencil(date, "Ben", 24)).data.option
      expect(second.status).toBe("queued")
      await api.post(`/admin/availability/${studio.salesChannelId}/options/${first.id}/release`, {}, admin)
      const [promoted] = await recorded("option-promoted")
      expect(promoted).toEqual(
        expect.objectContaining({ to: "ben@example.com", status: "success", resource_type: "date_option", resource_id: second.id, idempotency_key: `tiered:option-promoted:${second.id}` })
      )
      expect(promoted.data).toEqual(
        expect.objectContaining({
          option_id: second.id,
          client_name: "Ben",
          event_date: date,
          tier: { id: t.select.id, name: "Select", level: 2 },
          product_title: "Select package",
          hold_hours: 24,
          expires_at: expect.any(String),
        })
      )
      await emit("tiered.option.promoted", { option_id: second.id })
      await settle()
      expect(sentOf("option-promoted")).toHaveLength(1)
    })

    it("confirms the booking of an option's draft order once Medusa makes it an order, to the client", async () => {
      const date = `${nextYear}-10-03`
      const option = (await pencil(date, "Ana", 48)).data.option
      const converted = (await api.post(`/admin/availability/${studio.salesChannelId}/options/${option.id}/convert`, { region_id: region.id }, admin)).data.option
      const order = (await api.post(`/admin/draft-orders/${converted.draft_order_id}/convert-to-order`, {}, admin)).data.order
      const [confirmation] = await recorded("booking-confirmation")
      expect(confirmation).toEqual(expect.objectContaining({ to: "ana@example.com", resource_id: order.id, status: "success" }))
      expect((confirmation.data as any).packages).toEqual([
        expect.objectContaining({ tier: { id: t.select.id, name: "Select", level: 2 }, event_date: date, event_dates: [date], addons: [] }),
      ])
    })

    it("warns each client once when their option lapses within the tenant's window (a fixed clock)", async () => {
      const start = new Date()
      const soon = (await pencil(`${nextYear}-05-20`, "Cy", 30)).data.option
      const later = (await pencil(`${nextYear}-05-21`, "Di", 72)).data.option
      try {
        // 30 hours left: outside the default 24-hour window.
        expect(await warnLapsingOptions(getContainer())).toBe(0)
        setClock(new Date(start.getTime() + 7 * HOUR))
        expect(await warnLapsingOptions(getContainer())).toBe(1)
        expect(await warnLapsingOptions(getContainer())).toBe(0)
        expect(sentOf("option-lapsing")).toEqual([expect.objectContaining({ to: "cy@example.com", data: expect.objectContaining({ option_id: soon.id }) })])

        // Extended, the option is warned again before its new expiry, once.
        await api.post(`/admin/availability/${studio.salesChannelId}/options/${soon.id}/extend`, { expires_in_hours: 30 }, admin)
        expect(await warnLapsingOptions(getContainer())).toBe(0)
        setClock(new Date(start.getTime() + 14 * HOUR))
        expect(await warnLapsingOptions(getContainer())).toBe(1)
        expect(await warnLapsingOptions(getContainer())).toBe(0)

        // A tenant's wider window reaches the other option, once.
        await api.post(`/admin/notification-settings/${studio.salesChannelId}`, { option_lapsing_hours: 72 }, admin)
        expect(await warnLapsingOptions(getContainer())).toBe(1)
        expect(sentOf("option-lapsing").map((n) => [n.to, (n.data as any).option_id])).toEqual([
          ["cy@example.com", soon.id],
          ["cy@example.com", soon.id],
          ["di@example.com", later.id],
        ])
        // Past Cy's expiry: a lapsed option gets no warning, and Di was warned for hers already.
        setClock(new Date(start.getTime() + 38 * HOUR))
        expect(await warnLapsingOptions(getContainer())).toBe(0)
      } finally {
        jest.useRealTimers()
      }
    })

    it("lets a tenant turn a template off (nothing sent) and on again", async () => {
      const off = await api.post(`/admin/notification-settings/${studio.salesChannelId}`, { templates: { "booking-confirmation": false } }, admin)
      expect(off.data.notification_settings).toEqual(
        expect.objectContaining({ sales_channel_id: studio.salesChannelId, templates: expect.objectContaining({ "booking-confirmation": false, "booking-canceled": true }) })
      )
      const { order } = await placeOrder(t.essential.id, QUIET)
      const skipped = await sendNoticeWorkflow(getContainer()).run({ input: { template: "booking-confirmation", order_id: order.id } })
      expect(skipped.result).toEqual({ sent: [], skipped: "the tenant turned booking-confirmation off" })
      await settle()
      expect(await notifications().listNotifications({ template: "booking-confirmation" })).toEqual([])

      await api.post(`/admin/notification-settings/${studio.salesChannelId}`, { templates: { "booking-confirmation": true } }, admin)
      const on = await sendNoticeWorkflow(getContainer()).run({ input: { template: "booking-confirmation", order_id: order.id } })
      expect(on.result.sent).toHaveLength(1)
      expect(sentOf("booking-confirmation")).toEqual([expect.objectContaining({ to: "couple@example.com" })])
    })

    it("admin settings: defaults, 400 on unknown templates or bad values with nothing changed, 404 for an unknown sales channel, per tenant", async () => {
      const url = `/admin/notification-settings/${studio.salesChannelId}`
      const defaults = (await api.get(url, admin)).data.notification_settings
      expect(defaults).toEqual({
        sales_channel_id: studio.salesChannelId,
        templates: {
          "booking-confirmation": true,
          "upgrade-confirmed": true,
          "booking-rescheduled": true,
          "booking-canceled": true,
          "option-promoted": true,
          "option-lapsing": true,
          "balance-reminder": true,
          "payment-received": true,
          "payment-failed": true,
          "balance-overdue": true,
          "payment-link": true,
        },
        option_lapsing_hours: 24,
      })
      for (const body of [
        { templates: { "welcome-email": false } },
        { templates: { "booking-confirmation": "no" } },
        { option_lapsing_hours: 0 },
        { option_lapsing_hours: 169 },
        { option_lapsing_hours: 2.5 },
        { colour: "red" },
      ]) {
        const refused = await fail(api.post(url, body, admin))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toEqual(expect.any(String))
      }
      expect((await api.get(url, admin)).data.notification_settings).toEqual(defaults)
      const service: NoticesModuleService = getContainer().resolve(NOTICES_MODULE)
      expect(await service.listNoticeSettings({})).toEqual([])

      expect((await fail(api.get("/admin/notification-settings/sc_nope", admin))).status).toBe(404)
      expect((await fail(api.post("/admin/notification-settings/sc_nope", { templates: { "booking-canceled": false } }, admin))).status).toBe(404)
      expect(await service.listNoticeSettings({})).toEqual([])

      await api.post(url, { templates: { "booking-canceled": false, "option-promoted": false }, option_lapsing_hours: 6 }, admin)
      await api.post(url, { templates: { "option-promoted": true } }, admin)
      expect((await api.get(url, admin)).data.notification_settings).toEqual(
        expect.objectContaining({ templates: expect.objectContaining({ "booking-canceled": false, "option-promoted": true }), option_lapsing_hours: 6 })
      )
      expect((await api.get(`/admin/notification-settings/${other.salesChannelId}`, admin)).data.notification_settings).toEqual({
        ...defaults,
        sales_channel_id: other.salesChannelId,
      })
      expect((await fail(api.get(url, studio.headers))).status).toBe(401)
    })
  },
})
