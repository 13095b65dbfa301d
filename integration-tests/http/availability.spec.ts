import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { adminHeaders, createPackageProduct, createTenant, Tenant, failed as fail, dayFromToday as day } from "./fixtures"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let venue: Tenant
    let tier: { id: string }
    let elopement: { id: string }
    let venueTier: { id: string }
    let products: Record<string, { id: string }>

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      venue = await createTenant(container, "Venue")
      products = {
        select: await createPackageProduct(container, { title: "Select", prices: { usd: 7500 }, salesChannelIds: [studio.salesChannelId] }),
        elopement: await createPackageProduct(container, { title: "Elopement", prices: { usd: 2000 }, salesChannelIds: [studio.salesChannelId] }),
        hall: await createPackageProduct(container, { title: "Hall", prices: { usd: 4000 }, salesChannelIds: [venue.salesChannelId] }),
      }
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment
      tier = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Select", product_id: products.select.id }, admin)).data.tier
      elopement = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: "Elopement", product_id: products.elopement.id }, admin)).data.tier
      venueTier = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 3, name: "Hall", product_id: products.hall.id }, admin)).data.tier
    })

    const book = async (tenant: Tenant, productId: string, date: string, pool: string, slot: number, status = "confirmed") => {
      const service: BookingModuleService = getContainer().resolve(BOOKING_MODULE)
      return service.createBookings({
        sales_channel_id: tenant.salesChannelId,
        tier_id: "tier_x",
        product_id: productId,
        event_date: date,
        pool,
        slot,
        status: status as "confirmed",
      })
    }

    const statuses = async (tierId: string, from: string, to: string, tenant = studio) =>
      (await api.get(`/store/tiers/${tierId}/availability?from=${from}&to=${to}`, tenant.headers)).data.dates

    it("answers every date available by default, for 90 days from today", async () => {
      const { data } = await api.get(`/store/tiers/${tier.id}/availability`, studio.headers)
      expect(data.tier_id).toBe(tier.id)
      expect(data.dates).toHaveLength(90)
      expect(data.dates[0]).toEqual({ date: day(0), status: "available", remaining: 1 })
      expect(data.dates[89].date).toBe(day(89))
    })

    it("applies the tenant's capacity, blackouts, window, high demand and bookings", async () => {
      const base = 40
      const saved = (
        await api.post(
          `/admin/availability/${studio.salesChannelId}`,
          {
            settings: { capacity_per_date: 2, min_lead_days: 7, max_advance_days: 60, high_demand_threshold: 1 },
            add_blackouts: [
              { start_date: day(base + 2), end_date: day(base + 4), reason: "Studio holiday" },
              { start_date: day(base + 6) },
            ],
            add_high_demand_dates: [{ date: day(base + 8), note: "Festival weekend" }],
          },
          admin
        )
      ).data.availability
      expect(saved.settings).toEqual({
        sales_channel_id: studio.salesChannelId,
        capacity_per_date: 2,
        min_lead_days: 7,
        max_advance_days: 60,
        high_demand_threshold: 1,
        hold_minutes: 30,
        time_zone: "UTC",
      })
      expect(saved.blackouts.map((b: any) => [b.start_date, b.end_date, b.reason])).toEqual([
        [day(base + 2), day(base + 4), "Studio holiday"],
        [day(base + 6), day(base + 6), null],
      ])

      await book(studio, products.select.id, day(base), "", 1)
      await book(studio, products.select.id, day(base + 1), "", 1)
      await book(studio, products.select.id, day(base + 1), "", 2)
      await book(studio, products.select.id, day(base + 5), "", 1, "canceled")

      const dates = await statuses(tier.id, day(base), day(base + 8))
      expect(dates.map((d: any) => [d.status, d.remaining])).toEqual([
        ["limited", 1],
        ["sold_out", 0],
        ["blackout", 0],
        ["blackout", 0],
        ["blackout", 0],
        ["available", 2], // a canceled booking frees its slot
        ["blackout", 0],
        ["available", 2],
        ["limited", 2],
      ])
      expect(dates[2].reason).toBe("Studio holiday")

      const window = await statuses(tier.id, day(6), day(7))
      expect(window.map((d: any) => d.status)).toEqual(["unavailable", "available"])
      const far = await statuses(tier.id, day(60), day(61))
      expect(far.map((d: any) => d.status)).toEqual(["available", "unavailable"])

      // Another tenant's settings and bookings do not touch this one.
      const venueDates = await statuses(venueTier.id, day(base + 1), day(base + 2), venue)
      expect(venueDates.map((d: any) => [d.status, d.remaining])).toEqual([
        ["available", 1],
        ["available", 1],
      ])
    })

    it("gives a tier with its own capacity its own pool", async () => {
      await api.post(`/admin/availability/${studio.salesChannelId}`, { capacity_override: { product_id: products.elopement.id, capacity: 3 } }, admin)
      const date = day(20)
      await book(studio, products.select.id, date, "", 1)
      await book(studio, products.elopement.id, date, products.elopement.id, 1)

      expect((await statuses(tier.id, date, date))[0]).toEqual({ date, status: "sold_out", remaining: 0 })
      expect((await statuses(elopement.id, date, date))[0]).toEqual({ date, status: "available", remaining: 2 })

      const calendar = (
        await api.get(`/admin/availability/${studio.salesChannelId}/calendar?from=${date}&to=${date}&product_id=${products.elopement.id}`, admin)
      ).data
      expect(calendar.capacity).toBe(3)
      expect(calendar.dates).toEqual([{ date, status: "available", remaining: 2, booked: 1 }])
      const shared = (await api.get(`/admin/availability/${studio.salesChannelId}/calendar?from=${date}&to=${date}`, admin)).data
      expect(shared.dates).toEqual([{ date, status: "sold_out", remaining: 0, booked: 1 }])

      // Removing the override returns the tier to the shared pool.
      await api.post(`/admin/availability/${studio.salesChannelId}`, { capacity_override: { product_id: products.elopement.id, capacity: null } }, admin)
      expect((await statuses(elopement.id, date, date))[0].status).toBe("sold_out")
    })

    it("removes blackouts and flags, and flags a date only once", async () => {
      const first = (
        await api.post(
          `/admin/availability/${studio.salesChannelId}`,
          { add_blackouts: [{ start_date: day(30) }], add_high_demand_dates: [{ date: day(31) }, { date: day(31) }] },
          admin
        )
      ).data.availability
      expect(first.high_demand_dates).toHaveLength(1)
      const again = (await api.post(`/admin/availability/${studio.salesChannelId}`, { add_high_demand_dates: [{ date: day(31) }] }, admin)).data.availability
      expect(again.high_demand_dates).toHaveLength(1)
      const cleared = (
        await api.post(
          `/admin/availability/${studio.salesChannelId}`,
          { remove_blackout_ids: [first.blackouts[0].id], remove_high_demand_date_ids: [first.high_demand_dates[0].id] },
          admin
        )
      ).data.availability
      expect(cleared.blackouts).toEqual([])
      expect(cleared.high_demand_dates).toEqual([])
      expect((await statuses(tier.id, day(30), day(31))).map((d: any) => d.status)).toEqual(["available", "available"])
    })

    it("refuses bad input, unknown tenants, other tenants' tiers and anonymous admins", async () => {
      const bad = [
        {},
        { settings: { capacity_per_date: 0 } },
        { settings: { min_lead_days: -1 } },
        { settings: { capacity_per_date: "2" } },
        { add_blackouts: [{ start_date: "2027-02-30" }] },
        { add_blackouts: [{ start_date: day(10), end_date: day(9) }] },
        { add_high_demand_dates: [{ date: "soon" }] },
        { capacity_override: { product_id: products.select.id, capacity: 0 } },
        { settings: { capacity: 2 } },
      ]
      for (const body of bad) {
        const response = await fail(api.post(`/admin/availability/${studio.salesChannelId}`, body, admin))
        expect([body, response.status]).toEqual([body, 400])
      }
      expect((await fail(api.post(`/admin/availability/sc_missing`, { settings: { capacity_per_date: 2 } }, admin))).status).toBe(404)
      expect((await fail(api.get(`/admin/availability/sc_missing`, admin))).status).toBe(404)
      expect(
        (await fail(api.post(`/admin/availability/${studio.salesChannelId}`, { capacity_override: { product_id: "prod_missing", capacity: 2 } }, admin))).status
      ).toBe(404)
      expect((await fail(api.get(`/admin/availability/${studio.salesChannelId}`))).status).toBe(401)
      expect((await api.get(`/admin/availability/${studio.salesChannelId}`, admin)).data.availability.settings.capacity_per_date).toBe(1)

      expect((await fail(api.get(`/store/tiers/${venueTier.id}/availability`, studio.headers))).status).toBe(404)
      expect((await fail(api.get(`/store/tiers/tier_missing/availability`, studio.headers))).status).toBe(404)
      for (const q of [`from=${day(5)}&to=${day(4)}`, `from=${day(0)}&to=${day(366)}`, `from=yesterday`, `to=${day(400)}`, `days=3`]) {
        const response = await fail(api.get(`/store/tiers/${tier.id}/availability?${q}`, studio.headers))
        expect([q, response.status]).toEqual([q, 400])
      }
      expect((await statuses(tier.id, day(0), day(365))).length).toBe(366)
    })
  },
})
