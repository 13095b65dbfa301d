import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { addDays } from "../../src/lib/dates"
import { runBalanceScheduleWorkflow } from "../../src/workflows/run-balance-schedule"
import { sendNoticeWorkflow } from "../../src/workflows/send-notice"
import { depositOrder as placeDepositOrder, depositStudio, DepositStudio } from "./balance-fixtures"
import { dayFromToday as day, setClock } from "./fixtures"
import { noticeChecks, recordNotifications } from "./notification-app/notice-checks"
import { failing, sent } from "./notification-app/recording-notifications"

jest.setTimeout(300 * 1000)

recordNotifications()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixture: DepositStudio
    let admin: DepositStudio["admin"]

    const due = day(390)
    const at = (offset: number) => `${addDays(due, offset)}T12:00:00.000Z`

    beforeEach(async () => {
      sent.length = 0
      failing.count = 0
      fixture = await depositStudio(api, getContainer())
      admin = fixture.admin
    })

    const depositOrder = () => placeDepositOrder(api, fixture, { signedIn: true })
    /**
     * One pass of the job at a fixed `now`; the clock stays there (until `realClock`), so the notices
     * its events send read the plan on that day too. The admin's token does not outlive a year's jump.
     */
    const run = async (now: string) => {
      setClock(now)
      return (await runBalanceScheduleWorkflow(getContainer()).run({ input: { now } })).result
    }
    const realClock = () => jest.useRealTimers()
    afterEach(realClock)
    const { notifications, recorded, sentOf, emit, settle } = noticeChecks(getContainer)
    const owing = { currency_code: "usd", total: 10000, deposit: 3000, paid: 3000, balance: 7000, balance_due_date: due }

    it("reminds, tells of each failed charge and of the overdue balance, then of the payment, each once under redelivered events", async () => {
      const orderId = await depositOrder()
      await api.post(`/store/orders/${orderId}/balance-payment/saved-method`, { provider_id: "pp_system_default" }, fixture.couple)

      expect((await run(at(-7))).reminded).toEqual([orderId])
      const [reminder] = await recorded("balance-reminder")
      expect(reminder).toEqual(
        expect.objectContaining({ to: "couple@example.com", status: "success", resource_id: orderId, idempotency_key: `tiered:balance-reminder:${orderId}:${due}` })
      )
      expect((reminder.data as any).payment).toEqual({ ...owing, status: "due" })
      expect((reminder.data as any).packages).toEqual([expect.objectContaining({ tier: expect.objectContaining({ name: "Complete" }) })])
      const about = { order_id: orderId, email: "couple@example.com", balance: 7000, currency_code: "usd", balance_due_date: due }
      await emit("tiered.balance.reminder_due", about)
      await settle()
      realClock()

      // The studio stops taking the provider the couple saved: the due-date charge and the next day's retry fail.
      await api.post(`/admin/regions/${fixture.region.id}`, { payment_providers: [] }, admin)
      expect((await run(at(0))).failed).toEqual([orderId])
      expect(await run(at(1))).toMatchObject({ failed: [orderId], overdue: [orderId] })
      const failures = await recorded("payment-failed", 2)
      expect(failures.map((n: any) => [n.idempotency_key, (n.data as any).failure])).toEqual([
        [`tiered:payment-failed:${orderId}:${due}:1`, { attempt: 1, attempted_on: due, next_attempt_on: addDays(due, 1), flagged: false }],
        [`tiered:payment-failed:${orderId}:${addDays(due, 1)}:2`, { attempt: 2, attempted_on: addDays(due, 1), next_attempt_on: addDays(due, 3), flagged: false }],
      ])
      expect(JSON.stringify(failures[0].data)).not.toContain("region takes")
      const [overdue] = await recorded("balance-overdue")
      expect(overdue).toEqual(expect.objectContaining({ to: "couple@example.com", idempotency_key: `tiered:balance-overdue:${orderId}:${due}` }))
      expect((overdue.data as any).payment).toEqual({ ...owing, status: "overdue" })
      await emit("tiered.balance.overdue", about)
      await emit("tiered.balance.charge_failed", { ...about, attempt: 2, attempted_on: addDays(due, 1), error: "declined", next_attempt_on: addDays(due, 3), flagged: false })
      await settle()
      realClock()

      // The provider taken again and the method saved anew: the next run charges it.
      await api.post(`/admin/regions/${fixture.region.id}`, { payment_providers: ["pp_system_default"] }, admin)
      await api.post(`/store/orders/${orderId}/balance-payment/saved-method`, { provider_id: "pp_system_default" }, fixture.couple)
      expect((await run(at(2))).charged).toEqual([orderId])
      const [received] = await recorded("payment-received")
      const data = received.data as any
      expect((received as any).idempotency_key).toBe(`tiered:payment-received:${data.received.payment_id}`)
      expect(data.received).toEqual({ payment_id: expect.stringMatching(/^pay_/), amount: 7000, currency_code: "usd", method: "session", offline_method: null })
      expect(data.payment).toEqual({ ...owing, paid: 10000, balance: 0, status: "paid" })
      await emit("tiered.balance.paid", { order_id: orderId, payment_id: data.received.payment_id, amount: 7000, currency_code: "usd", method: "session" })
      // A reminder sent again now would be about a paid order: nothing.
      const late = await sendNoticeWorkflow(getContainer()).run({ input: { template: "balance-reminder", due: { order_id: orderId, balance_due_date: "2099-01-01" } } })
      expect(late.result).toEqual({ sent: [], skipped: "the order is paid in full" })

      await settle()
      // One of each, two failed attempts (the second and the overdue mark come from one run, in either order).
      expect(sent.map((n) => n.template).sort()).toEqual(
        ["booking-confirmation", "balance-reminder", "payment-failed", "payment-failed", "balance-overdue", "payment-received"].sort()
      )
    })

    it("speaks of each payment of a plan of several: the confirmation lists them, one reminder per instalment says 'payment 2 of 3'", async () => {
      await api.post(`/admin/deposit-policies/${fixture.studio.salesChannelId}`, { kind: "percent", value: 30, balance_due_days: 30, instalments: 3 }, admin)
      const orderId = await depositOrder()
      const dates = [day(130), day(260), due]
      const [confirmation] = await recorded("booking-confirmation")
      expect((confirmation.data as any).payment.instalments).toEqual([
        { number: 1, amount: 2333.33, due_date: dates[0], status: "due" },
        { number: 2, amount: 2333.33, due_date: dates[1], status: "due" },
        { number: 3, amount: 2333.34, due_date: dates[2], status: "due" },
      ])
      expect((await run(`${addDays(dates[0], -7)}T12:00:00.000Z`)).reminded).toEqual([orderId])
      await recorded("balance-reminder")
      realClock()
      await api.post(`/admin/orders/${orderId}/offline-payments`, { amount: 2333.33, method: "cash" }, admin)
      expect((await run(`${addDays(dates[1], -7)}T12:00:00.000Z`)).reminded).toEqual([orderId])
      const reminders = await recorded("balance-reminder", 2)
      expect(reminders.map((n: any) => [n.data.instalment, n.idempotency_key])).toEqual([
        [{ number: 1, count: 3, amount: 2333.33, due_date: dates[0], label: "payment 1 of 3" }, `tiered:balance-reminder:${orderId}:${dates[0]}`],
        [{ number: 2, count: 3, amount: 2333.33, due_date: dates[1], label: "payment 2 of 3" }, `tiered:balance-reminder:${orderId}:${dates[1]}`],
      ])
    })

    it("sends the payment link (once a day) and the offline payment's receipt, once; a tenant switch turns one off", async () => {
      const orderId = await depositOrder()
      const { data: first } = await api.post(`/admin/orders/${orderId}/payment-link`, {}, admin)
      const [link] = await recorded("payment-link")
      expect(link).toEqual(
        expect.objectContaining({ to: "couple@example.com", status: "success", idempotency_key: `tiered:payment-link:${orderId}:${first.payment_link.sent_on}` })
      )
      expect((link.data as any).link).toEqual({ url: first.payment_link.url, amount: 7000, currency_code: "usd", balance_due_date: due, sent_on: first.payment_link.sent_on })
      // Pressed again the same day (a double click): no second email.
      await api.post(`/admin/orders/${orderId}/payment-link`, {}, admin)

      // The studio turns receipts off: the cheque is recorded, nothing is sent for it.
      await api.post(`/admin/notification-settings/${fixture.studio.salesChannelId}`, { templates: { "payment-received": false } }, admin)
      await api.post(`/admin/orders/${orderId}/offline-payments`, { amount: 2000, method: "cheque", reference: "CHQ-1" }, admin)
      await settle()
      expect(sentOf("payment-received")).toEqual([])
      expect(await notifications().listNotifications({ template: "payment-received" })).toEqual([])

      // On again: the next record is told, with its method and not the merchant's reference; its event redelivered sends nothing more.
      await api.post(`/admin/notification-settings/${fixture.studio.salesChannelId}`, { templates: { "payment-received": true } }, admin)
      await api.post(`/admin/orders/${orderId}/offline-payments`, { amount: 5000, method: "bank_transfer", reference: "TR-9" }, admin)
      const [receipt] = await recorded("payment-received")
      const data = receipt.data as any
      expect(data.received).toEqual({ payment_id: expect.any(String), amount: 5000, currency_code: "usd", method: "offline", offline_method: "bank_transfer" })
      expect(data.payment).toEqual({ ...owing, paid: 10000, balance: 0, status: "paid" })
      expect(JSON.stringify(data)).not.toContain("TR-9")
      await emit("tiered.balance.paid", { order_id: orderId, payment_id: data.received.payment_id, amount: 5000, currency_code: "usd", method: "offline", offline_method: "bank_transfer" })
      await settle()
      expect(sentOf("payment-link")).toHaveLength(1)
      expect(sentOf("payment-received")).toHaveLength(1)
    })

    it("tells the couple what the cancellation policy refunded and kept, in the booking-canceled notice", async () => {
      await api.post(`/admin/deposit-policies/${fixture.studio.salesChannelId}`, { kind: "percent", value: 30, balance_due_days: 30, deposit_refundable: false, balance_refundable_days: 60 }, admin)
      const orderId = await depositOrder()
      await api.post(`/admin/orders/${orderId}/offline-payments`, { amount: 7000, method: "cash" }, admin)
      await api.post(`/admin/orders/${orderId}/cancel`, {}, admin)
      const [canceled] = await recorded("booking-canceled")
      const cancellation = (canceled.data as any).cancellation
      expect(cancellation.refunded).toBe(7000)
      // The order owes nothing more: the notice says canceled, not a balance still due.
      expect((canceled.data as any).payment).toMatchObject({ status: "canceled", balance: 0 })
      expect([...cancellation.payments].sort((a: any, b: any) => a.kind.localeCompare(b.kind))).toEqual([
        { payment_id: expect.any(String), kind: "balance", held: 7000, refunded: 7000, reason: "balance_in_window" },
        { payment_id: expect.any(String), kind: "deposit", held: 3000, refunded: 0, reason: "deposit_kept" },
      ])
      await emit("tiered.balance.refunded", { order_id: orderId, refunded: 7000, decisions: [] })
      await emit("order.canceled", { id: orderId })
      await settle()
      expect(sentOf("booking-canceled")).toHaveLength(1)
    })
  },
})
