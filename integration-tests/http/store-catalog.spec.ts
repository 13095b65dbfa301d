import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ProductStatus } from "@medusajs/framework/utils"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant, failed as fail } from "./fixtures"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let venue: Tenant
    let usd: { id: string }
    let eur: { id: string }
    let tiers: Record<string, { id: string }>
    let products: Record<string, { id: string }>

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      venue = await createTenant(container, "Venue")
      usd = await createRegion(container, "usd")
      eur = await createRegion(container, "eur")

      const pkg = (title: string, prices: Record<string, number>, tenant: Tenant, status?: ProductStatus) =>
        createPackageProduct(container, { title, prices, salesChannelIds: [tenant.salesChannelId], status })
      products = {
        sigEssential: await pkg("Signature Essential", { usd: 5000, eur: 4600 }, studio),
        sigSelect: await pkg("Signature Select", { usd: 7500, eur: 6900.5 }, studio),
        sigComplete: await pkg("Signature Complete", { usd: 10000 }, studio),
        luxOne: await pkg("Luxury One", { usd: 15000 }, studio),
        draft: await pkg("Draft package", { usd: 3000 }, studio, ProductStatus.DRAFT),
        venueHall: await pkg("Venue Hall", { usd: 4000 }, venue),
      }

      const segment = async (body: Record<string, unknown>) =>
        (await api.post("/admin/segments", body, admin)).data.segment
      const essential = await segment({ handle: "essential", name: "Essential", rank: 0, price_range: { min: 2000, max: 5000 } })
      const signature = await segment({
        handle: "signature",
        name: "Signature",
        rank: 1,
        audience: "Couples who want it all covered",
        description: "Our most booked packages",
        image: "https://example.com/signature.jpg",
        price_range: { min: 5000, max: 10000 },
      })
      const luxury = await segment({ handle: "luxury", name: "Luxury", rank: 2, price_range: { min: 10000, max: null } })
      const hidden = await segment({ handle: "hidden", name: "Hidden", rank: 3, is_active: false })

      const tier = async (segmentId: string, body: Record<string, unknown>) =>
        (await api.post(`/admin/segments/${segmentId}/tiers`, body, admin)).data.tier
      tiers = {
        sigEssential: await tier(signature.id, {
          level: 1, name: "Essential", max_guests: 50, product_id: products.sigEssential.id,
          features: ["8 hours coverage", "Online gallery"],
        }),
        sigSelect: await tier(signature.id, {
          level: 2, name: "Select", max_guests: 100, is_popular: true, product_id: products.sigSelect.id,
          features: ["8 hours coverage", "Online gallery", "Second shooter"],
        }),
        sigComplete: await tier(signature.id, {
          level: 3, name: "Complete", max_guests: 150, product_id: products.sigComplete.id,
          features: ["10 hours coverage", "Online gallery", "Second shooter", "Album"],
        }),
        sigArchived: await tier(signature.id, { level: 4, name: "Old", product_id: products.luxOne.id }),
        essentialDraft: await tier(essential.id, { level: 1, name: "Draft", product_id: products.draft.id }),
        essentialVenue: await tier(essential.id, { level: 2, name: "Hall", product_id: products.venueHall.id, features: ["Hall"] }),
        hiddenTier: await tier(hidden.id, { level: 1, name: "Hidden" }),
      }
      await api.post(`/admin/tiers/${tiers.sigArchived.id}/archive`, {}, admin)
      await api.delete(`/admin/tiers/${tiers.sigArchived.id}/product`, admin)
      tiers.luxOne = await tier(luxury.id, { level: 1, name: "One", product_id: products.luxOne.id, features: ["Album"] })
    })

    describe("GET /store/segments", () => {
      it("lists the segments the key can see, with tier counts and from-prices for the region", async () => {
        const { data } = await api.get(`/store/segments?region_id=${usd.id}`, studio.headers)
        expect(data.segments).toEqual([
          {
            id: expect.any(String),
            handle: "signature",
            name: "Signature",
            description: "Our most booked packages",
            audience: "Couples who want it all covered",
            price_range: { min: 5000, max: 10000 },
            rank: 1,
            image: "https://example.com/signature.jpg",
            tier_count: 3,
            from_price: 5000,
          },
          expect.objectContaining({ handle: "luxury", tier_count: 1, from_price: 15000, price_range: { min: 10000, max: null } }),
        ])

        const eurList = (await api.get(`/store/segments?region_id=${eur.id}`, studio.headers)).data.segments
        expect(eurList.map((s: any) => [s.handle, s.from_price])).toEqual([
          ["signature", 4600],
          ["luxury", null],
        ])
      })

      it("keeps tenants apart", async () => {
        const { data } = await api.get(`/store/segments?region_id=${usd.id}`, venue.headers)
        expect(data.segments.map((s: any) => [s.handle, s.tier_count, s.from_price])).toEqual([["essential", 1, 4000]])
      })

      it("refuses bad queries and missing keys", async () => {
        expect((await fail(api.get(`/store/segments`, studio.headers))).status).toBe(400)
        expect((await fail(api.get(`/store/segments?region_id=`, studio.headers))).status).toBe(400)
        expect((await fail(api.get(`/store/segments?region_id=${usd.id}&colour=red`, studio.headers))).status).toBe(400)
        const unknown = await fail(api.get(`/store/segments?region_id=reg_missing`, studio.headers))
        expect(unknown.status).toBe(404)
        expect(unknown.data.message).toContain("reg_missing")
        const noKey = await fail(api.get(`/store/segments?region_id=${usd.id}`))
        expect(noKey.status).toBe(400)
      })
    })

    describe("GET /store/segments/:handle", () => {
      it("answers the segment with its priced tiers and the comparison matrix", async () => {
        const { data } = await api.get(`/store/segments/signature?region_id=${usd.id}&event_date=2027-07-17`, studio.headers)
        expect(data.segment).toEqual(expect.objectContaining({ handle: "signature", name: "Signature" }))
        expect(data.tiers).toEqual([
          {
            id: tiers.sigEssential.id,
            segment_id: data.segment.id,
            level: 1,
            name: "Essential",
            product_id: products.sigEssential.id,
            variant_id: expect.stringMatching(/^variant_/),
            thumbnail: null,
            max_guests: 50,
            days: 1,
            features: ["8 hours coverage", "Online gallery"],
            is_popular: false,
            price: { base: 5000, adjustments: [], final: 5000, currency_code: "usd" },
          },
          expect.objectContaining({ id: tiers.sigSelect.id, level: 2, is_popular: true, price: expect.objectContaining({ final: 7500 }) }),
          expect.objectContaining({ id: tiers.sigComplete.id, level: 3, price: expect.objectContaining({ final: 10000 }) }),
        ])
        expect(data.comparison).toEqual({
          features: ["8 hours coverage", "Online gallery", "Second shooter", "10 hours coverage", "Album"],
          matrix: {
            "8 hours coverage": [true, true, false],
            "Online gallery": [true, true, true],
            "Second shooter": [false, true, true],
            "10 hours coverage": [false, false, true],
            Album: [false, false, true],
          },
          rows: expect.any(Array),
        })
        // Plain features are yes-rows of their own.
        expect(data.comparison.rows.map((r: any) => [r.key, r.values, r.better])).toEqual([
          ["8 hours coverage", [true, true, null], [false, false, false]],
          ["Online gallery", [true, true, true], [false, false, false]],
          ["Second shooter", [null, true, true], [false, true, false]],
          ["10 hours coverage", [null, null, true], [false, false, true]],
          ["Album", [null, null, true], [false, false, true]],
        ])
      })

      it("prices in the region's currency, with null when the tier has no price there", async () => {
        const { data } = await api.get(`/store/segments/signature?region_id=${eur.id}`, studio.headers)
        expect(data.tiers.map((t: any) => t.price)).toEqual([
          { base: 4600, adjustments: [], final: 4600, currency_code: "eur" },
          { base: 6900.5, adjustments: [], final: 6900.5, currency_code: "eur" },
          null,
        ])
      })

      it("answers 404 for what the key cannot see and 400 for bad queries", async () => {
        for (const handle of ["nowhere", "hidden", "essential"]) {
          const response = await fail(api.get(`/store/segments/${handle}?region_id=${usd.id}`, studio.headers))
          expect([handle, response.status]).toEqual([handle, 404])
        }
        // The venue sees its own essential segment, and only its own tier in it.
        const venueView = (await api.get(`/store/segments/essential?region_id=${usd.id}`, venue.headers)).data
        expect(venueView.tiers.map((t: any) => t.name)).toEqual(["Hall"])
        expect((await fail(api.get(`/store/segments/signature?region_id=${usd.id}`, venue.headers))).status).toBe(404)

        for (const q of ["", `region_id=${usd.id}&event_date=2027-02-30`, `region_id=${usd.id}&event_date=17/07/2027`, `region_id=${usd.id}&event_date=tomorrow`]) {
          const response = await fail(api.get(`/store/segments/signature?${q}`, studio.headers))
          expect([q, response.status]).toEqual([q, 400])
        }
        expect((await api.get(`/store/segments/signature?region_id=${usd.id}&event_date=2028-02-29`, studio.headers)).status).toBe(200)
      })
    })

    describe("POST /store/tiers/compare", () => {
      it("compares tiers in catalog order, across segments too", async () => {
        const { data } = await api.post(
          "/store/tiers/compare",
          { tier_ids: [tiers.luxOne.id, tiers.sigSelect.id], region_id: usd.id, event_date: "2027-07-17" },
          studio.headers
        )
        expect(data.tiers.map((t: any) => [t.name, t.price.final])).toEqual([
          ["Select", 7500],
          ["One", 15000],
        ])
        expect(data.comparison).toEqual({
          features: ["8 hours coverage", "Online gallery", "Second shooter", "Album"],
          matrix: {
            "8 hours coverage": [true, false],
            "Online gallery": [true, false],
            "Second shooter": [true, false],
            Album: [false, true],
          },
          rows: expect.any(Array),
        })
        const three = await api.post(
          "/store/tiers/compare",
          { tier_ids: [tiers.sigComplete.id, tiers.sigEssential.id, tiers.sigSelect.id], region_id: usd.id },
          studio.headers
        )
        expect(three.data.tiers.map((t: any) => t.level)).toEqual([1, 2, 3])
      })

      it("refuses bad bodies with 400 and other tenants' tiers with 404", async () => {
        const bad = [
          { tier_ids: [tiers.sigSelect.id], region_id: usd.id },
          { tier_ids: [tiers.sigSelect.id, tiers.sigEssential.id, tiers.sigComplete.id, tiers.luxOne.id], region_id: usd.id },
          { tier_ids: [tiers.sigSelect.id, tiers.sigSelect.id], region_id: usd.id },
          { tier_ids: [tiers.sigSelect.id, tiers.sigEssential.id] },
          { tier_ids: tiers.sigSelect.id, region_id: usd.id },
          { tier_ids: [1, 2], region_id: usd.id },
          { tier_ids: [tiers.sigSelect.id, tiers.sigEssential.id], region_id: usd.id, event_date: "2027-13-01" },
          { tier_ids: [tiers.sigSelect.id, tiers.sigEssential.id], region_id: usd.id, unit_price: 1 },
        ]
        for (const body of bad) {
          const response = await fail(api.post("/store/tiers/compare", body, studio.headers))
          expect([body, response.status, response.data.type]).toEqual([body, 400, "invalid_data"])
        }
        const foreign = await fail(
          api.post("/store/tiers/compare", { tier_ids: [tiers.sigSelect.id, tiers.essentialVenue.id], region_id: usd.id }, studio.headers)
        )
        expect(foreign.status).toBe(404)
        expect(foreign.data.message).toContain(tiers.essentialVenue.id)
        for (const id of [tiers.essentialDraft.id, tiers.sigArchived.id, tiers.hiddenTier.id, "tier_missing"]) {
          const response = await fail(
            api.post("/store/tiers/compare", { tier_ids: [tiers.sigSelect.id, id], region_id: usd.id }, studio.headers)
          )
          expect([id, response.status]).toEqual([id, 404])
        }
        const reverse = await fail(
          api.post("/store/tiers/compare", { tier_ids: [tiers.sigSelect.id, tiers.essentialVenue.id], region_id: usd.id }, venue.headers)
        )
        expect(reverse.status).toBe(404)
      })
    })
  },
})
