import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { releaseHoldsWorkflow } from "../../src/workflows/release-holds"
import { adminHeaders, createPackageProduct, createRegion, createTenant, dayFromToday, eventually, failed as fail, Tenant, travel } from "./fixtures"

jest.setTimeout(240 * 1000)

const nextYear = new Date().getUTCFullYear() + 1
const HOUR = 3_600_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let venue: Tenant
    let region: { id: string }
    let select: { id: string }
    let hall: { id: string }
    const promoted: any[] = []

    beforeAll(() => {
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe("tiered.option.promoted", async (event: any) => {
          promoted.push(event.data)
        })
    })

    beforeEach(async () => {
      promoted.length = 0
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      venue = await createTenant(container, "Venue")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number, tenant = studio) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [tenant.salesChannelId] }) as any
      const [pSelect, pHall] = [await mk("Select", 7500), await mk("Hall", 4000, venue)]
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment
      select = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Select", product_id: pSelect.id }, admin)).data.tier
      hall = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: "Hall", product_id: pHall.id }, admin)).data.tier
    })

    afterEach(() => {
      jest.useRealTimers()
    })

    const service = () => getContainer().resolve(BOOKING_MODULE) as BookingModuleService
    const liveBookings = async () => (await service().listBookings({ status: ["held", "pending", "confirmed"] })).map((b) => [b.status, b.option_id])
    const options = async (date: string, tenant = studio) =>
      (await api.get(`/admin/availability/${tenant.salesChannelId}/options?from=${date}&to=${date}`, admin)).data.options
    const pencil = (date: string, client: string, hours = 48, tenant = studio, tier = select) =>
      api.post(
        `/admin/availability/${tenant.salesChannelId}/options`,
        { event_date: date, tier_id: tier.id, client_name: client, client_email: `${client.toLowerCase()}@example.com`, expires_in_hours: hours },
        admin
      )
    const statusOf = async (date: string) =>
      (await api.get(`/store/tiers/${select.id}/availability?from=${date}&to=${date}`, studio.headers)).data.dates[0]
    const addTier = async (date: string) => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, studio.headers)).data.cart
      return api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: select.id, event_date: date, guest_count: 40 }, studio.headers)
    }
    const release = (id: string, tenant = studio) => api.post(`/admin/availability/${tenant.salesChannelId}/options/${id}/release`, {}, admin)

    it("pencils the first option in live (the date reads held, a cart gets a 409) and queues the second", async () => {
      const date = `${nextYear}-05-09`
      const before = Date.now()
      const first = (await pencil(date, "Ana")).data.option
      expect(first).toEqual(
        expect.objectContaining({ status: "live", position: 1, client_name: "Ana", client_email: "ana@example.com", hold_hours: 48, booking_id: expect.any(String) })
      )
      expect(new Date(first.expires_at).getTime()).toBeGreaterThanOrEqual(before + 48 * HOUR)
      expect(new Date(first.expires_at).getTime()).toBeLessThanOrEqual(Date.now() + 48 * HOUR)
      const second = (await pencil(date, "Ben", 24)).data.option
      expect(second).toEqual(expect.objectContaining({ status: "queued", position: 2, expires_at: null, booking_id: null }))

      expect(await statusOf(date)).toEqual({ date, status: "held", remaining: 0, held_until: first.expires_at })
      const refused = await fail(addTier(date))
      expect(refused.status).toBe(409)
      expect(await liveBookings()).toEqual([["held", first.id]])
      expect((await options(date)).map((o: any) => [o.client_name, o.status, o.position])).toEqual([["Ana", "live", 1], ["Ben", "queued", 2]])

      // The admin drawer's bookings list the option's hold; the cart-hold job leaves it alone (it has no cart line).
      travel(10 * 60_000)
      await releaseHoldsWorkflow(getContainer()).run({ input: {} })
      expect(await liveBookings()).toEqual([["held", first.id]])
      const drawer = (await api.get(`/admin/availability/${studio.salesChannelId}/bookings?date=${date}`, admin)).data.bookings
      expect(drawer.map((b: any) => [b.status, b.expires_at, b.option_id, b.customer_name, b.cart_id])).toEqual([["held", first.expires_at, first.id, "Ana", null]])
    })

    it("moves the next option up when the live one is released, and announces it", async () => {
      const date = `${nextYear}-05-10`
      const first = (await pencil(date, "Ana")).data.option
      const second = (await pencil(date, "Ben", 24)).data.option
      const third = (await pencil(date, "Cy", 12)).data.option
      const before = Date.now()
      expect((await release(first.id)).data.option.status).toBe("released")
      const [, now2, now3] = await options(date)
      expect(now2).toEqual(expect.objectContaining({ id: second.id, status: "live", booking_id: expect.any(String) }))
      // A promoted option holds the date for its own hours from the moment it moves up.
      expect(new Date(now2.expires_at).getTime()).toBeGreaterThanOrEqual(before + 24 * HOUR)
      expect(now3.status).toBe("queued")
      expect(await liveBookings()).toEqual([["held", second.id]])
      expect(await statusOf(date)).toEqual({ date, status: "held", remaining: 0, held_until: now2.expires_at })
      expect(promoted).toEqual([{ option_id: second.id, sales_channel_id: studio.salesChannelId, event_date: date, client_email: "ben@example.com" }])

      // Releasing a queued option only takes it out of the queue; a released one cannot be released again.
      expect((await release(third.id)).data.option.status).toBe("released")
      const again = await fail(release(first.id))
      expect(again.status).toBe(409)
      expect(await liveBookings()).toEqual([["held", second.id]])
    })

    it("lapses: readers free the date at once without a queue; the job promotes the next option", async () => {
      const lone = `${nextYear}-05-11`
      await pencil(lone, "Dee", 2)
      expect((await statusOf(lone)).status).toBe("held")
      travel(2 * HOUR + 60_000)
      expect(await statusOf(lone)).toEqual({ date: lone, status: "available", remaining: 1 })
      jest.useRealTimers()

      const date = `${nextYear}-05-12`
      const first = (await pencil(date, "Ana", 1)).data.option
      const second = (await pencil(date, "Ben", 5)).data.option
      travel(HOUR + 60_000)
      // The list reads the first option lapsed at once; the job moves the second up.
      expect((await options(date)).map((o: any) => o.status)).toEqual(["lapsed", "queued"])
      const { result } = await releaseHoldsWorkflow(getContainer()).run({ input: {} })
      expect(result).toEqual(expect.objectContaining({ option_dates: 1, options_promoted: 1 }))
      const [after1, after2] = await options(date)
      expect(after1).toEqual(expect.objectContaining({ id: first.id, status: "lapsed" }))
      expect(after2).toEqual(expect.objectContaining({ id: second.id, status: "live" }))
      expect(new Date(after2.expires_at).getTime()).toBeGreaterThan(Date.now() + 4 * HOUR)
      expect(promoted.map((p) => p.option_id)).toEqual([second.id])
      expect((await statusOf(date)).status).toBe("held")
      expect((await service().listBookings({ option_id: first.id }))[0].status).toBe("canceled")
    })

    it("extends a live option's hold, and a queued one's hours", async () => {
      const date = `${nextYear}-05-13`
      const first = (await pencil(date, "Ana", 2)).data.option
      const second = (await pencil(date, "Ben", 2)).data.option
      const before = Date.now()
      const extended = (await api.post(`/admin/availability/${studio.salesChannelId}/options/${first.id}/extend`, { expires_in_hours: 72 }, admin)).data.option
      expect(extended).toEqual(expect.objectContaining({ status: "live", hold_hours: 72 }))
      expect(new Date(extended.expires_at).getTime()).toBeGreaterThanOrEqual(before + 72 * HOUR)
      expect((await statusOf(date)).held_until).toBe(extended.expires_at)
      const [hold] = await service().listBookings({ option_id: first.id })
      expect(new Date(hold.expires_at!).toISOString()).toBe(extended.expires_at)
      const queued = (await api.post(`/admin/availability/${studio.salesChannelId}/options/${second.id}/extend`, { expires_in_hours: 10 }, admin)).data.option
      expect(queued).toEqual(expect.objectContaining({ status: "queued", hold_hours: 10, expires_at: null }))
      // Past its first expiry, the extended option still holds the date.
      travel(3 * HOUR)
      await releaseHoldsWorkflow(getContainer()).run({ input: {} })
      expect((await options(date)).map((o: any) => o.status)).toEqual(["live", "queued"])
    })

    it("refuses bad input, other tenants' options and unbookable dates with nothing changed", async () => {
      const date = `${nextYear}-05-14`
      const url = `/admin/availability/${studio.salesChannelId}/options`
      const good = { event_date: date, tier_id: select.id, client_name: "Ana", client_email: "ana@example.com", expires_in_hours: 48 }
      const bad: [Record<string, unknown>, number][] = [
        [{ ...good, expires_in_hours: 0 }, 400],
        [{ ...good, expires_in_hours: 2161 }, 400],
        [{ ...good, expires_in_hours: 1.5 }, 400],
        [{ ...good, client_email: "not-an-email" }, 400],
        [{ ...good, client_name: "" }, 400],
        [{ ...good, client_name: "x".repeat(100_000) }, 400],
        [{ ...good, note: "nul\u0000byte" }, 400],
        [{ ...good, event_date: "9999-01-01" }, 400],
        [{ ...good, event_date: "2026-02-30" }, 400],
        [{ ...good, event_date: dayFromToday(-1) }, 400],
        [{ ...good, extra: 1 }, 400],
        [{ ...good, tier_id: hall.id }, 404],
        [{ ...good, tier_id: "tier_nope" }, 404],
      ]
      for (const [body, status] of bad) {
        const refused = await fail(api.post(url, body, admin))
        expect([JSON.stringify(body).slice(0, 80), refused.status]).toEqual([JSON.stringify(body).slice(0, 80), status])
      }
      expect((await fail(api.post(`/admin/availability/sc_nope/options`, good, admin))).status).toBe(404)
      await api.post(`/admin/availability/${studio.salesChannelId}`, { add_blackouts: [{ start_date: date, reason: "Closed" }] }, admin)
      const blackout = await fail(api.post(url, good, admin))
      expect(blackout.status).toBe(400)
      expect(blackout.data.message).toContain("not bookable")
      expect(await service().listDateOptions({})).toEqual([])
      expect(await liveBookings()).toEqual([])

      // Another tenant's option is not found, for reading or changing; it stays as it was.
      const other = `${nextYear}-05-15`
      const theirs = (await pencil(other, "Vee", 48, venue, hall)).data.option
      expect((await fail(release(theirs.id))).status).toBe(404)
      expect((await fail(api.post(`${url}/${theirs.id}/extend`, { expires_in_hours: 5 }, admin))).status).toBe(404)
      expect((await fail(api.post(`${url}/${theirs.id}/extend`, { expires_in_hours: 9999 }, admin))).status).toBe(400)
      expect(await options(other)).toEqual([])
      expect((await options(other, venue)).map((o: any) => [o.id, o.status, o.hold_hours])).toEqual([[theirs.id, "live", 48]])
      expect((await fail(api.get(`${url}?from=${other}&to=9999-01-01`, admin))).status).toBe(400)
    })
    it("turns a live option into a draft order for its client, priced for the date, and keeps the hold", async () => {
      await api.post("/admin/pricing-rules", { label: "Peak season", kind: "season", months: [6, 7, 8, 9], percent: 20, priority: 1 }, admin)
      const date = `${nextYear}-07-04`
      const first = (await pencil(date, "Ana")).data.option
      const second = (await pencil(date, "Ben")).data.option
      const url = `/admin/availability/${studio.salesChannelId}/options`
      // A queued option holds no date yet; an unknown region or another tenant's option is not found; nothing is written.
      expect((await fail(api.post(`${url}/${second.id}/convert`, { region_id: region.id }, admin))).status).toBe(409)
      expect((await fail(api.post(`${url}/${first.id}/convert`, { region_id: "reg_nope" }, admin))).status).toBe(404)
      expect((await fail(api.post(`/admin/availability/${venue.salesChannelId}/options/${first.id}/convert`, { region_id: region.id }, admin))).status).toBe(404)
      expect((await fail(api.post(`${url}/${first.id}/convert`, {}, admin))).status).toBe(400)
      const drafts = async () => (await api.get("/admin/draft-orders?fields=id,email,total,*items", admin)).data.draft_orders
      expect(await drafts()).toEqual([])

      const converted = (await api.post(`${url}/${first.id}/convert`, { region_id: region.id }, admin)).data.option
      expect(converted).toEqual(expect.objectContaining({ status: "converted", draft_order_id: expect.any(String), expires_at: first.expires_at }))
      const [draft] = await drafts()
      expect(draft.id).toBe(converted.draft_order_id)
      expect(draft.email).toBe("ana@example.com")
      // 7,500 with the peak-season rule's 20%.
      expect(draft.items.map((i: any) => [i.unit_price, i.quantity])).toEqual([[9000, 1]])
      expect(await liveBookings()).toEqual([["held", first.id]])
      expect((await statusOf(date)).status).toBe("held")
      // Converted once is enough.
      expect((await fail(api.post(`${url}/${first.id}/convert`, { region_id: region.id }, admin))).status).toBe(409)
      expect(await drafts()).toHaveLength(1)
    })
    const draftFor = async (date: string, client: string, hours = 48) => {
      const option = (await pencil(date, client, hours)).data.option
      const converted = (await api.post(`/admin/availability/${studio.salesChannelId}/options/${option.id}/convert`, { region_id: region.id }, admin)).data.option
      return { option, draftId: converted.draft_order_id as string }
    }
    const toOrder = (draftId: string) => api.post(`/admin/draft-orders/${draftId}/convert-to-order`, {}, admin)
    const bookingsOf = async (optionId: string) =>
      (await service().listBookings({ option_id: optionId }, { order: { created_at: "ASC" } })).map((b) => ({
        status: b.status,
        order_id: b.order_id,
        line_item_id: b.line_item_id,
        tier_line_id: b.tier_line_id,
      }))
    const optionStatus = async (date: string) => (await options(date)).map((o: any) => o.status)
    const conversionsOf = (orderId: string) =>
      (getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService).listConversions({ order_id: orderId })

    it("books the option when its draft order becomes an order: the hold is confirmed, with the order's records, once", async () => {
      const date = `${nextYear}-10-03`
      const { option, draftId } = await draftFor(date, "Ana")
      const order = (await toOrder(draftId)).data.order
      expect(order.id).toBe(draftId)
      const [item] = (await api.get(`/admin/orders/${order.id}?fields=id,*items`, admin)).data.order.items
      const booked = await eventually(() => bookingsOf(option.id), (b) => b[0]?.status === "confirmed")
      expect(booked).toEqual([{ status: "confirmed", order_id: order.id, line_item_id: item.id, tier_line_id: expect.any(String) }])
      expect(await optionStatus(date)).toEqual(["booked"])
      expect((await statusOf(date)).status).toBe("sold_out")
      const [record] = await service().listTierLines({ order_id: order.id })
      expect(record).toEqual(expect.objectContaining({ id: booked[0].tier_line_id, kind: "tier", tier_id: select.id, event_date: date, order_line_item_id: item.id, status: "active" }))
      const summary = (await api.get(`/admin/orders/${order.id}/tier-summary`, admin)).data.tier_summary
      expect(summary.lines.map((l: any) => [l.tier_id, l.event_date, l.booking?.status])).toEqual([[select.id, date, "confirmed"]])
      const conversions = await eventually(() => conversionsOf(order.id), (c) => c.length > 0)
      expect(conversions.map((c) => c.reference)).toEqual(["placed"])

      // Converting again is Medusa's refusal; order.placed delivered twice changes nothing.
      expect((await fail(toOrder(draftId))).status).toBe(400)
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
      await new Promise((r) => setTimeout(r, 1500))
      expect(await bookingsOf(option.id)).toEqual(booked)
      expect(await service().listTierLines({ order_id: order.id })).toHaveLength(1)
      expect(await conversionsOf(order.id)).toHaveLength(1)
      expect(await optionStatus(date)).toEqual(["booked"])

      // Canceling the order frees the date like any order.
      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      await eventually(() => bookingsOf(option.id), (b) => b[0]?.status === "canceled")
      expect(await liveBookings()).toEqual([])
      expect((await statusOf(date)).status).toBe("available")
    })

    it("refuses to convert a lapsed option's draft order whose date was taken, with nothing changed; takes the date when still free", async () => {
      const taken = `${nextYear}-10-04`
      const lost = await draftFor(taken, "Ana", 1)
      travel(HOUR + 60_000)
      expect((await addTier(taken)).status).toBe(200)
      const before = await liveBookings()
      const refused = await fail(toOrder(lost.draftId))
      expect(refused.status).toBe(409)
      expect(refused.data.message).toContain(`${taken} is no longer free`)
      expect((await api.get(`/admin/draft-orders/${lost.draftId}?fields=id,status`, admin)).data.draft_order.status).toBe("draft")
      expect(await liveBookings()).toEqual(before)
      expect(await optionStatus(taken)).toEqual(["lapsed"])

      const free = `${nextYear}-10-05`
      const late = await draftFor(free, "Ben", 1)
      travel(HOUR + 60_000)
      expect((await statusOf(free)).status).toBe("available")
      const order = (await toOrder(late.draftId)).data.order
      const booked = await eventually(() => bookingsOf(late.option.id), (b) => b.some((x) => x.status === "confirmed"))
      expect(booked.map((b) => [b.status, b.order_id])).toEqual([["canceled", null], ["confirmed", order.id]])
      expect(await optionStatus(free)).toEqual(["booked"])
      expect((await statusOf(free)).status).toBe("sold_out")
    })

    it("converts a lapsed option's draft once under two racing conversions, and refuses a released option's draft", async () => {
      const date = `${nextYear}-10-07`
      const { option, draftId } = await draftFor(date, "Ana", 1)
      travel(HOUR + 60_000)
      const answers = await Promise.allSettled([toOrder(draftId), toOrder(draftId)])
      const statuses = answers.map((a) => (a.status === "fulfilled" ? a.value.status : (a.reason as any).response?.status)).sort()
      expect(statuses[0]).toBe(200)
      expect(statuses[1]).toBeGreaterThanOrEqual(400)
      expect(statuses[1]).toBeLessThan(500)
      const booked = await eventually(() => bookingsOf(option.id), (b) => b.some((x) => x.status === "confirmed"))
      expect(booked.filter((b) => b.status !== "canceled").map((b) => [b.status, b.order_id])).toEqual([["confirmed", draftId]])
      jest.useRealTimers()

      const other = `${nextYear}-10-08`
      const released = await draftFor(other, "Ben")
      await release(released.option.id)
      const refused = await fail(toOrder(released.draftId))
      expect(refused.status).toBe(409)
      expect(refused.data.message).toContain("was released")
      expect((await api.get(`/admin/draft-orders/${released.draftId}?fields=id,status`, admin)).data.draft_order.status).toBe("draft")
      expect(await bookingsOf(released.option.id)).toEqual([expect.objectContaining({ status: "canceled" })])
    })

    it("books an option's order whose order.placed was lost, and frees the date of one whose order.canceled was lost, when the reconciler runs", async () => {
      const date = `${nextYear}-10-06`
      const { option, draftId } = await draftFor(date, "Ana")
      // Medusa's conversion without its event: what a process killed right after it leaves.
      await getContainer().resolve(Modules.ORDER).updateOrders([{ id: draftId, status: "pending", is_draft_order: false }])
      expect((await bookingsOf(option.id)).map((b) => b.status)).toEqual(["held"])
      const run = (await api.post("/admin/tier-repairs/run", { full: true, grace_minutes: 0 }, admin)).data.run
      expect(run.repairs).toBeGreaterThanOrEqual(1)
      expect((await bookingsOf(option.id)).map((b) => [b.status, b.order_id])).toEqual([["confirmed", draftId]])
      expect(await optionStatus(date)).toEqual(["booked"])
      expect((await conversionsOf(draftId)).map((c) => c.reference)).toEqual(["placed"])

      // Canceled without its event: the next run gives the date back.
      await getContainer().resolve(Modules.ORDER).cancel(draftId)
      await api.post("/admin/tier-repairs/run", { grace_minutes: 0 }, admin)
      expect((await bookingsOf(option.id)).map((b) => [b.status, b.order_id])).toEqual([["canceled", draftId]])
      expect((await statusOf(date)).status).toBe("available")
    })
  },
})
