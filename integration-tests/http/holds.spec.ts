import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { releaseHoldsWorkflow } from "../../src/workflows/release-holds"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant, failed as fail, travel } from "./fixtures"

jest.setTimeout(240 * 1000)

const nextYear = new Date().getUTCFullYear() + 1
const MINUTE = 60_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let venue: Tenant
    let region: { id: string }
    let select: { id: string }
    let complete: { id: string }
    let hall: { id: string }

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      venue = await createTenant(container, "Venue")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number, tenant = studio) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [tenant.salesChannelId] }) as any
      const [pSelect, pComplete, pHall] = [await mk("Select", 7500), await mk("Complete", 9500), await mk("Hall", 4000, venue)]
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment
      select = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Select", product_id: pSelect.id }, admin)).data.tier
      complete = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: "Complete", product_id: pComplete.id }, admin)).data.tier
      hall = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 3, name: "Hall", product_id: pHall.id }, admin)).data.tier
    })

    afterEach(() => {
      jest.useRealTimers()
    })

    const service = () => getContainer().resolve(BOOKING_MODULE) as BookingModuleService
    const bookings = () => service().listBookings({}, { order: { created_at: "ASC" } })
    const newCart = async (tenant = studio) =>
      (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, tenant.headers)).data.cart
    const addTier = (cartId: string, date: string, tier = select, tenant = studio) =>
      api.post(`/store/carts/${cartId}/tier-items`, { tier_id: tier.id, event_date: date, guest_count: 40 }, tenant.headers)
    const statusOf = async (date: string, tier = select, tenant = studio) =>
      (await api.get(`/store/tiers/${tier.id}/availability?from=${date}&to=${date}`, tenant.headers)).data.dates[0]
    const pay = async (cartId: string) => {
      const collection = (await api.post("/store/payment-collections", { cart_id: cartId }, studio.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
      return api.post(`/store/carts/${cartId}/complete`, {}, studio.headers)
    }
    const cartOf = async (cartId: string) => (await api.get(`/store/carts/${cartId}`, studio.headers)).data.cart
    const waitFor = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await check()); i++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(await check()).toBe(true)
    }

    it("holds the date when a tier goes into a cart, says until when, and the date reads held", async () => {
      const date = `${nextYear}-06-12`
      expect(await statusOf(date)).toEqual({ date, status: "available", remaining: 1 })
      const cart = await newCart()
      const before = Date.now()
      const { data } = await addTier(cart.id, date)
      const line = data.cart.items.find((i: any) => i.metadata.tiered_kind === "tier")
      expect(data.hold).toEqual({ line_item_id: line.id, event_date: date, expires_at: expect.any(String), lapsed: false })
      const expires = new Date(data.hold.expires_at).getTime()
      // The default hold time: 30 minutes.
      expect(expires).toBeGreaterThanOrEqual(before + 30 * MINUTE - 1000)
      expect(expires).toBeLessThanOrEqual(Date.now() + 30 * MINUTE)
      expect(data.cart.holds).toEqual([data.hold])
      expect(await statusOf(date)).toEqual({ date, status: "held", remaining: 0, held_until: data.hold.expires_at })
      const [hold] = await bookings()
      expect(hold).toEqual(expect.objectContaining({ status: "held", event_date: date, cart_id: cart.id, slot: 1, tier_id: select.id }))

      // With room for two, the date stays available with one left; the admin calendar counts the hold.
      await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 2 } }, admin)
      expect(await statusOf(date)).toEqual({ date, status: "available", remaining: 1 })
      const calendar = (await api.get(`/admin/availability/${studio.salesChannelId}/calendar?from=${date}&to=${date}`, admin)).data
      expect(calendar.dates[0]).toEqual(expect.objectContaining({ date, status: "available", remaining: 1, booked: 1, held: 1 }))
    })

    it("refuses a second cart at add time with a 409 while the date is held, and changes nothing", async () => {
      const date = `${nextYear}-06-13`
      const first = await newCart()
      const { data } = await addTier(first.id, date)
      const second = await newCart()
      const refused = await fail(addTier(second.id, date))
      expect(refused.status).toBe(409)
      expect(refused.data.message).toBe(
        `${date} is held by another booking until ${data.hold.expires_at}; choose another date or try again later for Select`
      )
      expect((await cartOf(second.id)).items).toEqual([])
      expect((await bookings()).map((b) => [b.cart_id, b.status])).toEqual([[first.id, "held"]])
      // Another tenant's calendar is its own: the venue's date is free.
      const venueCart = await newCart(venue)
      expect((await addTier(venueCart.id, date, hall, venue)).data.hold.event_date).toBe(date)
    })

    it("lets exactly one of ten racing carts hold the last slot; the others get a 409 and no line", async () => {
      const date = `${nextYear}-06-14`
      const carts: { id: string }[] = []
      for (let i = 0; i < 10; i++) {
        carts.push(await newCart())
      }
      const answers = await Promise.allSettled(carts.map((c) => addTier(c.id, date)))
      const won = answers.filter((a) => a.status === "fulfilled")
      const lost = answers.filter((a) => a.status === "rejected") as PromiseRejectedResult[]
      expect(won).toHaveLength(1)
      expect(lost.map((a) => a.reason.response?.status)).toEqual(Array(9).fill(409))
      const live = (await bookings()).filter((b) => b.status === "held")
      expect(live).toHaveLength(1)
      const counts = await Promise.all(carts.map(async (c) => (await cartOf(c.id)).items.length))
      expect(counts.sort()).toEqual([...Array(9).fill(0), 1])
      // The winner checks out; nobody else can.
      const winner = carts[answers.findIndex((a) => a.status === "fulfilled")]
      expect((await pay(winner.id)).data.type).toBe("order")
      expect((await bookings()).filter((b) => b.status !== "canceled").map((b) => [b.status, b.slot])).toEqual([["confirmed", 1]])
      expect((await statusOf(date)).status).toBe("sold_out")
    })

    it("lets exactly one of ten racing checkouts take the last slot when their holds lapsed", async () => {
      const date = `${nextYear}-06-24`
      const carts: string[] = []
      // Each cart holds the date in turn, once the one before lapsed; then the last lapses too.
      for (let i = 0; i < 10; i++) {
        const cart = await newCart()
        await addTier(cart.id, date)
        const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, studio.headers)).data.payment_collection
        await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
        carts.push(cart.id)
        travel(31 * MINUTE)
      }
      expect((await statusOf(date)).status).toBe("available")
      const results = await Promise.allSettled(carts.map((id) => api.post(`/store/carts/${id}/complete`, {}, studio.headers)))
      const orders = results.filter((r) => r.status === "fulfilled" && (r.value as any).data.type === "order")
      const conflicts = results.filter((r) => r.status === "rejected" && (r.reason as any).response?.status === 409)
      const other = results.filter((r) => !orders.includes(r) && !conflicts.includes(r))
      expect(other.map((r: any) => r.reason?.response?.data ?? r.value?.data)).toEqual([])
      expect(orders).toHaveLength(1)
      expect(conflicts).toHaveLength(9)
      expect((await bookings()).filter((b) => b.status !== "canceled").map((b) => [b.status, b.slot])).toEqual([["confirmed", 1]])
      expect((await statusOf(date)).status).toBe("sold_out")
    })

    it("frees a lapsed hold at once for readers and takers, before any cleanup", async () => {
      const date = `${nextYear}-06-15`
      const first = await newCart()
      await addTier(first.id, date)
      // Read (and cache) the held date, then let 31 minutes pass.
      expect((await statusOf(date)).status).toBe("held")
      travel(31 * MINUTE)
      expect(await statusOf(date)).toEqual({ date, status: "available", remaining: 1 })
      expect((await cartOf(first.id)).id).toBe(first.id)
      const second = await newCart()
      const taken = await addTier(second.id, date)
      expect(taken.data.hold.lapsed).toBe(false)
      // The lapsed hold was let go by the taker; the first cart sees its hold lapsed and cannot check out.
      const rows = await bookings()
      expect(rows.map((b) => [b.cart_id, b.status, b.slot])).toEqual([
        [first.id, "canceled", 1],
        [second.id, "held", 1],
      ])
      const refused = await fail(pay(first.id))
      expect(refused.status).toBe(409)
      expect(refused.data.message).toContain(`${date} is no longer available for Select (held)`)
      expect((await bookings()).filter((b) => b.status !== "canceled").map((b) => [b.cart_id, b.status])).toEqual([[second.id, "held"]])
      expect((await pay(second.id)).data.type).toBe("order")
    })

    it("books a cart whose hold lapsed when the date is still free", async () => {
      const date = `${nextYear}-06-16`
      const cart = await newCart()
      const { data } = await addTier(cart.id, date)
      travel(45 * MINUTE)
      const { data: placed } = await pay(cart.id)
      expect(placed.type).toBe("order")
      const [booking] = await bookings()
      expect(booking).toEqual(expect.objectContaining({ status: "confirmed", order_id: placed.order.id, slot: 1, event_date: date }))
      expect(new Date(booking.expires_at!).toISOString()).toBe(data.hold.expires_at)
    })

    it("gives a checkout's claim back to the hold when the checkout fails", async () => {
      const date = `${nextYear}-06-17`
      const cart = await newCart()
      await addTier(cart.id, date)
      // No payment session: Medusa refuses after the plugin claimed the date.
      const refused = await fail(api.post(`/store/carts/${cart.id}/complete`, {}, studio.headers))
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.status).toBeLessThan(500)
      expect((await bookings()).map((b) => b.status)).toEqual(["held"])
      expect((await statusOf(date)).status).toBe("held")
      expect((await pay(cart.id)).data.type).toBe("order")
    })

    it("releases the hold when the line is removed through Medusa's own route", async () => {
      const date = `${nextYear}-06-18`
      const cart = await newCart()
      const { data } = await addTier(cart.id, date)
      await api.delete(`/store/carts/${cart.id}/line-items/${data.hold.line_item_id}`, studio.headers)
      await waitFor(async () => (await bookings())[0].status === "canceled")
      expect(await statusOf(date)).toEqual({ date, status: "available", remaining: 1 })
      // The date taken again: a new hold, in the same slot.
      const other = await newCart()
      expect((await addTier(other.id, date)).data.hold.lapsed).toBe(false)
    })

    it("moves the hold with an upgrade, into the new tier's own capacity when it has one", async () => {
      const date = `${nextYear}-06-19`
      await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 2 } }, admin)
      const cart = await newCart()
      const { data } = await addTier(cart.id, date)
      const [held] = await bookings()
      const upgraded = (await api.post(`/store/carts/${cart.id}/tier-upgrade`, { line_item_id: data.hold.line_item_id, to_tier_id: complete.id }, studio.headers)).data
      const line = upgraded.cart.items.find((i: any) => i.metadata.tiered_kind === "tier")
      expect(upgraded.cart.holds).toEqual([{ line_item_id: line.id, event_date: date, expires_at: data.hold.expires_at, lapsed: false }])
      const [after] = await bookings()
      expect(after).toEqual(expect.objectContaining({ id: held.id, status: "held", tier_id: complete.id, pool: "" }))
      const record = await service().retrieveTierLine(after.tier_line_id!)
      expect(record.cart_line_item_id).toBe(line.id)

      // When Complete gets a capacity of its own, a second cart's upgrade moves its hold into that pool.
      await api.post(`/admin/availability/${studio.salesChannelId}`, { capacity_override: { product_id: after.product_id, capacity: 1 } }, admin)
      const other = await newCart()
      const second = (await addTier(other.id, date)).data
      expect((await bookings()).find((b) => b.cart_id === other.id)).toEqual(expect.objectContaining({ pool: "", slot: 2 }))
      const moved = (await api.post(`/store/carts/${other.id}/tier-upgrade`, { line_item_id: second.hold.line_item_id, to_tier_id: complete.id }, studio.headers)).data
      expect(moved.cart.holds).toHaveLength(1)
      expect((await bookings()).find((b) => b.cart_id === other.id)).toEqual(
        expect.objectContaining({ status: "held", tier_id: complete.id, pool: after.product_id, slot: 1 })
      )
      expect((await statusOf(date, complete)).status).toBe("held")
    })

    it("takes the tenant's hold time, and refuses hold times and zones outside the rules", async () => {
      const saved = await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { hold_minutes: 5, time_zone: "Pacific/Auckland" } }, admin)
      expect(saved.data.availability.settings).toEqual(expect.objectContaining({ hold_minutes: 5, time_zone: "Pacific/Auckland" }))
      for (const settings of [{ hold_minutes: 0 }, { hold_minutes: 1441 }, { hold_minutes: 2.5 }, { hold_minutes: "30" }, { time_zone: "Mars/Olympus" }, { time_zone: "US/Pacific-New" }, { time_zone: "UTC\u0000" }, { time_zone: "x".repeat(200) }]) {
        const refused = await fail(api.post(`/admin/availability/${studio.salesChannelId}`, { settings }, admin))
        expect(refused.status).toBe(400)
      }
      const kept = (await api.get(`/admin/availability/${studio.salesChannelId}`, admin)).data.availability.settings
      expect(kept).toEqual(expect.objectContaining({ hold_minutes: 5, time_zone: "Pacific/Auckland" }))
      const cart = await newCart()
      const before = Date.now()
      const { data } = await addTier(cart.id, `${nextYear}-06-20`)
      const expires = new Date(data.hold.expires_at).getTime()
      expect(expires).toBeGreaterThanOrEqual(before + 5 * MINUTE - 1000)
      expect(expires).toBeLessThanOrEqual(Date.now() + 5 * MINUTE)
    })

    it("lets go of lapsed holds and holds of lines no longer in their cart in the cleanup job's workflow", async () => {
      const [a, b, c] = [await newCart(), await newCart(), await newCart()]
      await addTier(a.id, `${nextYear}-06-21`)
      const removed = (await addTier(b.id, `${nextYear}-06-22`)).data.hold
      await addTier(c.id, `${nextYear}-06-23`)
      // Removed without its event reaching the subscriber (straight through Medusa's cart module).
      const cartModule = getContainer().resolve("cart") as { deleteLineItems: (ids: string[]) => Promise<void> }
      await cartModule.deleteLineItems([removed.line_item_id])
      const [first] = await bookings()
      await service().updateBookings({ id: first.id, expires_at: new Date(Date.now() - MINUTE) })
      const { result } = await releaseHoldsWorkflow(getContainer()).run({ input: {} })
      expect(result).toEqual({ lapsed: 1, released: 1, option_dates: 0, options_promoted: 0 })
      expect((await bookings()).map((x) => [x.cart_id, x.status])).toEqual([
        [a.id, "canceled"],
        [b.id, "canceled"],
        [c.id, "held"],
      ])
      // Run again: nothing more to do.
      expect((await releaseHoldsWorkflow(getContainer()).run({ input: {} })).result).toEqual({ lapsed: 0, released: 0, option_dates: 0, options_promoted: 0 })
    })
  },
})
