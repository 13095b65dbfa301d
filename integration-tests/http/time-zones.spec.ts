import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { refreshBookingsWorkflow } from "../../src/workflows/refresh-bookings"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant, failed as fail, setClock } from "./fixtures"
import { newVisitor } from "./visitors"

jest.setTimeout(240 * 1000)

// 09:30 UTC on 2027-03-14: 23:30 on the 14th at Kiritimati (UTC+14), 22:30 on the 13th at Pago Pago (UTC-11),
// 01:30 PST on the 14th in Los Angeles, half an hour before its clocks go forward.
const NOW = "2027-03-14T09:30:00Z"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let kiri: Tenant
    let pago: Tenant
    let la: Tenant
    let region: { id: string }
    let tiers: Record<"kiri" | "pago" | "la", { id: string }>
    let segmentId: string

    const tierOf = async (tenant: Tenant, level: number, name: string): Promise<{ id: string }> => {
      const product = await createPackageProduct(getContainer(), { title: name, prices: { usd: 1000 }, salesChannelIds: [tenant.salesChannelId] })
      return (await api.post(`/admin/segments/${segmentId}/tiers`, { level, name, product_id: product.id }, admin)).data.tier
    }

    const settings = async (tenant: Tenant) => (await api.get(`/admin/availability/${tenant.salesChannelId}`, admin)).data.availability.settings
    const configure = (tenant: Tenant, body: Record<string, unknown>) =>
      api.post(`/admin/availability/${tenant.salesChannelId}`, { settings: body }, admin)
    const availability = async (tierId: string, tenant: Tenant, query = "") =>
      (await api.get(`/store/tiers/${tierId}/availability${query}`, tenant.headers)).data.dates as { date: string; status: string }[]
    const statusOn = async (tierId: string, tenant: Tenant, date: string) => (await availability(tierId, tenant, `?from=${date}&to=${date}`))[0].status
    const newCart = async (tenant: Tenant) => (await api.post("/store/carts", { region_id: region.id }, tenant.headers)).data.cart
    const cartItems = async (cartId: string, tenant: Tenant) => (await api.get(`/store/carts/${cartId}`, tenant.headers)).data.cart.items

    beforeEach(async () => {
      setClock(NOW)
      const container = getContainer()
      admin = await adminHeaders(container)
      kiri = await createTenant(container, "Kiritimati")
      pago = await createTenant(container, "Pago Pago")
      la = await createTenant(container, "Los Angeles")
      region = await createRegion(container, "usd")
      segmentId = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment.id
      tiers = { kiri: await tierOf(kiri, 1, "Atoll"), pago: await tierOf(pago, 2, "Harbour"), la: await tierOf(la, 3, "Canyon") }
      await configure(kiri, { time_zone: "Pacific/Kiritimati", min_lead_days: 0 })
      await configure(pago, { time_zone: "Pacific/Pago_Pago", min_lead_days: 0 })
      await configure(la, { time_zone: "America/Los_Angeles", min_lead_days: 0 })
    })

    afterEach(() => {
      jest.useRealTimers()
    })

    it("gives tenants at UTC+14 and UTC-11 their own today at the same instant", async () => {
      expect(new Date().toISOString()).toBe("2027-03-14T09:30:00.000Z")
      expect((await settings(kiri)).time_zone).toBe("Pacific/Kiritimati")

      // Without a range, availability starts on each tenant's today.
      expect((await availability(tiers.kiri.id, kiri))[0]).toEqual({ date: "2027-03-14", status: "available", remaining: 1 })
      expect((await availability(tiers.pago.id, pago))[0]).toEqual({ date: "2027-03-13", status: "available", remaining: 1 })
      expect(await availability(tiers.pago.id, pago)).toHaveLength(90)
      // The 13th is yesterday at Kiritimati, today at Pago Pago.
      expect(await statusOn(tiers.kiri.id, kiri, "2027-03-13")).toBe("unavailable")
      expect(await statusOn(tiers.pago.id, pago, "2027-03-13")).toBe("available")

      // A day of lead time: Kiritimati's first bookable date is the 15th, Pago Pago's the 14th.
      await configure(kiri, { min_lead_days: 1 })
      await configure(pago, { min_lead_days: 1 })
      const first = (dates: { date: string; status: string }[]) => dates.find((d) => d.status === "available")?.date
      expect(first(await availability(tiers.kiri.id, kiri))).toBe("2027-03-15")
      expect(first(await availability(tiers.pago.id, pago))).toBe("2027-03-14")
      expect(await statusOn(tiers.kiri.id, kiri, "2027-03-14")).toBe("unavailable")
      expect(await statusOn(tiers.pago.id, pago, "2027-03-14")).toBe("available")

      // Tier-items judge the date by the cart's tenant's today; a refusal changes nothing.
      const kiriCart = await newCart(kiri)
      const refused = await fail(api.post(`/store/carts/${kiriCart.id}/tier-items`, { tier_id: tiers.kiri.id, event_date: "2027-03-14" }, kiri.headers))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("2027-03-14 is outside the booking window for Atoll")
      expect(await cartItems(kiriCart.id, kiri)).toEqual([])
      const service: BookingModuleService = getContainer().resolve(BOOKING_MODULE)
      expect(await service.listBookings({})).toEqual([])

      const pagoCart = await newCart(pago)
      const added = await api.post(`/store/carts/${pagoCart.id}/tier-items`, { tier_id: tiers.pago.id, event_date: "2027-03-14" }, pago.headers)
      expect(added.status).toBe(200)
      expect(await cartItems(pagoCart.id, pago)).toHaveLength(1)
      const kiriLater = await api.post(`/store/carts/${kiriCart.id}/tier-items`, { tier_id: tiers.kiri.id, event_date: "2027-03-15" }, kiri.headers)
      expect(kiriLater.status).toBe(200)
    })

    it("applies a last-minute rule by each tenant's today", async () => {
      await api.post("/admin/pricing-rules", { label: "Same day", kind: "last_minute", days: 1, percent: -20 }, admin)
      const priced = async (tenant: Tenant) => {
        const { data } = await api.get(`/store/segments/signature?region_id=${region.id}&event_date=2027-03-14`, tenant.headers)
        expect(data.tiers).toHaveLength(1)
        return data.tiers[0].price
      }
      // The 14th is today at Kiritimati (0 days away), tomorrow at Pago Pago (1 day away).
      const atKiri = await priced(kiri)
      expect([atKiri.final, atKiri.adjustments.map((a: any) => a.label)]).toEqual([800, ["Same day"]])
      const atPago = await priced(pago)
      expect([atPago.final, atPago.adjustments]).toEqual([1000, []])

      // The line tier-items prices is the same: the rule for Kiritimati, none for Pago Pago.
      const kiriCart = await newCart(kiri)
      await api.post(`/store/carts/${kiriCart.id}/tier-items`, { tier_id: tiers.kiri.id, event_date: "2027-03-14" }, kiri.headers)
      const pagoCart = await newCart(pago)
      await api.post(`/store/carts/${pagoCart.id}/tier-items`, { tier_id: tiers.pago.id, event_date: "2027-03-14" }, pago.headers)
      expect((await cartItems(kiriCart.id, kiri))[0].unit_price).toBe(800)
      expect((await cartItems(pagoCart.id, pago))[0].unit_price).toBe(1000)

      // An hour and a half later Pago Pago's day turns too (midnight there is 11:00 UTC): the cached answer is not served.
      jest.setSystemTime(new Date("2027-03-14T11:00:00Z"))
      expect((await priced(pago)).final).toBe(800)
    })

    it("keeps Los Angeles' today across the DST change of 2027-03-14, and its cached answers stop at its midnight", async () => {
      const firstDate = async () => (await availability(tiers.la.id, la))[0].date
      // 01:30 PST.
      expect(await firstDate()).toBe("2027-03-14")
      // 23:30 PST on the 13th: a day earlier (and a fresh answer, not the one cached above).
      jest.setSystemTime(new Date("2027-03-14T07:30:00Z"))
      expect(await firstDate()).toBe("2027-03-13")
      expect(await statusOn(tiers.la.id, la, "2027-03-13")).toBe("available")
      // 03:30 PDT, after the clocks went forward: still the 14th.
      jest.setSystemTime(new Date("2027-03-14T10:30:00Z"))
      expect(await firstDate()).toBe("2027-03-14")
      expect(await statusOn(tiers.la.id, la, "2027-03-13")).toBe("unavailable")
      // 23:59 PDT on the 14th, a day of 23 hours: still the 14th; one minute later the 15th.
      jest.setSystemTime(new Date("2027-03-15T06:59:00Z"))
      expect(await firstDate()).toBe("2027-03-14")
      jest.setSystemTime(new Date("2027-03-15T07:00:00Z"))
      expect(await firstDate()).toBe("2027-03-15")
      // November's change: midnight of the 8th is at 08:00 UTC (PST again), after a 25-hour day.
      jest.setSystemTime(new Date("2027-11-08T07:30:00Z"))
      expect(await firstDate()).toBe("2027-11-07")
      jest.setSystemTime(new Date("2027-11-08T08:00:00Z"))
      expect(await firstDate()).toBe("2027-11-08")
    })

    it("moves a tenant's today, cached store answers included, the moment it changes its zone", async () => {
      const price = async () =>
        (await api.get(`/store/segments/signature?region_id=${region.id}&event_date=2027-03-14`, kiri.headers)).data.tiers[0].price.final
      await api.post("/admin/pricing-rules", { label: "Same day", kind: "last_minute", days: 1, percent: -20 }, admin)
      expect((await availability(tiers.kiri.id, kiri))[0].date).toBe("2027-03-14")
      expect(await price()).toBe(800)
      // Both answers are now cached; the zone's change drops them.
      await configure(kiri, { time_zone: "Pacific/Pago_Pago" })
      expect((await availability(tiers.kiri.id, kiri))[0].date).toBe("2027-03-13")
      expect(await price()).toBe(1000)
      // Asked again within the same day, the same answers (from the cache or not, they agree).
      expect((await availability(tiers.kiri.id, kiri))[0].date).toBe("2027-03-13")
    })

    it("refuses a time zone that is not one, with 400 and nothing changed", async () => {
      await configure(kiri, { capacity_per_date: 3 })
      const before = await settings(kiri)
      for (const zone of ["Mars/Olympus", "UTC\u0000", "A".repeat(200), "+05:00", "", " UTC", 42, null]) {
        const response = await fail(configure(kiri, { time_zone: zone, capacity_per_date: 9 }))
        expect([zone, response.status]).toEqual([zone, 400])
        expect(response.data.message).toContain("time_zone")
      }
      expect(await settings(kiri)).toEqual(before)
      expect((await availability(tiers.kiri.id, kiri))[0].date).toBe("2027-03-14")
    })

    it("cuts report days at the tenant's midnight: an event at 10:30 UTC is on the 14th in UTC, the 15th at Kiritimati", async () => {
      const utc = await createTenant(getContainer(), "Greenwich")
      await tierOf(utc, 4, "Meridian")
      jest.setSystemTime(new Date("2027-03-14T10:30:00Z"))
      for (const tenant of [kiri, utc]) {
        const visitor_id = await newVisitor(api, tenant)
        await api.post("/store/tier-events", { name: "segment_selected", visitor_id, segment: "signature" }, tenant.headers)
      }
      const analytics: TierAnalyticsModuleService = getContainer().resolve(TIER_ANALYTICS_MODULE)
      const events = await analytics.listTierEvents({})
      expect(events.map((e) => [e.sales_channel_id, new Date(e.created_at).toISOString()]).sort()).toEqual(
        [
          [kiri.salesChannelId, "2027-03-14T10:30:00.000Z"],
          [utc.salesChannelId, "2027-03-14T10:30:00.000Z"],
        ].sort()
      )
      const selected = async (tenant: Tenant | null, day: string) => {
        const { data } = await api.get(
          `/admin/tier-analytics/funnel?from=${day}&to=${day}${tenant ? `&sales_channel_id=${tenant.salesChannelId}` : ""}`,
          admin
        )
        return [data.time_zone, data.total.steps.segment_selected]
      }
      expect(await selected(kiri, "2027-03-14")).toEqual(["Pacific/Kiritimati", 0])
      expect(await selected(kiri, "2027-03-15")).toEqual(["Pacific/Kiritimati", 1])
      expect(await selected(utc, "2027-03-14")).toEqual(["UTC", 1])
      expect(await selected(utc, "2027-03-15")).toEqual(["UTC", 0])
      // Every tenant together counts in UTC.
      expect(await selected(null, "2027-03-14")).toEqual(["UTC", 2])
      // Without a range, a tenant's report runs the 30 days up to its own today.
      const defaults = (await api.get(`/admin/tier-analytics/funnel?sales_channel_id=${kiri.salesChannelId}`, admin)).data
      expect([defaults.from, defaults.to, defaults.total.steps.segment_selected]).toEqual(["2027-02-14", "2027-03-15", 1])
      const allDefaults = (await api.get(`/admin/tier-analytics/funnel`, admin)).data
      expect([allDefaults.from, allDefaults.to]).toEqual(["2027-02-13", "2027-03-14"])
      // A range whose start is after the tenant's today is refused.
      const late = await fail(api.get(`/admin/tier-analytics/funnel?from=2027-03-16&sales_channel_id=${kiri.salesChannelId}`, admin))
      expect(late.status).toBe(400)
    })

    it("completes past bookings and drops past high-demand flags by each tenant's today", async () => {
      const service: BookingModuleService = getContainer().resolve(BOOKING_MODULE)
      const booking = (tenant: Tenant, date: string) => ({
        sales_channel_id: tenant.salesChannelId,
        tier_id: "tier_x",
        product_id: "prod_x",
        event_date: date,
        pool: "",
        slot: 0,
        status: "confirmed" as const,
      })
      await service.createBookings([booking(kiri, "2027-03-13"), booking(pago, "2027-03-13"), booking(pago, "2027-03-12")])
      await service.createHighDemandDates([
        { sales_channel_id: kiri.salesChannelId, date: "2027-03-13" },
        { sales_channel_id: pago.salesChannelId, date: "2027-03-13" },
      ])
      const { result } = await refreshBookingsWorkflow(getContainer()).run({ input: { now: new Date().toISOString() } })
      expect(result).toEqual({ completed_bookings: 2, removed_high_demand_dates: 1 })
      const after = await service.listBookings({}, { select: ["sales_channel_id", "event_date", "status"] })
      const named = (sc: string) => (sc === kiri.salesChannelId ? "kiri" : "pago")
      expect(after.map((b) => [named(b.sales_channel_id), b.event_date, b.status]).sort()).toEqual([
        ["kiri", "2027-03-13", "completed"],
        ["pago", "2027-03-12", "completed"],
        ["pago", "2027-03-13", "confirmed"],
      ])
      expect((await service.listHighDemandDates({})).map((h) => [named(h.sales_channel_id), h.date])).toEqual([["pago", "2027-03-13"]])
    })
  },
})
