import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant, failed as fail, dayFromToday as day } from "./fixtures"

jest.setTimeout(120 * 1000)

const nextYear = new Date().getUTCFullYear() + 1

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let venue: Tenant
    let region: { id: string }
    let select: { id: string }
    let venueTier: { id: string }
    let v: Record<string, string>
    let p: Record<string, { id: string; variants: { id: string }[] }>

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      venue = await createTenant(container, "Venue")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number, tenants: Tenant[]) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: tenants.map((t) => t.salesChannelId) }) as any
      p = {
        select: await mk("Select", 7500, [studio]),
        hall: await mk("Hall", 4000, [venue]),
        album: await mk("Album", 1200, [studio]),
        hour: await mk("Extra hour", 400, [studio]),
        drone: await mk("Drone", 700, [studio]),
      }
      v = Object.fromEntries(Object.entries(p).map(([k, prod]) => [k, prod.variants[0].id]))
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment
      select = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Select", max_guests: 100, product_id: p.select.id }, admin)).data.tier
      venueTier = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: "Hall", product_id: p.hall.id }, admin)).data.tier
      await api.post("/admin/addon-rules", { product_id: p.album.id, segment_id: segment.id }, admin)
      await api.post("/admin/addon-rules", { product_id: p.hour.id, segment_id: segment.id, max_quantity: 4 }, admin)
      await api.post("/admin/pricing-rules", { label: "Peak season", kind: "season", months: [6, 7, 8, 9], percent: 20, priority: 1 }, admin)
    })

    const newCart = async (tenant = studio) => (await api.post("/store/carts", { region_id: region.id }, tenant.headers)).data.cart

    it("adds the tier line and its add-on lines at server prices with their breakdown", async () => {
      const cart = await newCart()
      const date = `${nextYear}-07-17`
      const { data } = await api.post(
        `/store/carts/${cart.id}/tier-items`,
        { tier_id: select.id, event_date: date, guest_count: 80, addon_variant_ids: [v.album, v.hour, v.hour] },
        studio.headers
      )
      const items = data.cart.items
      const tierLine = items.find((i: any) => i.metadata.tiered_kind === "tier")
      expect(tierLine).toEqual(
        expect.objectContaining({ variant_id: v.select, quantity: 1, unit_price: 9000, is_custom_price: true, requires_shipping: false })
      )
      expect(tierLine.metadata).toEqual({
        tiered_kind: "tier",
        tier_line_key: expect.stringMatching(/^tline_/),
        tier_line_id: expect.stringMatching(/^tlrec_/),
        tier_id: select.id,
        segment_id: expect.any(String),
        event_date: date,
        guest_count: 80,
        price_breakdown: {
          base: 7500,
          adjustments: [expect.objectContaining({ kind: "season", label: "Peak season", percent: 20, amount: 1500 })],
          final: 9000,
          currency_code: "usd",
        },
      })
      const addons = items.filter((i: any) => i.metadata.tiered_kind === "addon")
      // Three add-on units: the bundle takes 10% off each add-on line.
      expect(addons.map((i: any) => [i.variant_id, i.quantity, i.unit_price]).sort()).toEqual(
        [
          [v.album, 1, 1080],
          [v.hour, 2, 360],
        ].sort()
      )
      expect(addons.every((i: any) => i.metadata.tier_line_key === tierLine.metadata.tier_line_key)).toBe(true)
      expect(data.cart.total).toBe(9000 + 1080 + 720)

      // What the plugin decided is its own record of each line; the metadata is only a copy of it.
      const records = await (getContainer().resolve(BOOKING_MODULE) as BookingModuleService).listTierLines({ cart_id: cart.id })
      const tierRecord = records.find((r) => r.kind === "tier")!
      expect(tierRecord).toEqual(
        expect.objectContaining({
          id: tierLine.metadata.tier_line_id,
          cart_line_item_id: tierLine.id,
          sales_channel_id: studio.salesChannelId,
          tier_id: select.id,
          variant_id: v.select,
          event_date: date,
          guest_count: 80,
          quantity: 1,
          unit_price: 9000,
          status: "active",
        })
      )
      expect(
        records
          .filter((r) => r.kind === "addon")
          .map((r) => [r.variant_id, r.quantity, Number(r.unit_price), r.parent_id, r.cart_line_item_id])
          .sort()
      ).toEqual(
        addons.map((i: any) => [i.variant_id, i.quantity, i.unit_price, tierRecord.id, i.id]).sort()
      )

      // Two add-on units: no bundle.
      const second = await newCart()
      const plain = (
        await api.post(`/store/carts/${second.id}/tier-items`, { tier_id: select.id, event_date: `${nextYear}-11-10`, addon_variant_ids: [v.album, v.hour] }, studio.headers)
      ).data.cart.items
      expect(plain.map((i: any) => i.unit_price).sort((a: number, b: number) => a - b)).toEqual([400, 1200, 7500])
    })

    it("refuses what cannot be booked, with clear 4xx errors, and leaves the cart unchanged", async () => {
      const cart = await newCart()
      const post = (body: Record<string, unknown>, tenant = studio, cartId = cart.id) =>
        fail(api.post(`/store/carts/${cartId}/tier-items`, body, tenant.headers))
      const date = `${nextYear}-11-10`

      await api.post(
        `/admin/availability/${studio.salesChannelId}`,
        { settings: { min_lead_days: 5, max_advance_days: 800 }, add_blackouts: [{ start_date: `${nextYear}-12-24`, end_date: `${nextYear}-12-26`, reason: "Holidays" }] },
        admin
      )
      const service: BookingModuleService = getContainer().resolve(BOOKING_MODULE)
      await service.createBookings({ sales_channel_id: studio.salesChannelId, tier_id: select.id, product_id: p.select.id, event_date: `${nextYear}-10-02`, pool: "", slot: 1 })

      const cases: [Record<string, unknown>, number, string][] = [
        [{ tier_id: select.id, event_date: `${nextYear}-12-25` }, 400, "Holidays"],
        [{ tier_id: select.id, event_date: `${nextYear}-10-02` }, 409, "sold out"],
        [{ tier_id: select.id, event_date: day(2) }, 400, "outside the booking window"],
        [{ tier_id: select.id, event_date: day(900) }, 400, "outside the booking window"],
        [{ tier_id: select.id, event_date: date, guest_count: 101 }, 400, "at most 100 guests"],
        [{ tier_id: select.id, event_date: date, addon_variant_ids: [v.drone] }, 400, "not an add-on this tier can take"],
        [{ tier_id: select.id, event_date: date, addon_variant_ids: [v.album, v.album] }, 400, "at most 1 time"],
        [{ tier_id: select.id, event_date: date, addon_variant_ids: ["variant_missing"] }, 400, "not an add-on"],
        [{ tier_id: venueTier.id, event_date: date }, 404, venueTier.id],
        [{ tier_id: "tier_missing", event_date: date }, 404, "tier_missing"],
        [{ tier_id: select.id, event_date: "2027-02-30" }, 400, "calendar date"],
        [{ tier_id: select.id, event_date: date, guest_count: 0 }, 400, ""],
        [{ tier_id: select.id, event_date: date, unit_price: 1 }, 400, ""],
        [{ tier_id: select.id }, 400, ""],
      ]
      for (const [body, status, message] of cases) {
        const response = await post(body)
        expect([body, response.status]).toEqual([body, status])
        expect(response.data.message).toContain(message)
      }
      // Another tenant's key cannot touch this cart.
      expect((await post({ tier_id: select.id, event_date: date }, venue)).status).toBe(404)
      expect((await post({ tier_id: select.id, event_date: date }, studio, "cart_missing")).status).toBe(404)
      expect((await api.get(`/store/carts/${cart.id}`, studio.headers)).data.cart.items).toEqual([])

      // The cart's own tier line takes the date's last slot.
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: select.id, event_date: date }, studio.headers)
      const twice = await post({ tier_id: select.id, event_date: date })
      expect(twice.status).toBe(409)
      expect((await api.get(`/store/carts/${cart.id}`, studio.headers)).data.cart.items).toHaveLength(1)
    })
  },
})
