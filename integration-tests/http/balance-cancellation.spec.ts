import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { depositOrder as placeDepositOrder, depositStudio, DepositStudio } from "./balance-fixtures"
import { eventually, failed, Tenant } from "./fixtures"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: DepositStudio["admin"]
    let studio: Tenant
    let fixture: DepositStudio

    beforeEach(async () => {
      fixture = await depositStudio(api, getContainer(), { policy: null })
      ;({ admin, studio } = fixture)
    })

    const policy = (cancellation: { deposit_refundable: boolean; balance_refundable_days: number }) =>
      api.post(`/admin/deposit-policies/${studio.salesChannelId}`, { kind: "percent", value: 30, balance_due_days: 30, ...cancellation }, admin)
    const depositOrder = () => placeDepositOrder(api, fixture)
    /** Each payment of the order with what was captured and refunded, deposit (checkout's) first. */
    const payments = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: [
          "status",
          "payment_collections.created_at",
          "payment_collections.status",
          "payment_collections.metadata",
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
        payments: [...order.payment_collections]
          .sort((a: any, b: any) => String(a.created_at).localeCompare(String(b.created_at)))
          .flatMap((c: any) =>
            c.payments.map((p: any) => ({
              kind: c.metadata?.tiered_balance ?? "checkout",
              amount: Number(p.amount),
              voided: !!p.canceled_at,
              captured: p.captures.reduce((s: number, x: any) => s + Number(x.amount), 0),
              refunded: p.refunds.reduce((s: number, x: any) => s + Number(x.amount), 0),
            }))
          ),
      }
    }
    const cancel = (orderId: string) => api.post(`/admin/orders/${orderId}/cancel`, {}, admin)
    const analytics = () => getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService

    it("keeps a non-refundable deposit and refunds a balance paid inside the window, through Medusa's refund; the records follow once", async () => {
      await policy({ deposit_refundable: false, balance_refundable_days: 30 })
      const orderId = await depositOrder()
      await api.post(`/admin/orders/${orderId}/offline-payments`, { amount: 7000, method: "bank_transfer" }, admin)
      await eventually(() => analytics().recordedTotals(orderId), (t) => t.revenue > 0)

      const { data } = await cancel(orderId)
      expect(data.order).toMatchObject({ id: orderId, status: "canceled" })
      expect(data.cancellation.refunded).toBe(7000)
      expect(data.cancellation.payments.map((p: any) => [p.kind, p.amount, p.refund, p.reason])).toEqual([
        ["deposit", 3000, 0, "deposit_kept"],
        ["balance", 7000, 7000, "balance_in_window"],
      ])
      const after = await payments(orderId)
      expect(after.status).toBe("canceled")
      // The plan owes nothing more: the kept deposit is what it paid.
      expect((await api.get(`/store/orders/${orderId}/payment-plan`, studio.headers)).data.payment_plan).toMatchObject({ status: "canceled", paid: 3000, balance: 0 })
      // The deposit's authorization was captured (the studio keeps it); the bank transfer refunded in full.
      expect(after.payments).toEqual([
        { kind: "checkout", amount: 3000, voided: false, captured: 3000, refunded: 0 },
        { kind: "offline", amount: 7000, voided: false, captured: 7000, refunded: 7000 },
      ])
      expect(data.order.metadata.tiered_cancellation.payments.map((p: any) => p.refunded)).toEqual([0, 7000])

      // order.canceled freed the date; the refund and the cancel each reverse the conversion once, to nothing.
      const bookings = getContainer().resolve(BOOKING_MODULE) as BookingModuleService
      await eventually(() => bookings.listBookings({ order_id: orderId }), (b) => b.every((x) => x.status === "canceled"))
      expect((await bookings.listBookings({ order_id: orderId })).map((b) => b.status)).toEqual(["canceled"])
      const totals = await eventually(() => analytics().recordedTotals(orderId), (t) => t.revenue === 0)
      expect(totals).toEqual({ revenue: 0, addon_revenue: 0, commission: 0 })

      // A second cancel (a double click, a retry) is refused and changes nothing.
      const again = await failed(cancel(orderId))
      expect(again.status).toBe(400)
      expect(await payments(orderId)).toEqual(after)
      expect(await analytics().recordedTotals(orderId)).toEqual(totals)
    })

    it("refunds a refundable deposit and keeps a balance paid after the window closed", async () => {
      // The window closes 500 days before the event: the event is 420 days out, so it is closed.
      await policy({ deposit_refundable: true, balance_refundable_days: 500 })
      const orderId = await depositOrder()
      await api.post(`/store/orders/${orderId}/balance-payment`, { provider_id: "pp_system_default" }, studio.headers)
      await api.post(`/store/orders/${orderId}/balance-payment/authorize`, {}, studio.headers)

      const { data } = await cancel(orderId)
      expect(data.cancellation.payments.map((p: any) => [p.kind, p.refund, p.reason])).toEqual([
        ["deposit", 3000, "deposit_refundable"],
        ["balance", 0, "balance_after_window"],
      ])
      // Neither was captured: the deposit's authorization is voided, the balance's captured and kept.
      expect((await payments(orderId)).payments).toEqual([
        { kind: "checkout", amount: 3000, voided: true, captured: 0, refunded: 0 },
        { kind: "session", amount: 7000, voided: false, captured: 7000, refunded: 0 },
      ])
    })
  },
})
