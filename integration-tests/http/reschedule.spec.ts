import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { adminHeaders, createPackageProduct, createRegion, createTenant, dayFromToday, failed as fail, Tenant } from "./fixtures"

jest.setTimeout(300 * 1000)

const nextYear = new Date().getUTCFullYear() + 1
// No date rule fires on the quiet dates; the peak season adds 20 %.
const QUIET = `${nextYear}-11-10`
const QUIET_2 = `${nextYear}-11-17`
const QUIET_3 = `${nextYear}-11-24`
const PEAK = `${nextYear}-07-10`

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let studio: Tenant
    let other: Tenant
    let region: { id: string }
    let essential: { id: string; product_id: string }
    let album: string
    const rescheduled: any[] = []

    beforeAll(() => {
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe("tiered.booking.rescheduled", async (event: any) => {
          rescheduled.push(event.data)
        })
    })

    beforeEach(async () => {
      rescheduled.length = 0
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      other = await createTenant(container, "Other")
      region = await createRegion(container, "usd")
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature", rank: 1 }, admin)).data.segment
      const product = (await createPackageProduct(container, { title: "Essential package", prices: { usd: 5000 }, salesChannelIds: [studio.salesChannelId] })) as any
      const tier = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Essential", product_id: product.id }, admin)).data.tier
      essential = { id: tier.id, product_id: product.id }
      const albumProduct = (await createPackageProduct(container, { title: "Album", prices: { usd: 1000 }, salesChannelIds: [studio.salesChannelId] })) as any
      album = albumProduct.variants[0].id
      await api.post("/admin/addon-rules", { product_id: albumProduct.id, segment_id: segment.id, max_quantity: 2 }, admin)
      await api.post("/admin/pricing-rules", { label: "Peak season", kind: "season", months: [6, 7, 8, 9], percent: 20, priority: 1 }, admin)
      await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 2 } }, admin)
    })

    const customer = async (email: string, tenant = studio): Promise<Headers> => {
      const password = "s3cret-pass"
      const { token: registration } = (await api.post("/auth/customer/emailpass/register", { email, password })).data
      await api.post("/store/customers", { email, first_name: "Ada" }, { headers: { ...tenant.headers.headers, authorization: `Bearer ${registration}` } })
      const { token } = (await api.post("/auth/customer/emailpass", { email, password })).data
      return { headers: { ...tenant.headers.headers, authorization: `Bearer ${token}` } }
    }
    /** A placed order of the Essential package on the date (with an album), and its tier line. */
    const placeOrder = async (date: string, headers: Headers = studio.headers) => {
      let cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, headers)).data.cart
      cart = (await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: essential.id, event_date: date, guest_count: 40, addon_variant_ids: [album] }, headers)).data.cart
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
      const { order } = (await api.post(`/store/carts/${cart.id}/complete`, {}, headers)).data
      return { order, line: order.items.find((i: any) => i.metadata.tiered_kind === "tier") }
    }
    const service = () => getContainer().resolve(BOOKING_MODULE) as BookingModuleService
    /** What a reschedule changes: the order's bookings, its records' dates, its lines' copy of the date, its total. */
    const state = async (orderId: string) => {
      const bookings = await service().listBookings({ order_id: orderId }, { order: { created_at: "ASC" } })
      const records = await service().listTierLines({ order_id: orderId }, { order: { created_at: "ASC" } })
      const order = (await api.get(`/admin/orders/${orderId}?fields=total,items.id,items.metadata`, admin)).data.order
      return {
        bookings: bookings.map((b) => [b.id, b.event_date, b.slot, b.status, b.tier_line_id]),
        records: records.map((r) => [r.id, r.kind, r.event_date, r.status]),
        items: order.items.map((i: any) => [i.id, i.metadata.event_date]).sort(),
        total: order.total,
      }
    }
    const liveOn = async (date: string) =>
      (await service().listBookings({ sales_channel_id: studio.salesChannelId, event_date: date, status: ["held", "pending", "confirmed"] })).length
    const move = (orderId: string, body: Record<string, unknown>, headers: Headers = admin) => api.post(`/admin/orders/${orderId}/reschedule`, body, headers)
    const waitForEvents = async (n: number) => {
      for (let i = 0; i < 50 && rescheduled.length < n; i++) await new Promise((r) => setTimeout(r, 50))
    }

    describe("POST /admin/orders/:id/reschedule", () => {
      it("previews, then moves the booking, its records and its lines' copy of the date, answering the price difference without charging it", async () => {
        const { order, line } = await placeOrder(QUIET)
        const before = await state(order.id)
        const { data: preview } = await api.post(`/admin/orders/${order.id}/reschedule/preview`, { line_item_id: line.id, event_date: PEAK }, admin)
        expect(preview.preview).toEqual({
          line_item_id: line.id,
          from: QUIET,
          to: PEAK,
          status: "available",
          remaining: 2,
          allowed: true,
          reason: null,
          // 5000 + 20 % peak season, less the 5000 paid; the add-on's price has no date.
          price_difference: 1000,
          currency_code: "usd",
        })
        expect(await state(order.id)).toEqual(before)

        const { data } = await move(order.id, { line_item_id: line.id, event_date: PEAK })
        expect(data).toEqual({
          booking: { id: expect.stringMatching(/^bkg_/), status: "confirmed", event_date: PEAK },
          from: QUIET,
          to: PEAK,
          price_difference: 1000,
          currency_code: "usd",
        })
        const after = await state(order.id)
        const [oldBooking] = before.bookings
        expect(after.bookings).toEqual([
          [oldBooking[0], QUIET, oldBooking[2], "canceled", oldBooking[4]],
          [data.booking.id, PEAK, 1, "confirmed", oldBooking[4]],
        ])
        expect(after.records.map((r) => [r[1], r[2]])).toEqual([
          ["tier", PEAK],
          ["addon", PEAK],
        ])
        expect(after.items.map((i: any[]) => i[1])).toEqual([PEAK, PEAK])
        expect(after.total).toBe(before.total)
        expect(await liveOn(QUIET)).toBe(0)
        expect(await liveOn(PEAK)).toBe(1)

        const summary = (await api.get(`/admin/orders/${order.id}/tier-summary`, admin)).data.tier_summary
        expect(summary.lines).toEqual([expect.objectContaining({ line_item_id: line.id, event_date: PEAK, booking: { id: data.booking.id, status: "confirmed", slot: 1 } })])
        await waitForEvents(1)
        expect(rescheduled).toEqual([
          {
            order_id: order.id,
            sales_channel_id: studio.salesChannelId,
            booking_id: data.booking.id,
            line_item_id: line.id,
            from: QUIET,
            to: PEAK,
            price_difference: 1000,
            currency_code: "usd",
            actor: "admin",
          },
        ])

        // Back to a quiet date: the difference is against what was paid, so nothing is owed.
        const back = (await move(order.id, { line_item_id: oldBooking[4], event_date: QUIET_2 })).data
        expect(back).toEqual(expect.objectContaining({ from: PEAK, to: QUIET_2, price_difference: 0 }))
        expect(await liveOn(PEAK)).toBe(0)
        // The order's cancellation still frees the moved date.
        await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
        for (let i = 0; i < 50 && (await liveOn(QUIET_2)); i++) await new Promise((r) => setTimeout(r, 100))
        expect(await liveOn(QUIET_2)).toBe(0)
      })

      it("refuses what cannot move, changing nothing", async () => {
        const { order, line } = await placeOrder(QUIET)
        await placeOrder(QUIET_2)
        await placeOrder(QUIET_2)
        await api.post(
          `/admin/availability/${studio.salesChannelId}`,
          { settings: { max_advance_days: 700 }, add_blackouts: [{ start_date: QUIET_3, reason: "Studio holiday" }] },
          admin
        )
        const before = await state(order.id)
        const refused = async (body: Record<string, unknown>, status: number, message: string, orderId = order.id) => {
          for (const path of ["reschedule", "reschedule/preview"]) {
            const answer = await fail(api.post(`/admin/orders/${orderId}/${path}`, body, admin))
            expect([path, answer.status]).toEqual([path, status])
            expect(answer.data.message).toContain(message)
          }
        }
        const refusedMove = async (body: Record<string, unknown>, status: number, message: string) => {
          const answer = await fail(move(order.id, body))
          expect(answer.status).toBe(status)
          expect(answer.data.message).toContain(message)
          const { data } = await api.post(`/admin/orders/${order.id}/reschedule/preview`, body, admin)
          expect(data.preview).toEqual(expect.objectContaining({ allowed: false, reason: expect.stringContaining(message) }))
        }
        await refusedMove({ line_item_id: line.id, event_date: QUIET }, 400, `already on ${QUIET}`)
        await refusedMove({ line_item_id: line.id, event_date: QUIET_2 }, 409, `${QUIET_2} is sold out`)
        await refusedMove({ line_item_id: line.id, event_date: QUIET_3 }, 400, "blackout: Studio holiday")
        await refusedMove({ line_item_id: line.id, event_date: dayFromToday(800) }, 400, "outside the dates")
        await refusedMove({ line_item_id: line.id, event_date: dayFromToday(-1) }, 400, "in the past")
        await refused({ line_item_id: line.id, event_date: "9999-01-01" }, 400, "event_date")
        await refused({ line_item_id: line.id, event_date: "next friday" }, 400, "event_date")
        await refused({ line_item_id: line.id, event_date: `${nextYear}-02-30` }, 400, "event_date")
        await refused({ line_item_id: line.id }, 400, "event_date")
        await refused({ line_item_id: line.id, event_date: PEAK, price_difference: 0 }, 400, "price_difference")
        const addon = order.items.find((i: any) => i.metadata.tiered_kind === "addon")
        await refused({ line_item_id: addon.id, event_date: PEAK }, 404, "no booked package line")
        await refused({ line_item_id: "ordli_nope", event_date: PEAK }, 404, "no booked package line")
        await refused({ line_item_id: line.id, event_date: PEAK }, 404, "was not found", "order_nope")
        expect(await state(order.id)).toEqual(before)

        await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
        // The cancellation frees the date in a subscriber: wait for it before taking the picture.
        for (let i = 0; i < 50 && (await liveOn(QUIET)); i++) await new Promise((r) => setTimeout(r, 100))
        const canceledBefore = await state(order.id)
        expect(canceledBefore.bookings.map((b) => b[3])).toEqual(["canceled"])
        await refused({ line_item_id: line.id, event_date: PEAK }, 400, "is canceled")
        expect(await state(order.id)).toEqual(canceledBefore)
        expect(rescheduled).toEqual([])
      })

      it("gives the last free slot to exactly one of two racing moves; a live hold keeps its slot, a lapsed one does not", async () => {
        const a = await placeOrder(QUIET)
        const b = await placeOrder(QUIET_2)
        await placeOrder(QUIET_3)
        const before = { a: await state(a.order.id), b: await state(b.order.id) }
        const answers = await Promise.allSettled([
          move(a.order.id, { line_item_id: a.line.id, event_date: QUIET_3 }),
          move(b.order.id, { line_item_id: b.line.id, event_date: QUIET_3 }),
        ])
        const won = answers.filter((x) => x.status === "fulfilled")
        const lost = answers.filter((x): x is PromiseRejectedResult => x.status === "rejected")
        expect(won).toHaveLength(1)
        expect(lost).toHaveLength(1)
        expect(lost[0].reason.response.status).toBe(409)
        expect(await liveOn(QUIET_3)).toBe(2)
        const loser = answers[0].status === "rejected" ? "a" : "b"
        expect(await state((loser === "a" ? a : b).order.id)).toEqual(before[loser])

        // A couple's cart holds the other date's last slot: the move waits until the hold lapses.
        const c = await placeOrder(QUIET)
        const hold = await service().createBookings({
          sales_channel_id: studio.salesChannelId,
          tier_id: essential.id,
          product_id: essential.product_id,
          event_date: PEAK,
          pool: "",
          slot: 2,
          status: "held",
          expires_at: new Date(Date.now() + 30 * 60_000),
        })
        await placeOrder(PEAK)
        const cBefore = await state(c.order.id)
        const held = await fail(move(c.order.id, { line_item_id: c.line.id, event_date: PEAK }))
        expect(held.status).toBe(409)
        expect(held.data.message).toContain(PEAK)
        expect(await state(c.order.id)).toEqual(cBefore)
        await service().updateBookings({ id: hold.id, expires_at: new Date(Date.now() - 60_000) })
        const { data } = await move(c.order.id, { line_item_id: c.line.id, event_date: PEAK })
        expect(data.to).toBe(PEAK)
        expect((await service().retrieveBooking(hold.id)).status).toBe("canceled")
        expect(await liveOn(PEAK)).toBe(2)
      })

      it("undoes everything when the move fails after the new slot was taken", async () => {
        const { order, line } = await placeOrder(QUIET)
        const before = await state(order.id)
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        // Fails the records' date change, but only once the new date's slot is taken for the order.
        await pg.raw(`
          create or replace function fail_after_slot() returns trigger as $$
          begin
            if exists (select 1 from booking where order_id = new.order_id and event_date = new.event_date and status in ('pending', 'confirmed') and deleted_at is null) then
              raise exception 'forced failure after the slot was taken';
            end if;
            return new;
          end $$ language plpgsql`)
        await pg.raw(`create trigger fail_after_slot before update of event_date on tier_line for each row execute function fail_after_slot()`)
        try {
          const failure = await fail(move(order.id, { line_item_id: line.id, event_date: PEAK }))
          expect(failure.status).toBe(500)
        } finally {
          await pg.raw(`drop trigger fail_after_slot on tier_line`)
        }
        expect(await state(order.id)).toEqual(before)
        expect(await liveOn(PEAK)).toBe(0)
        expect(rescheduled).toEqual([])
        // Nothing is left locked or half-done: the same move now goes through.
        expect((await move(order.id, { line_item_id: line.id, event_date: PEAK })).data.to).toBe(PEAK)
      })

      it("gives back the new date's claim of a reschedule whose process died before the move", async () => {
        const { order } = await placeOrder(QUIET)
        const before = await state(order.id)
        const [booking] = await service().listBookings({ order_id: order.id })
        // What a process killed right after the slot step leaves: the order's claim on the new date.
        const claim = await service().takeSlotForMove(booking.id, { event_date: PEAK, capacity: 2 })
        expect(claim).toEqual({ id: expect.any(String), slot: 1 })
        expect(await liveOn(PEAK)).toBe(1)
        const run = async () => (await api.post("/admin/tier-repairs/run", { full: true }, admin)).data.run
        await run()
        // A move in flight is left alone for the grace period.
        expect((await service().retrieveBooking(claim!.id)).status).toBe("pending")
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pg.raw(`update booking set created_at = now() - interval '1 hour', updated_at = now() - interval '1 hour' where id = ?`, [claim!.id])
        await run()
        expect((await service().retrieveBooking(claim!.id)).status).toBe("canceled")
        expect(await liveOn(PEAK)).toBe(0)
        const repairs = (await api.get(`/admin/orders/${order.id}/tier-summary`, admin)).data.tier_summary.repairs
        expect(repairs).toEqual([
          expect.objectContaining({ kind: "claim_released", order_id: order.id, booking_id: claim!.id, reason: expect.stringContaining(`The reschedule of order ${order.id} stopped`) }),
        ])
        expect((await state(order.id)).records).toEqual(before.records)
      })
    })

    describe("POST /store/orders/:id/reschedule", () => {
      it("lets the couple move their own booking only where the studio allows it, with enough notice", async () => {
        const ada = await customer("ada@example.com")
        const bob = await customer("bob@example.com")
        const { order, line } = await placeOrder(QUIET, ada)
        const before = await state(order.id)
        const body = { line_item_id: line.id, event_date: QUIET_2 }
        const ask = (headers: Headers, b: Record<string, unknown> = body) => api.post(`/store/orders/${order.id}/reschedule`, b, headers)

        const off = await fail(ask(ada))
        expect(off.status).toBe(403)
        expect(off.data.message).toContain("does not let bookings be moved online")
        const settingsUrl = `/admin/availability/${studio.salesChannelId}`
        expect((await api.get(settingsUrl, admin)).data.availability.settings).toEqual(
          expect.objectContaining({ allow_customer_reschedule: false, reschedule_notice_days: 14 })
        )
        for (const settings of [{ allow_customer_reschedule: "yes" }, { reschedule_notice_days: -1 }, { reschedule_notice_days: 1.5 }]) {
          expect([settings, (await fail(api.post(settingsUrl, { settings }, admin))).status]).toEqual([settings, 400])
        }
        await api.post(settingsUrl, { settings: { allow_customer_reschedule: true, reschedule_notice_days: 800 } }, admin)
        expect((await api.get(settingsUrl, admin)).data.availability.settings).toEqual(
          expect.objectContaining({ allow_customer_reschedule: true, reschedule_notice_days: 800 })
        )
        const late = await fail(ask(ada))
        expect(late.status).toBe(400)
        expect(late.data.message).toContain("at least 800 days before it")
        await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { reschedule_notice_days: 14 } }, admin)

        expect((await fail(ask(studio.headers))).status).toBe(401)
        expect((await fail(ask(bob))).status).toBe(404)
        const otherKey = { headers: { ...ada.headers, "x-publishable-api-key": other.key } }
        expect((await fail(ask(otherKey))).status).toBe(404)
        const malformed = await fail(ask(ada, { line_item_id: line.id, event_date: "9999-12-31" }))
        expect(malformed.status).toBe(400)
        expect((await fail(ask(ada, { ...body, actor: "admin" }))).status).toBe(400)
        expect(await state(order.id)).toEqual(before)

        const { data } = await ask(ada)
        expect(data).toEqual(expect.objectContaining({ from: QUIET, to: QUIET_2, price_difference: 0, currency_code: "usd" }))
        expect((await state(order.id)).records.map((r) => r[2])).toEqual([QUIET_2, QUIET_2])
        await waitForEvents(1)
        expect(rescheduled).toEqual([expect.objectContaining({ order_id: order.id, actor: "customer", from: QUIET, to: QUIET_2 })])

        await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
        const canceled = await fail(ask(ada, { line_item_id: line.id, event_date: QUIET_3 }))
        expect(canceled.status).toBe(400)
        expect(canceled.data.message).toContain("canceled")
      })
    })
  },
})
