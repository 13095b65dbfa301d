import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { parseCalendar, type ParsedCalendar } from "../../src/lib/__tests__/ical"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant, failed as fail, dayFromToday as day, eventually, travel } from "./fixtures"

jest.setTimeout(240 * 1000)

const nextYear = new Date().getUTCFullYear() + 1
const FEED_PATH = /^\/tiered\/calendar\/[A-Za-z0-9_-]{43}\.ics$/

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let venue: Tenant
    let region: { id: string }
    let select: { id: string }
    let v: Record<string, string>

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      venue = await createTenant(container, "Venue")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [studio.salesChannelId] }) as any
      const pSelect = await mk("Select", 7500)
      const album = await mk("Album", 1200)
      v = { select: pSelect.variants[0].id, album: album.variants[0].id }
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment
      select = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Select", product_id: pSelect.id }, admin)).data.tier
      await api.post("/admin/addon-rules", { product_id: album.id, segment_id: segment.id, max_quantity: 2 }, admin)
    })

    const service = (): BookingModuleService => getContainer().resolve(BOOKING_MODULE)
    const settingsRows = () => service().listAvailabilitySettings({})
    const feedOf = async (tenant: Tenant | string) =>
      (await api.get(`/admin/availability/${typeof tenant === "string" ? tenant : tenant.salesChannelId}/feed`, admin)).data.feed.url as string
    const rotate = async (tenant: Tenant) =>
      (await api.post(`/admin/availability/${tenant.salesChannelId}/feed/rotate`, {}, admin)).data.feed.url as string
    /** The feed as a calendar app gets it: no key, no session. */
    const fetchFeed = async (url: string): Promise<{ text: string; calendar: ParsedCalendar }> => {
      const response = await api.get(new URL(url).pathname)
      expect(response.status).toBe(200)
      expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8")
      return { text: response.data, calendar: parseCalendar(response.data) }
    }
    const byUid = (calendar: ParsedCalendar) => new Map(calendar.events.map((e) => [e.uid, e]))

    /** A checked-out order for a client, with an add-on; its booking. */
    const checkout = async (date: string, client: { first_name: string; last_name: string; email: string }) => {
      const cart = (
        await api.post(
          "/store/carts",
          { region_id: region.id, email: client.email, shipping_address: { first_name: client.first_name, last_name: client.last_name } },
          studio.headers
        )
      ).data.cart
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: select.id, event_date: date, guest_count: 60, addon_variant_ids: [v.album] }, studio.headers)
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, studio.headers)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, studio.headers)
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, studio.headers)
      expect(data.type).toBe("order")
      const [booking] = await service().listBookings({ order_id: data.order.id })
      return { order: data.order, booking }
    }
    const book = (tenant: Tenant, date: string, status: string, extra: Record<string, unknown> = {}) =>
      service().createBookings({
        sales_channel_id: tenant.salesChannelId,
        tier_id: select.id,
        product_id: "prod_x",
        event_date: date,
        pool: "",
        slot: 1,
        status: status as "confirmed",
        ...extra,
      })

    it("gives each tenant one secret feed URL, made on first ask, to admins only", async () => {
      expect((await fail(api.get(`/admin/availability/${studio.salesChannelId}/feed`))).status).toBe(401)
      expect((await fail(api.post(`/admin/availability/${studio.salesChannelId}/feed/rotate`, {}))).status).toBe(401)
      expect(await settingsRows()).toEqual([])

      for (const call of [
        () => api.get("/admin/availability/sc_missing/feed", admin),
        () => api.post("/admin/availability/sc_missing/feed/rotate", {}, admin),
      ]) {
        expect((await fail(call())).status).toBe(404)
      }
      expect(await settingsRows()).toEqual([])

      // The first ask makes the tenant's settings row (defaults) with the secret; the next gets the same URL.
      const url = await feedOf(studio)
      expect(new URL(url).pathname).toMatch(FEED_PATH)
      expect(await feedOf(studio)).toBe(url)
      const [row] = await settingsRows()
      expect(row).toEqual(expect.objectContaining({ sales_channel_id: studio.salesChannelId, capacity_per_date: 1, feed_token: expect.any(String) }))
      expect(url).toContain(row.feed_token!)
      // The secret is not part of the availability answer.
      expect(JSON.stringify((await api.get(`/admin/availability/${studio.salesChannelId}`, admin)).data)).not.toContain(row.feed_token!)

      // A tenant with saved settings keeps them; each tenant has its own secret.
      await api.post(`/admin/availability/${venue.salesChannelId}`, { settings: { capacity_per_date: 3 } }, admin)
      const venueUrl = await feedOf(venue)
      expect(venueUrl).not.toBe(url)
      const venueRow = (await settingsRows()).find((r) => r.sales_channel_id === venue.salesChannelId)!
      expect(venueRow.capacity_per_date).toBe(3)
      expect(await settingsRows()).toHaveLength(2)
    })

    it("agrees on one secret when two first asks race", async () => {
      const urls = await Promise.all([feedOf(studio), feedOf(studio), feedOf(studio)])
      expect(new Set(urls).size).toBe(1)
      expect(await settingsRows()).toHaveLength(1)
    })

    it("lists the tenant's live bookings and blackouts as all-day events, and nothing else", async () => {
      const date = `${nextYear}-07-17`
      const jane = await checkout(date, { first_name: "Jane", last_name: "Doe", email: "jane@example.com" })
      const canceled = await checkout(`${nextYear}-07-18`, { first_name: "Sam", last_name: "Roe", email: "sam@example.com" })
      await api.post(`/admin/orders/${canceled.order.id}/cancel`, {}, admin)
      for (let i = 0; i < 50 && (await service().retrieveBooking(canceled.booking.id)).status !== "canceled"; i++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      expect((await service().retrieveBooking(canceled.booking.id)).status).toBe("canceled")

      const past = await book(studio, day(-10), "completed", { guest_count: 80 })
      await book(studio, day(30), "held", { expires_at: new Date(Date.now() + 30 * 60_000) })
      await book(studio, day(31), "pending")
      await book(studio, day(-100), "completed") // before the window
      await book(studio, day(800), "confirmed") // after it
      await book(venue, date, "confirmed", { tier_id: "tier_gone" }) // another tenant's
      await api.post(
        `/admin/availability/${studio.salesChannelId}`,
        { add_blackouts: [{ start_date: `${nextYear}-08-01`, end_date: `${nextYear}-08-03`, reason: "Studio holiday, closed" }] },
        admin
      )
      const [blackout] = await service().listBlackouts({ sales_channel_id: studio.salesChannelId })

      const url = await feedOf(studio)
      const { text, calendar } = await fetchFeed(url)
      expect(calendar.name).toBe("Studio bookings")
      expect(calendar.refresh_interval).toBe("PT1H")
      expect(calendar.events.map((e) => e.uid)).toEqual([`${past.id}@tiered`, `${jane.booking.id}@tiered`, `${blackout.id}@tiered`])
      const events = byUid(calendar)

      const orderUrl = `${new URL(url).origin}/app/orders/${jane.order.id}`
      expect(events.get(`${jane.booking.id}@tiered`)).toEqual({
        uid: `${jane.booking.id}@tiered`,
        start: date,
        end: `${nextYear}-07-18`,
        all_day: true,
        summary: "Select – Jane Doe",
        description: [
          "Client: Jane Doe <jane@example.com>",
          "Guests: 60",
          "Add-ons: Album",
          `Order #${jane.order.display_id}: ${orderUrl}`,
        ].join("\n"),
        status: "CONFIRMED",
        transp: "OPAQUE",
        url: orderUrl,
        dtstamp: expect.stringMatching(/Z$/),
      })
      // A booking without an order: the tier and what is known.
      expect(events.get(`${past.id}@tiered`)).toEqual(
        expect.objectContaining({ start: day(-10), end: day(-9), summary: "Select", description: "Guests: 80\nCompleted", url: null })
      )
      expect(events.get(`${blackout.id}@tiered`)).toEqual(
        expect.objectContaining({
          start: `${nextYear}-08-01`,
          end: `${nextYear}-08-04`,
          all_day: true,
          summary: "Blackout: Studio holiday, closed",
          transp: "OPAQUE",
        })
      )
      expect(text).not.toContain("sam@example.com")

      // The other tenant's feed has its booking only (its tier is not its own: named "Booking").
      const venueFeed = (await fetchFeed(await feedOf(venue))).calendar
      expect(venueFeed.name).toBe("Venue bookings")
      expect(venueFeed.events.map((e) => [e.start, e.summary])).toEqual([[date, "Booking"]])
    })

    it("keeps each event's UID and stamp across fetches and unrelated changes, so calendar apps update in place", async () => {
      const jane = await checkout(`${nextYear}-09-05`, { first_name: "Jane", last_name: "Doe", email: "jane@example.com" })
      const url = await feedOf(studio)
      const first = await fetchFeed(url)
      const again = await fetchFeed(url)
      expect(again.text).toBe(first.text)
      // A poll that finds nothing new is answered 304 (the ETag of the same text).
      const { headers } = await api.get(new URL(url).pathname)
      expect(headers.etag).toBeTruthy()
      const unchanged = await api.get(new URL(url).pathname, { headers: { "if-none-match": headers.etag }, validateStatus: () => true })
      expect(unchanged.status).toBe(304)

      await api.post(
        `/admin/availability/${studio.salesChannelId}`,
        { settings: { capacity_per_date: 2 }, add_blackouts: [{ start_date: `${nextYear}-10-01`, reason: "Fair" }] },
        admin
      )
      await checkout(`${nextYear}-09-06`, { first_name: "Ann", last_name: "Lee", email: "ann@example.com" })
      const after = await fetchFeed(url)
      const before = byUid(first.calendar).get(`${jane.booking.id}@tiered`)
      expect(byUid(after.calendar).get(`${jane.booking.id}@tiered`)).toEqual(before)
      expect(after.calendar.events.map((e) => e.summary)).toEqual(["Select – Jane Doe", "Select – Ann Lee", "Blackout: Fair"])
    })

    it("rotates the secret: the old URL answers 404 at once, the new one the feed", async () => {
      // Rotating a tenant that never asked for its feed makes one.
      const made = await rotate(venue)
      expect(new URL(made).pathname).toMatch(FEED_PATH)

      const old = await feedOf(studio)
      await fetchFeed(old)
      const fresh = await rotate(studio)
      expect(fresh).not.toBe(old)
      expect(new URL(fresh).pathname).toMatch(FEED_PATH)
      expect(await feedOf(studio)).toBe(fresh)
      const refused = await fail(api.get(new URL(old).pathname))
      expect(refused.status).toBe(404)
      expect((await fetchFeed(fresh)).calendar.name).toBe("Studio bookings")
      // The other tenant's URL is untouched.
      expect(await feedOf(venue)).toBe(made)
      await fetchFeed(made)
    })

    it("answers one 404 to any token it does not know, 400 or 404 to hostile ones, never 500", async () => {
      const url = await feedOf(studio)
      const token = new URL(url).pathname.split("/")[3].replace(/\.ics$/, "")
      // Without .ics it is the same feed.
      expect((await api.get(`/tiered/calendar/${token}`)).data).toBe((await api.get(`/tiered/calendar/${token}.ics`)).data)

      const unknown = await fail(api.get(`/tiered/calendar/${"A".repeat(43)}.ics`))
      expect(unknown.status).toBe(404)
      for (const path of [
        `/tiered/calendar/${token.slice(1)}`,
        `/tiered/calendar/${token}x`,
        `/tiered/calendar/${token.toLowerCase() === token ? token.toUpperCase() : token.toLowerCase()}`,
        `/tiered/calendar/${"a".repeat(5000)}`,
        `/tiered/calendar/${token}.ics.ics`,
        `/tiered/calendar/${encodeURIComponent(token + "'; --")}`,
      ]) {
        const refused = await fail(api.get(path))
        expect([path.length, refused.status, refused.data]).toEqual([path.length, 404, unknown.data])
      }
      for (const path of [`/tiered/calendar/${token.slice(0, 20)}%00${token.slice(20)}`, `/tiered/calendar/%E0%A4%A`, `/tiered/calendar/${token}?x=%00`]) {
        const refused = await fail(api.get(path))
        expect([path, refused.status]).toEqual([path, 400])
      }

      // A deleted tenant's feed is gone.
      await api.delete(`/admin/sales-channels/${studio.salesChannelId}`, admin)
      expect((await fail(api.get(new URL(url).pathname))).status).toBe(404)
    })
    it("lists options holding a date as tentative events, until they are booked, released or lapse", async () => {
      const url = await feedOf(studio)
      const date = `${nextYear}-06-20`
      const options = `/admin/availability/${studio.salesChannelId}/options`
      const pencil = async (client: string, hours: number) =>
        (
          await api.post(
            options,
            { event_date: date, tier_id: select.id, client_name: client, client_email: `${client.toLowerCase()}@example.com`, note: "Garden; maybe", expires_in_hours: hours },
            admin
          )
        ).data.option
      const ana = await pencil("Ana", 48)
      const ben = await pencil("Ben", 2)
      await pencil("Cy", 2)
      // Another tenant's option never shows.
      await service().createDateOptions({
        sales_channel_id: venue.salesChannelId, event_date: date, tier_id: select.id, product_id: "prod_x", client_name: "Vic", client_email: "vic@example.com",
        hold_hours: 5, expires_at: new Date(Date.now() + 5 * 3_600_000), position: 1, status: "live",
      })
      const until = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`

      let events = (await fetchFeed(url)).calendar.events
      expect(events.map((e) => [e.uid, e.start, e.end, e.all_day, e.summary, e.status, e.url])).toEqual([
        [`${ana.id}@tiered`, date, `${nextYear}-06-21`, true, "Option: Ana (Select)", "TENTATIVE", null],
      ])
      expect(events[0].description).toBe(
        `Client: Ana <ana@example.com>\n1st option, holding the date until ${until(ana.expires_at)}\n2 more options queued behind it\nNote: Garden; maybe`
      )

      // Converted: still holding, with its draft order's link; the UID stays.
      const converted = (await api.post(`${options}/${ana.id}/convert`, { region_id: region.id }, admin)).data.option
      const draftUrl = `${new URL(url).origin}/app/draft-orders/${converted.draft_order_id}`
      events = (await fetchFeed(url)).calendar.events
      expect(events.map((e) => [e.uid, e.summary, e.url])).toEqual([[`${ana.id}@tiered`, "Option: Ana (Select)", draftUrl]])
      expect(events[0].description).toContain(`Draft order: ${draftUrl}`)

      // Released: gone; the next option moved up and shows in its place.
      await api.post(`${options}/${ana.id}/release`, {}, admin)
      events = (await fetchFeed(url)).calendar.events
      const [promoted] = (await api.get(`${options}?from=${date}&to=${date}`, admin)).data.options.filter((o: any) => o.id === ben.id)
      expect(events.map((e) => [e.uid, e.summary, e.status])).toEqual([[`${ben.id}@tiered`, "Option: Ben (Select)", "TENTATIVE"]])
      expect(events[0].description).toContain(`2nd option, holding the date until ${until(promoted.expires_at)}\n1 more option queued behind it`)

      // Booked: the option leaves the feed and its booking takes its place.
      const other = `${nextYear}-06-21`
      const dee = (
        await api.post(options, { event_date: other, tier_id: select.id, client_name: "Dee", client_email: "dee@example.com", expires_in_hours: 5 }, admin)
      ).data.option
      const draft = (await api.post(`${options}/${dee.id}/convert`, { region_id: region.id }, admin)).data.option.draft_order_id
      await api.post(`/admin/draft-orders/${draft}/convert-to-order`, {}, admin)
      const [booking] = await eventually(() => service().listBookings({ option_id: dee.id, status: "confirmed" }), (b) => b.length > 0)
      events = (await fetchFeed(url)).calendar.events
      expect(events.map((e) => [e.uid, e.start, e.status])).toEqual([
        [`${ben.id}@tiered`, date, "TENTATIVE"],
        [`${booking.id}@tiered`, other, "CONFIRMED"],
      ])

      // Lapsed: gone at once, before any job marks it.
      travel(2 * 3_600_000 + 60_000)
      events = (await fetchFeed(url)).calendar.events
      expect(events.map((e) => e.uid)).toEqual([`${booking.id}@tiered`])
      jest.useRealTimers()
    })
  },
})
