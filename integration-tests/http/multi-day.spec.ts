import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { parseCalendar } from "../../src/lib/__tests__/ical"
import { adminHeaders, createPackageProduct, createRegion, createTenant, eventually, failed as fail, Tenant } from "./fixtures"

jest.setTimeout(300 * 1000)

const nextYear = new Date().getUTCFullYear() + 1
// Quiet November dates: no date rule fires.
const day = (d: number) => `${nextYear}-11-${String(d).padStart(2, "0")}`

type Headers = { headers: Record<string, string> }

/**
 * A tier of N consecutive days (a wedding weekend) takes a slot on each of its days: holding,
 * checkout, cancel, reschedule, upgrade and the reconciler act on every day at once.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let studio: Tenant
    let other: Tenant
    let region: { id: string }
    let segmentId: string
    let weekend: { id: string; days: number }
    let single: { id: string }

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      other = await createTenant(container, "Other")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number) => createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [studio.salesChannelId] }) as any
      const [pSingle, pWeekend] = [await mk("Day", 3000), await mk("Weekend", 9000)]
      segmentId = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment.id
      single = (await api.post(`/admin/segments/${segmentId}/tiers`, { level: 1, name: "Day", product_id: pSingle.id }, admin)).data.tier
      weekend = (await api.post(`/admin/segments/${segmentId}/tiers`, { level: 2, name: "Weekend", product_id: pWeekend.id, days: 3 }, admin)).data.tier
    })

    const service = () => getContainer().resolve(BOOKING_MODULE) as BookingModuleService
    const live = async () =>
      (await service().listBookings({ sales_channel_id: studio.salesChannelId, status: ["held", "pending", "confirmed"] }, { order: { event_date: "ASC" } })).map((b) => [
        b.event_date,
        b.day,
        b.status,
      ])
    const newCart = async () => (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, studio.headers)).data.cart
    const addTier = (cartId: string, date: string, tier: { id: string } = weekend) =>
      api.post(`/store/carts/${cartId}/tier-items`, { tier_id: tier.id, event_date: date, guest_count: 40 }, studio.headers)
    const availability = async (tier: { id: string }, from: string, to: string) =>
      (await api.get(`/store/tiers/${tier.id}/availability?from=${from}&to=${to}`, studio.headers)).data
    const pay = async (cartId: string) => {
      const collection = (await api.post("/store/payment-collections", { cart_id: cartId }, studio.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
      return api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
    }
    const placeOrder = async (date: string, tier: { id: string } = weekend) => {
      const cart = await newCart()
      await addTier(cart.id, date, tier)
      const { data } = await pay(cart.id)
      expect(data.type).toBe("order")
      return { order: data.order, line: data.order.items.find((i: any) => i.metadata.tiered_kind === "tier") }
    }

    it("admin: a tier's days are 1..14, 1 by default, and the store's tier answers say them", async () => {
      expect(weekend.days).toBe(3)
      expect((single as any).days).toBe(1)
      for (const days of [0, 15, 1.5, "3", -1]) {
        const refused = await fail(api.post(`/admin/tiers/${weekend.id}`, { days }, admin))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/days/)
      }
      expect((await api.get(`/admin/tiers/${weekend.id}`, admin)).data.tier.days).toBe(3)
      const { data } = await api.get(`/store/segments/signature?region_id=${region.id}`, studio.headers)
      expect(data.tiers.map((t: any) => [t.name, t.days])).toEqual([
        ["Day", 1],
        ["Weekend", 3],
      ])
    })

    it("holds every day of the package; each day reads held, a rival for the middle day gets a 409; the start date reads as the worst of its days", async () => {
      const cart = await newCart()
      const { data } = await addTier(cart.id, day(6))
      expect(data.hold).toEqual(expect.objectContaining({ event_date: day(6), days: 3, end_date: day(8), lapsed: false }))
      expect(await live()).toEqual([
        [day(6), 0, "held"],
        [day(7), 1, "held"],
        [day(8), 2, "held"],
      ])
      const rows = await service().listBookings({ cart_id: cart.id }, { order: { day: "ASC" } })
      expect(rows.map((r) => r.first_day_id)).toEqual([null, rows[0].id, rows[0].id])
      expect(new Set(rows.map((r) => r.tier_line_id)).size).toBe(1)

      // Each day as a one-day tier sees it: held (capacity 1).
      const days = (await availability(single, day(5), day(9))).dates
      expect(days.map((d: any) => [d.date, d.status])).toEqual([
        [day(5), "available"],
        [day(6), "held"],
        [day(7), "held"],
        [day(8), "held"],
        [day(9), "available"],
      ])
      // As the weekend's start: a date whose package would take a held day is held, naming that day.
      const starts = await availability(weekend, day(3), day(9))
      expect(starts.days).toBe(3)
      expect(starts.dates.map((d: any) => [d.date, d.status, d.blocked_by ?? null])).toEqual([
        [day(3), "available", null],
        [day(4), "held", day(6)],
        [day(5), "held", day(6)],
        [day(6), "held", day(6)],
        [day(7), "held", day(7)],
        [day(8), "held", day(8)],
        [day(9), "available", null],
      ])

      const rival = await newCart()
      const refused = await fail(addTier(rival.id, day(7), single))
      expect(refused.status).toBe(409)
      expect(refused.data.message).toMatch(new RegExp(`^${day(7)} is held by another booking`))
      const overlapping = await fail(addTier(rival.id, day(4)))
      expect(overlapping.status).toBe(409)
      expect(overlapping.data.message).toMatch(new RegExp(`^${day(6)} is held .* for Weekend \\(day 3 of 3, from ${day(4)}\\)`))
      expect((await api.get(`/store/carts/${rival.id}`, studio.headers)).data.cart.items).toEqual([])
      expect(await live()).toHaveLength(3)

      // With room for two, each day has one left.
      await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 2 } }, admin)
      expect((await availability(single, day(7), day(7))).dates[0]).toEqual({ date: day(7), status: "available", remaining: 1 })
      expect((await availability(weekend, day(5), day(5))).dates[0]).toEqual({ date: day(5), status: "available", remaining: 1 })
    })

    it("refuses a start date whose second day is blacked out or full with nothing taken; the answer names the day", async () => {
      await api.post(`/admin/availability/${studio.salesChannelId}`, { add_blackouts: [{ start_date: day(11), reason: "Studio holiday" }] }, admin)
      const cart = await newCart()
      const blackout = await fail(addTier(cart.id, day(10)))
      expect(blackout.status).toBe(400)
      expect(blackout.data.message).toBe(`${day(11)} is not bookable (Studio holiday) for Weekend (day 2 of 3, from ${day(10)})`)
      expect((await availability(weekend, day(10), day(10))).dates[0]).toEqual({ date: day(10), status: "blackout", remaining: 0, reason: "Studio holiday", blocked_by: day(11) })

      await placeOrder(day(14), single)
      const full = await fail(addTier(cart.id, day(13)))
      expect(full.status).toBe(409)
      expect(full.data.message).toBe(`${day(14)} is sold out for Weekend (day 2 of 3, from ${day(13)})`)
      expect((await api.get(`/store/carts/${cart.id}`, studio.headers)).data.cart.items).toEqual([])
      expect(await live()).toEqual([[day(14), 0, "confirmed"]])

      // A package reaching past the booking window is refused too.
      await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { max_advance_days: 400 } }, admin)
      const today = new Date().toISOString().slice(0, 10)
      const edge = new Date(Date.now() + 399 * 86_400_000).toISOString().slice(0, 10)
      expect(today < edge).toBe(true)
      const window = await fail(addTier(cart.id, edge))
      expect(window.status).toBe(400)
      expect(window.data.message).toMatch(/is outside the booking window for Weekend \(day 3 of 3/)
      expect(await live()).toEqual([[day(14), 0, "confirmed"]])
    })

    it("checkout confirms every day; canceling the order frees them all", async () => {
      const { order } = await placeOrder(day(20))
      const rows = await service().listBookings({ order_id: order.id }, { order: { day: "ASC" } })
      expect(rows.map((r) => [r.event_date, r.day, r.status, r.line_item_id])).toEqual([
        [day(20), 0, "confirmed", expect.any(String)],
        [day(21), 1, "confirmed", rows[0].line_item_id],
        [day(22), 2, "confirmed", rows[0].line_item_id],
      ])
      expect((await availability(single, day(20), day(22))).dates.map((d: any) => d.status)).toEqual(["sold_out", "sold_out", "sold_out"])

      // The calendar feed shows the package as one all-day event over its three days (DTEND the day after the last).
      const url = (await api.get(`/admin/availability/${studio.salesChannelId}/feed`, admin)).data.feed.url as string
      const events = parseCalendar((await api.get(new URL(url).pathname)).data).events.filter((e) => e.start >= day(1))
      expect(events.map((e) => [e.uid, e.start, e.end, e.all_day])).toEqual([[`${rows[0].id}@tiered`, day(20), day(23), true]])

      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      // The order.canceled subscriber frees the days on the event bus, after the answer.
      expect(await eventually(live, (rows) => rows.length === 0)).toEqual([])
      expect((await availability(single, day(20), day(22))).dates.map((d: any) => d.status)).toEqual(["available", "available", "available"])
    })

    it("checkout of a cart whose hold lapsed and whose middle day was taken meanwhile is a 409 naming that day, nothing booked", async () => {
      const cart = await newCart()
      await addTier(cart.id, day(24))
      // The hold lapses (as if its time ran out), the cleanup cancels it, and a rival takes the middle day.
      await service().updateBookings({ selector: { cart_id: cart.id }, data: { expires_at: new Date(Date.now() - 1000) } })
      await placeOrder(day(25), single)
      const refused = await fail(pay(cart.id))
      expect(refused.status).toBe(409)
      expect(refused.data.message).toMatch(new RegExp(`${day(25)} is no longer available for Weekend`))
      expect(await live()).toEqual([[day(25), 0, "confirmed"]])
    })

    it("the reconciler leaves a complete multi-day order alone and books a missing day", async () => {
      const { order } = await placeOrder(day(27))
      const run = async () => (await api.post("/admin/tier-repairs/run", {}, admin)).data.run
      const repairs = async () => (await api.get(`/admin/tier-repairs?order_id=${order.id}`, admin)).data.repairs
      await run()
      expect(await repairs()).toEqual([])

      const [, second] = await service().listBookings({ order_id: order.id }, { order: { day: "ASC" } })
      await service().updateBookings({ id: second.id, status: "canceled" })
      await run()
      const rows = await service().listBookings({ order_id: order.id, status: "confirmed" }, { order: { day: "ASC" } })
      expect(rows.map((r) => [r.event_date, r.day, r.first_day_id])).toEqual([
        [day(27), 0, null],
        [day(28), 1, rows[0].id],
        [day(29), 2, rows[0].id],
      ])
      expect((await repairs()).map((r: any) => r.kind)).toEqual(["booking_created"])
    })

    it("reschedule moves every day (also by fewer days than the package spans), and refuses with nothing changed when a new day is taken", async () => {
      const { order, line } = await placeOrder(day(2))
      const move = (date: string) => api.post(`/admin/orders/${order.id}/reschedule`, { line_item_id: line.id, event_date: date }, admin)
      const state = async () =>
        (await service().listBookings({ order_id: order.id, status: ["pending", "confirmed"] }, { order: { day: "ASC" } })).map((b) => [b.event_date, b.day, b.status, b.first_day_id ? "first" : null])

      const preview = (await api.post(`/admin/orders/${order.id}/reschedule/preview`, { line_item_id: line.id, event_date: day(15) }, admin)).data.preview
      expect(preview).toEqual(expect.objectContaining({ from: day(2), to: day(15), status: "available", allowed: true }))
      const { data } = await move(day(15))
      expect(data).toEqual(expect.objectContaining({ from: day(2), to: day(15), booking: expect.objectContaining({ event_date: day(15), status: "confirmed" }) }))
      expect(await state()).toEqual([
        [day(15), 0, "confirmed", null],
        [day(16), 1, "confirmed", "first"],
        [day(17), 2, "confirmed", "first"],
      ])
      expect(await live()).toHaveLength(3)

      // One day later: the two shared days keep their bookings (capacity 1 would refuse a second slot on them).
      await move(day(16))
      expect(await state()).toEqual([
        [day(16), 0, "confirmed", null],
        [day(17), 1, "confirmed", "first"],
        [day(18), 2, "confirmed", "first"],
      ])
      const rows = await service().listBookings({ order_id: order.id, status: "confirmed" }, { order: { day: "ASC" } })
      expect(rows.slice(1).map((r) => r.first_day_id)).toEqual([rows[0].id, rows[0].id])
      // And one day back.
      await move(day(15))
      expect(await state()).toEqual([
        [day(15), 0, "confirmed", null],
        [day(16), 1, "confirmed", "first"],
        [day(17), 2, "confirmed", "first"],
      ])

      // A rival's booking on the new package's third day: refused, nothing moved.
      await placeOrder(day(24), single)
      const before = await service().listBookings({ sales_channel_id: studio.salesChannelId }, { order: { created_at: "ASC" } })
      const refused = await fail(move(day(22)))
      expect(refused.status).toBe(409)
      expect(refused.data.message).toBe(`${day(24)} is sold out; choose another date`)
      const blocked = (await api.post(`/admin/orders/${order.id}/reschedule/preview`, { line_item_id: line.id, event_date: day(22) }, admin)).data.preview
      expect(blocked).toEqual(expect.objectContaining({ status: "sold_out", allowed: false }))
      expect(await service().listBookings({ sales_channel_id: studio.salesChannelId }, { order: { created_at: "ASC" } })).toEqual(before)
      const records = await service().listTierLines({ order_id: order.id })
      expect(records.map((r) => r.event_date)).toEqual([day(15)])

      // Canceling after the moves frees every day.
      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      expect(await eventually(live, (rows) => rows.length === 1)).toEqual([[day(24), 0, "confirmed"]])
    })

    it("a cart's upgrade from a one-day to a multi-day tier moves the hold onto every day; a taken day refuses it with nothing changed", async () => {
      const cart = await newCart()
      const { data } = await addTier(cart.id, day(9), single)
      const lineId = data.hold.line_item_id
      const upgrade = (id: string) => api.post(`/store/carts/${cart.id}/tier-upgrade`, { line_item_id: id, to_tier_id: weekend.id }, studio.headers)

      // A rival holds the third day: refused, the one-day hold stays as it was.
      const rival = await newCart()
      await addTier(rival.id, day(11), single)
      const before = await service().listBookings({ cart_id: cart.id })
      const refused = await fail(upgrade(lineId))
      expect(refused.status).toBe(409)
      expect(refused.data.message).toMatch(new RegExp(`^${day(11)} has no room left for Weekend`))
      expect(await service().listBookings({ cart_id: cart.id })).toEqual(before)
      expect((await api.get(`/store/carts/${cart.id}`, studio.headers)).data.cart.items.map((i: any) => i.id)).toEqual([lineId])

      // The rival lets go of its hold.
      await service().changeStatusWhere({ cart_id: rival.id, from: "held", to: "canceled" })
      const upgraded = (await upgrade(lineId)).data.cart
      expect(upgraded.holds).toEqual([expect.objectContaining({ event_date: day(9), days: 3, end_date: day(11), lapsed: false })])
      const rows = await service().listBookings({ cart_id: cart.id, status: "held" }, { order: { day: "ASC" } })
      const record = (await service().listTierLines({ cart_id: cart.id, status: "active" }))[0]
      expect(record.days).toBe(3)
      expect(rows.map((r) => [r.event_date, r.day, r.tier_line_id, r.tier_id])).toEqual([
        [day(9), 0, record.id, weekend.id],
        [day(10), 1, record.id, weekend.id],
        [day(11), 2, record.id, weekend.id],
      ])
      // The first day is the one-day hold it had (same row), with its expiry.
      expect(rows[0].id).toBe(before[0].id)
      expect(rows.map((r) => String(r.expires_at))).toEqual(Array(3).fill(String(before[0].expires_at)))

      // Checkout books all three.
      expect((await pay(cart.id)).data.type).toBe("order")
      expect(await live()).toEqual([
        [day(9), 0, "confirmed"],
        [day(10), 1, "confirmed"],
        [day(11), 2, "confirmed"],
      ])
    })

    it("refuses a merchant's option on a multi-day tier (options pencil in one date) with a clear 400 and nothing changed", async () => {
      const option = await fail(
        api.post(
          `/admin/availability/${studio.salesChannelId}/options`,
          { event_date: day(6), tier_id: weekend.id, client_name: "Ada", client_email: "ada@example.com", expires_in_hours: 24 },
          admin
        )
      )
      expect(option.status).toBe(400)
      expect(option.data.message).toBe("Weekend takes 3 days; options pencil in one-day packages only")
      expect(await service().listDateOptions({})).toEqual([])
      expect(await live()).toEqual([])
    })

    it("of carts racing for overlapping packages, the days end up held by whole packages only, never over capacity", async () => {
      const carts: { id: string }[] = []
      for (let i = 0; i < 6; i++) {
        carts.push(await newCart())
      }
      // Starts 1-2 days apart: every pair overlaps on some day.
      const starts = [day(3), day(4), day(5), day(3), day(4), day(5)]
      const answers = await Promise.allSettled(carts.map((c, i) => addTier(c.id, starts[i])))
      const lost = answers.filter((a) => a.status === "rejected") as PromiseRejectedResult[]
      expect(lost.map((a) => a.reason.response?.status)).toEqual(Array(lost.length).fill(409))
      expect(answers.filter((a) => a.status === "fulfilled").length).toBeGreaterThanOrEqual(1)
      const held = await service().listBookings({ sales_channel_id: studio.salesChannelId, status: "held" })
      // Capacity 1: one held row a date at most, and each cart holding anything holds its three days.
      expect(new Set(held.map((b) => b.event_date)).size).toBe(held.length)
      const byCart = new Map<string, number>()
      held.forEach((b) => byCart.set(b.cart_id!, (byCart.get(b.cart_id!) ?? 0) + 1))
      expect([...byCart.values()].every((n) => n === 3)).toBe(true)
      for (const [i, answer] of answers.entries()) {
        const items = (await api.get(`/store/carts/${carts[i].id}`, studio.headers)).data.cart.items
        expect(items.length).toBe(answer.status === "fulfilled" ? 1 : 0)
        expect(byCart.has(carts[i].id)).toBe(answer.status === "fulfilled")
      }
    })

    it("refuses a package whose last day falls past 2200-12-31", async () => {
      const cart = await newCart()
      const refused = await fail(addTier(cart.id, "2200-12-30"))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("Weekend takes 3 days: its last day 2201-01-01 is past 2200-12-31")
      expect(await live()).toEqual([])
    })

    it("another tenant's key sees none of it", async () => {
      const cart = (await api.post("/store/carts", { region_id: region.id }, other.headers)).data.cart
      expect((await fail(api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: weekend.id, event_date: day(6) }, other.headers))).status).toBe(404)
      expect((await fail(api.get(`/store/tiers/${weekend.id}/availability`, other.headers))).status).toBe(404)
      expect(await live()).toEqual([])
    })
  },
})
