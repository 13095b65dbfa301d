import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createPackageProduct, createRegion, createTenant, failed as fail, Tenant } from "./fixtures"

jest.setTimeout(300 * 1000)

const coverage = (hours: number) => ({ key: "coverage", label: "Coverage", group: "Coverage", value: hours, unit: "h" })
const photos = (count: number) => ({ key: "edited-photos", label: "Edited photos", group: "Deliverables", value: count })
const shooter = (value: boolean) => ({ key: "second-shooter", label: "Second shooter", group: "Team", value })
const album = { key: "album", label: "Heirloom album", group: "Deliverables", value: true }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let region: { id: string }
    let segment: { id: string }
    let t: Record<"essential" | "select" | "complete", any>

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      region = await createRegion(container, "usd")
      segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature", rank: 1 }, admin)).data.segment
      const tier = async (level: number, name: string, price: number, features: unknown[]) => {
        const product = await createPackageProduct(container, { title: `Signature ${name}`, prices: { usd: price }, salesChannelIds: [studio.salesChannelId] })
        return (await api.post(`/admin/segments/${segment.id}/tiers`, { level, name, product_id: product.id, features }, admin)).data.tier
      }
      t = {
        essential: await tier(1, "Essential", 5000, [coverage(8), photos(400), "Online gallery", shooter(false)]),
        select: await tier(2, "Select", 7500, [coverage(10), photos(600), "Online gallery", shooter(true)]),
        // Its own label for coverage: the lowest level's wins in the comparison.
        complete: await tier(3, "Complete", 10000, [{ ...coverage(12), label: "Hours of coverage" }, photos(600), "Online gallery", shooter(true), album]),
      }
    })

    it("keeps valued features as the merchant set them in the admin answers", async () => {
      // No unit and no group given are null.
      expect(t.essential.features).toEqual([coverage(8), { ...photos(400), unit: null }, "Online gallery", { ...shooter(false), unit: null }])
      const fetched = (await api.get(`/admin/tiers/${t.complete.id}`, admin)).data.tier
      expect(fetched.features[4]).toEqual({ ...album, unit: null })
      const updated = (await api.post(`/admin/tiers/${t.essential.id}`, { features: [coverage(6), { key: "gallery", label: "Online gallery", value: "1 year" }] }, admin)).data.tier
      expect(updated.features).toEqual([coverage(6), { key: "gallery", label: "Online gallery", group: null, value: "1 year", unit: null }])
    })

    it("answers the segment with keyed rows, and ticks a valued row under every tier that offers it", async () => {
      const { data } = await api.get(`/store/segments/signature?region_id=${region.id}`, studio.headers)
      expect(data.tiers.map((tier: any) => tier.features)).toEqual([
        ["Coverage: 8 h", "Edited photos: 400", "Online gallery"],
        ["Coverage: 10 h", "Edited photos: 600", "Online gallery", "Second shooter"],
        ["Hours of coverage: 12 h", "Edited photos: 600", "Online gallery", "Second shooter", "Heirloom album"],
      ])
      expect(data.comparison.features).toEqual(["Coverage", "Edited photos", "Online gallery", "Second shooter", "Heirloom album"])
      expect(data.comparison.matrix).toEqual({
        Coverage: [true, true, true],
        "Edited photos": [true, true, true],
        "Online gallery": [true, true, true],
        "Second shooter": [false, true, true],
        "Heirloom album": [false, false, true],
      })
      const none = [null, null, null]
      expect(data.comparison.rows).toEqual([
        { key: "coverage", group: "Coverage", label: "Coverage", values: [8, 10, 12], units: ["h", "h", "h"], display: ["8 h", "10 h", "12 h"], better: [false, true, true] },
        { key: "edited-photos", group: "Deliverables", label: "Edited photos", values: [400, 600, 600], units: none, display: ["400", "600", "600"], better: [false, true, false] },
        { key: "album", group: "Deliverables", label: "Heirloom album", values: [null, null, true], units: none, display: ["—", "—", "Included"], better: [false, false, true] },
        { key: "Online gallery", group: null, label: "Online gallery", values: [true, true, true], units: none, display: ["Included", "Included", "Included"], better: [false, false, false] },
        { key: "second-shooter", group: "Team", label: "Second shooter", values: [false, true, true], units: none, display: ["—", "Included", "Included"], better: [false, true, false] },
      ])
    })

    it("compares the tiers asked for, in catalog order, each against the tier before it", async () => {
      const { data } = await api.post("/store/tiers/compare", { tier_ids: [t.complete.id, t.essential.id], region_id: region.id }, studio.headers)
      expect(data.tiers.map((tier: any) => tier.name)).toEqual(["Essential", "Complete"])
      expect(data.comparison.rows.map((r: any) => [r.key, r.display, r.better])).toEqual([
        ["coverage", ["8 h", "12 h"], [false, true]],
        ["edited-photos", ["400", "600"], [false, true]],
        ["album", ["—", "Included"], [false, true]],
        ["Online gallery", ["Included", "Included"], [false, false]],
        ["second-shooter", ["—", "Included"], [false, true]],
      ])
      expect(data.comparison.matrix.Coverage).toEqual([true, true])
    })

    it("quotes an upgrade in rows, and the upsell copy says the same", async () => {
      const quote = (await api.post("/store/tiers/upgrade-quote", { from_tier_id: t.select.id, to_tier_id: t.complete.id, region_id: region.id }, studio.headers)).data
      expect(quote).toEqual({
        allowed: true,
        price_difference: 2500,
        discount: 0,
        features_added: ["Coverage: 10 h → 12 h", "Heirloom album"],
        rows_added: [
          { key: "coverage", group: "Coverage", label: "Coverage", from: 10, to: 12, from_display: "10 h", to_display: "12 h", text: "Coverage: 10 h → 12 h" },
          { key: "album", group: "Deliverables", label: "Heirloom album", from: null, to: true, from_display: "—", to_display: "Included", text: "Heirloom album" },
        ],
        currency_code: "usd",
      })
      const down = (await api.post("/store/tiers/upgrade-quote", { from_tier_id: t.complete.id, to_tier_id: t.essential.id, region_id: region.id }, studio.headers)).data
      expect(down).toEqual(expect.objectContaining({ allowed: false, features_added: [], rows_added: [] }))

      await api.post(
        "/admin/upsell-rules",
        { name: "Compare up", trigger: { viewing_tier: { segment: "signature", level: 2 } }, action: "show_comparison", headline: "{{to_tier}}", body: "{{to_tier}} adds {{features_added}}.", priority: 1 },
        admin
      )
      const offers = (await api.post("/store/upsell/offers", { context: { viewing_tier_id: t.select.id } }, studio.headers)).data.offers
      expect(offers.map((o: any) => [o.to_tier_id, o.body])).toEqual([[t.complete.id, "Complete adds Coverage: 10 h → 12 h, Heirloom album."]])
    })

    it("refuses bad features with 400 and changes nothing", async () => {
      const long = (n: number) => "x".repeat(n)
      const bad: unknown[][] = [
        [{ ...coverage(8), key: "Coverage" }],
        [{ ...coverage(8), key: "cover age" }],
        [{ ...coverage(8), key: "" }],
        [{ ...coverage(8), key: long(101) }],
        [coverage(8), { ...coverage(10), label: "More coverage" }],
        [coverage(8), { ...photos(2), label: "coverage" }],
        ["Coverage", coverage(8)],
        [{ ...coverage(8), label: "" }],
        [{ ...coverage(8), label: long(201) }],
        [{ ...coverage(8), group: long(101) }],
        [{ ...coverage(8), unit: long(41) }],
        [{ ...coverage(8), value: -1 }],
        [{ ...coverage(8), value: 1e10 }],
        [{ ...coverage(8), value: "" }],
        [{ ...coverage(8), value: long(201) }],
        [{ ...coverage(8), value: null }],
        [{ ...coverage(8), value: { hours: 8 } }],
        [{ ...coverage(8), value: [8] }],
        [{ key: "coverage", value: 8 }],
        [{ ...coverage(8), colour: "red" }],
        [{ ...coverage(8), label: "Cover\u0007age" }],
        [42],
        [null],
        Array.from({ length: 51 }, (_, i) => ({ key: `f${i}`, label: `Feature ${i}`, value: true })),
      ]
      const before = (await api.get(`/admin/tiers/${t.essential.id}`, admin)).data.tier
      for (const features of bad) {
        const update = await fail(api.post(`/admin/tiers/${t.essential.id}`, { features }, admin))
        expect([features, update.status]).toEqual([features, 400])
        const create = await fail(api.post(`/admin/segments/${segment.id}/tiers`, { level: 4, name: "Bad", features }, admin))
        expect([features, create.status]).toEqual([features, 400])
      }
      expect((await api.get(`/admin/tiers/${t.essential.id}`, admin)).data.tier).toEqual(before)
      expect((await api.get(`/admin/tiers?segment_id=${segment.id}`, admin)).data.count).toBe(3)

      // The bounds themselves are accepted.
      const atBounds = Array.from({ length: 50 }, (_, i) => ({ key: `${"k".repeat(97)}${i}`.slice(-100), label: `${long(190)} ${i}`, group: long(100), value: 1e9, unit: long(40) }))
      expect((await api.post(`/admin/tiers/${t.essential.id}`, { features: atBounds }, admin)).data.tier.features).toHaveLength(50)
    })
  },
})
