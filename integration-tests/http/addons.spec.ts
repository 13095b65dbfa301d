import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant, failed as fail } from "./fixtures"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let venue: Tenant
    let region: { id: string }
    let segment: { id: string }
    let other: { id: string }
    let select: { id: string }
    let complete: { id: string }
    let p: Record<string, { id: string }>

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      venue = await createTenant(container, "Venue")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number, tenants: Tenant[]) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: tenants.map((t) => t.salesChannelId) })
      p = {
        select: await mk("Select", 7500, [studio]),
        complete: await mk("Complete", 10000, [studio]),
        album: await mk("Album", 1200, [studio, venue]),
        hour: await mk("Extra hour", 400, [studio]),
        drone: await mk("Drone", 700, [studio]),
        venueOnly: await mk("Venue booth", 950, [venue]),
      }
      segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment
      other = (await api.post("/admin/segments", { handle: "luxury", name: "Luxury" }, admin)).data.segment
      select = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Select", product_id: p.select.id }, admin)).data.tier
      complete = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 2, name: "Complete", product_id: p.complete.id }, admin)).data.tier
    })

    const rule = async (body: Record<string, unknown>) => (await api.post("/admin/addon-rules", body, admin)).data.addon_rule

    it("manages add-on rules and answers each tier's add-ons with prices", async () => {
      const albumRule = await rule({ product_id: p.album.id, segment_id: segment.id })
      expect(albumRule).toEqual(expect.objectContaining({ id: expect.stringMatching(/^addr_/), product_id: p.album.id, segment_id: segment.id, tier_id: null, max_quantity: 1 }))
      await rule({ product_id: p.hour.id, segment_id: segment.id, max_quantity: 2 })
      const hourForComplete = await rule({ product_id: p.hour.id, tier_id: complete.id, max_quantity: 4 })
      await rule({ product_id: p.drone.id, tier_id: complete.id })
      await rule({ product_id: p.venueOnly.id, segment_id: segment.id })
      await rule({ product_id: p.drone.id, segment_id: other.id })

      const addons = async (tierId: string, tenant = studio) =>
        (await api.get(`/store/tiers/${tierId}/addons?region_id=${region.id}`, tenant.headers)).data
      const forSelect = await addons(select.id)
      expect(forSelect.bundle).toEqual({ min_addons: 3, percent: -10 })
      expect(forSelect.addons).toEqual([
        { product_id: p.album.id, variant_id: expect.stringMatching(/^variant_/), title: "Album", thumbnail: null, max_quantity: 1, price: { amount: 1200, currency_code: "usd" } },
        expect.objectContaining({ product_id: p.hour.id, title: "Extra hour", max_quantity: 2, price: { amount: 400, currency_code: "usd" } }),
      ])
      const forComplete = (await addons(complete.id)).addons
      expect(forComplete.map((a: any) => [a.title, a.max_quantity])).toEqual([
        ["Album", 1],
        ["Drone", 1],
        ["Extra hour", 4],
      ])

      expect((await api.get(`/admin/addon-rules?tier_id=${complete.id}`, admin)).data.count).toBe(2)
      expect((await api.post(`/admin/addon-rules/${hourForComplete.id}`, { max_quantity: 6 }, admin)).data.addon_rule.max_quantity).toBe(6)
      await api.delete(`/admin/addon-rules/${albumRule.id}`, admin)
      expect((await addons(select.id)).addons.map((a: any) => a.title)).toEqual(["Extra hour"])
      expect((await addons(complete.id)).addons.map((a: any) => [a.title, a.max_quantity])).toEqual([
        ["Drone", 1],
        ["Extra hour", 6],
      ])
    })

    it("refuses bad rules and keeps tenants apart", async () => {
      const bad = [
        { product_id: p.album.id },
        { product_id: p.album.id, tier_id: select.id, segment_id: segment.id },
        { product_id: p.album.id, tier_id: select.id, max_quantity: 0 },
        { product_id: p.album.id, tier_id: select.id, max_quantity: "2" },
        { tier_id: select.id },
      ]
      for (const body of bad) {
        expect([body, (await fail(api.post("/admin/addon-rules", body, admin))).status]).toEqual([body, 400])
      }
      expect((await fail(api.post("/admin/addon-rules", { product_id: "prod_missing", tier_id: select.id }, admin))).status).toBe(404)
      expect((await fail(api.post("/admin/addon-rules", { product_id: p.album.id, tier_id: "tier_missing" }, admin))).status).toBe(404)
      const pkg = await fail(api.post("/admin/addon-rules", { product_id: p.complete.id, tier_id: select.id }, admin))
      expect(pkg.status).toBe(400)
      expect(pkg.data.message).toContain("package")
      await rule({ product_id: p.album.id, tier_id: select.id })
      const duplicate = await fail(api.post("/admin/addon-rules", { product_id: p.album.id, tier_id: select.id }, admin))
      expect(duplicate.status).toBeGreaterThanOrEqual(400)
      expect(duplicate.status).toBeLessThan(500)
      expect((await api.get("/admin/addon-rules", admin)).data.count).toBe(1)
      expect((await fail(api.post("/admin/addon-rules", { product_id: p.album.id, tier_id: select.id }))).status).toBe(401)

      expect((await fail(api.get(`/store/tiers/${select.id}/addons?region_id=${region.id}`, venue.headers))).status).toBe(404)
      expect((await fail(api.get(`/store/tiers/${select.id}/addons`, studio.headers))).status).toBe(400)
    })
  },
})
