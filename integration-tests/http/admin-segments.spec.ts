import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createPackageProduct, createTenant, failed as fail } from "./fixtures"

jest.setTimeout(120 * 1000)

const segmentBody = (handle: string, extra: Record<string, unknown> = {}) => ({
  handle,
  name: handle[0].toUpperCase() + handle.slice(1),
  description: `${handle} packages`,
  audience: "Couples",
  price_range: { min: 5000, max: 10000 },
  rank: 1,
  commission_percent: 10,
  ...extra,
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      admin = await adminHeaders(getContainer())
    })

    const createSegment = async (handle: string, extra: Record<string, unknown> = {}) =>
      (await api.post("/admin/segments", segmentBody(handle, extra), admin)).data.segment

    const createTier = async (segmentId: string, body: Record<string, unknown>) =>
      (await api.post(`/admin/segments/${segmentId}/tiers`, body, admin)).data.tier

    describe("authentication", () => {
      it("refuses every admin route without a session", async () => {
        const calls: [string, string][] = [
          ["get", "/admin/segments"],
          ["post", "/admin/segments"],
          ["get", "/admin/segments/seg_1"],
          ["post", "/admin/segments/seg_1"],
          ["delete", "/admin/segments/seg_1"],
          ["post", "/admin/segments/seg_1/tiers"],
          ["post", "/admin/segments/seg_1/clone"],
          ["post", "/admin/segments/backfill"],
          ["get", "/admin/tiers"],
          ["get", "/admin/tiers/tier_1"],
          ["post", "/admin/tiers/tier_1"],
          ["post", "/admin/tiers/tier_1/archive"],
          ["post", "/admin/tiers/tier_1/restore"],
          ["post", "/admin/tiers/archive"],
          ["post", "/admin/tiers/tier_1/product"],
          ["delete", "/admin/tiers/tier_1/product"],
        ]
        for (const [method, path] of calls) {
          const response = await fail(method === "post" ? api.post(path, {}) : api[method](path))
          expect([method, path, response.status]).toEqual([method, path, 401])
        }
      })
    })

    describe("segments", () => {
      it("creates, lists, reads, updates and deletes a segment", async () => {
        const created = await createSegment("signature")
        expect(created).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^seg_/),
            handle: "signature",
            name: "Signature",
            audience: "Couples",
            price_range: { min: 5000, max: 10000 },
            rank: 1,
            is_active: true,
            commission_percent: 10,
            tiers: [],
          })
        )
        await createSegment("essential", { rank: 0, price_range: { min: 2000, max: 5000 } })

        const list = (await api.get("/admin/segments", admin)).data
        expect(list.count).toBe(2)
        expect(list.segments.map((s: any) => s.handle)).toEqual(["essential", "signature"])
        const page = (await api.get("/admin/segments?limit=1&offset=1", admin)).data
        expect(page).toEqual(expect.objectContaining({ count: 2, limit: 1, offset: 1 }))
        expect(page.segments.map((s: any) => s.handle)).toEqual(["signature"])
        const searched = (await api.get("/admin/segments?q=essen", admin)).data
        expect(searched.segments.map((s: any) => s.handle)).toEqual(["essential"])

        const updated = (
          await api.post(`/admin/segments/${created.id}`, { name: "Signature+", commission_percent: 12.5 }, admin)
        ).data.segment
        expect(updated).toEqual(expect.objectContaining({ name: "Signature+", commission_percent: 12.5, handle: "signature" }))
        expect((await api.get(`/admin/segments/${created.id}`, admin)).data.segment.name).toBe("Signature+")

        const deleted = (await api.delete(`/admin/segments/${created.id}`, admin)).data
        expect(deleted).toEqual({ id: created.id, object: "segment", deleted: true })
        expect((await fail(api.get(`/admin/segments/${created.id}`, admin))).status).toBe(404)
        // The handle is free again once its segment is gone.
        expect((await createSegment("signature")).handle).toBe("signature")
      })

      it("refuses bad segment input with a 400 and changes nothing", async () => {
        const bad = [
          {},
          { handle: "Not A Handle", name: "x" },
          { handle: "ok", name: "" },
          { handle: "ok", name: "Ok", price_range: { min: 10, max: 5 } },
          { handle: "ok", name: "Ok", commission_percent: 150 },
          { handle: "ok", name: "Ok", rank: "first" },
          { handle: "ok", name: "Ok", image: "not a url" },
          { handle: "ok", name: "Ok", unknown_field: true },
        ]
        for (const body of bad) {
          const response = await fail(api.post("/admin/segments", body, admin))
          expect([body, response.status, response.data.type]).toEqual([body, 400, "invalid_data"])
          expect(response.data.message).toEqual(expect.any(String))
        }
        await createSegment("signature")
        const duplicate = await fail(api.post("/admin/segments", segmentBody("signature"), admin))
        expect(duplicate.status).toBe(400)
        expect(duplicate.data.message).toContain('Segment handle "signature" is already used')

        const other = await createSegment("luxury")
        const clash = await fail(api.post(`/admin/segments/${other.id}`, { handle: "signature" }, admin))
        expect(clash.status).toBe(400)
        expect((await fail(api.post(`/admin/segments/${other.id}`, {}, admin))).status).toBe(400)
        expect((await fail(api.post("/admin/segments/seg_missing", { name: "x" }, admin))).status).toBe(404)
        expect((await fail(api.get("/admin/segments?is_active=maybe", admin))).status).toBe(400)
        expect((await fail(api.get("/admin/segments?limit=0", admin))).status).toBe(400)
        expect((await api.get("/admin/segments", admin)).data.count).toBe(2)
      })
    })

      it("lists in the order asked (Medusa's `order`, `-` for descending), pages with the query config, and refuses other orders", async () => {
        await createSegment("alpha", { rank: 3 })
        await createSegment("bravo", { rank: 1 })
        await createSegment("charlie", { rank: 2 })
        const handles = async (query: string) =>
          (await api.get(`/admin/segments?${query}`, admin)).data.segments.map((s: { handle: string }) => s.handle)
        expect(await handles("")).toEqual(["bravo", "charlie", "alpha"])
        expect(await handles("order=-handle")).toEqual(["charlie", "bravo", "alpha"])
        expect(await handles("order=name&limit=2&offset=1")).toEqual(["bravo", "charlie"])
        const page = (await api.get("/admin/segments?order=handle&limit=1&offset=2", admin)).data
        expect([page.count, page.limit, page.offset, page.segments[0].handle]).toEqual([3, 1, 2, "charlie"])
        // Every field of the contract's segment is there: the query config's fields are the route's own.
        expect(Object.keys(page.segments[0]).sort()).toEqual(
          ["audience", "commission_percent", "created_at", "description", "handle", "id", "image", "is_active", "metadata", "name", "price_range", "rank", "tiers", "updated_at"].sort()
        )
        for (const query of ["order=password", "order=--name", "fields=id", "limit=201", "order=metadata"]) {
          const response = await fail(api.get(`/admin/segments?${query}`, admin))
          expect([query, response.status]).toEqual([query, 400])
        }
        const rules = async (query: string) =>
          (await api.get(`/admin/upsell-rules?${query}`, admin)).data.upsell_rules.map((r: { name: string }) => r.name)
        for (const [name, priority] of [["b rule", 1], ["a rule", 5]] as const) {
          await api.post("/admin/upsell-rules", { name, trigger: { addon_count_at_least: 1 }, action: "show_comparison", headline: name, priority }, admin)
        }
        expect(await rules("")).toEqual(["a rule", "b rule"])
        expect(await rules("order=name")).toEqual(["a rule", "b rule"])
        expect(await rules("order=-name")).toEqual(["b rule", "a rule"])
        expect((await fail(api.get("/admin/upsell-rules?order=trigger", admin))).status).toBe(400)
      })

    describe("tiers", () => {
      it("creates and updates tiers, enforcing one level and one popular tier per segment", async () => {
        const segment = await createSegment("signature")
        const essential = await createTier(segment.id, {
          level: 1,
          name: "Essential",
          max_guests: 50,
          features: ["6 hours coverage", "Online gallery"],
        })
        expect(essential).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^tier_/),
            segment_id: segment.id,
            level: 1,
            name: "Essential",
            max_guests: 50,
            features: ["6 hours coverage", "Online gallery"],
            is_popular: false,
            archived_at: null,
            product: null,
          })
        )
        const select = await createTier(segment.id, { level: 2, name: "Select", is_popular: true })

        const sameLevel = await fail(api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Other" }, admin))
        expect(sameLevel.status).toBe(400)
        expect(sameLevel.data.message).toContain("Level 1 is taken more than once")

        const secondPopular = await fail(
          api.post(`/admin/segments/${segment.id}/tiers`, { level: 3, name: "Complete", is_popular: true }, admin)
        )
        expect(secondPopular.status).toBe(400)
        expect(secondPopular.data.message).toContain("more than one popular tier")

        const moveOnto = await fail(api.post(`/admin/tiers/${select.id}`, { level: 1 }, admin))
        expect(moveOnto.status).toBe(400)
        const badgeOnto = await fail(api.post(`/admin/tiers/${essential.id}`, { is_popular: true }, admin))
        expect(badgeOnto.status).toBe(400)

        // Moving the badge is two honest steps.
        await api.post(`/admin/tiers/${select.id}`, { is_popular: false }, admin)
        const popular = (await api.post(`/admin/tiers/${essential.id}`, { is_popular: true, features: ["All day"] }, admin)).data.tier
        expect(popular).toEqual(expect.objectContaining({ is_popular: true, features: ["All day"] }))

        const segmentNow = (await api.get(`/admin/segments/${segment.id}`, admin)).data.segment
        expect(segmentNow.tiers.map((t: any) => [t.level, t.name, t.is_popular])).toEqual([
          [1, "Essential", true],
          [2, "Select", false],
        ])
        const list = (await api.get(`/admin/tiers?segment_id=${segment.id}`, admin)).data
        expect(list.count).toBe(2)
      })

      it("refuses bad tier input", async () => {
        const segment = await createSegment("signature")
        const bad = [
          { name: "No level" },
          { level: 0, name: "Zero" },
          { level: 1.5, name: "Half" },
          { level: 1, name: "Guests", max_guests: -1 },
          { level: 1, name: "Dup", features: ["Album", "album"] },
          { level: 1, name: "Blank", features: [""] },
          { level: "1", name: "String level" },
        ]
        for (const body of bad) {
          const response = await fail(api.post(`/admin/segments/${segment.id}/tiers`, body, admin))
          expect([body, response.status]).toEqual([body, 400])
        }
        expect((await fail(api.post(`/admin/segments/seg_missing/tiers`, { level: 1, name: "x" }, admin))).status).toBe(404)
        expect((await fail(api.post(`/admin/tiers/tier_missing`, { name: "x" }, admin))).status).toBe(404)
        expect((await fail(api.get(`/admin/tiers/tier_missing`, admin))).status).toBe(404)
        expect((await api.get(`/admin/tiers?segment_id=${segment.id}`, admin)).data.count).toBe(0)
      })

      it("archives one tier, restores it, and archives in bulk; archived levels are free", async () => {
        const segment = await createSegment("signature")
        const one = await createTier(segment.id, { level: 1, name: "One", is_popular: true })
        const two = await createTier(segment.id, { level: 2, name: "Two" })
        const three = await createTier(segment.id, { level: 3, name: "Three" })

        const archived = (await api.post(`/admin/tiers/${one.id}/archive`, {}, admin)).data.tier
        expect(archived.archived_at).not.toBeNull()
        expect((await api.get(`/admin/segments/${segment.id}`, admin)).data.segment.tiers.map((t: any) => t.name)).toEqual(["Two", "Three"])
        expect(
          (await api.get(`/admin/segments/${segment.id}?include_archived=true`, admin)).data.segment.tiers.map((t: any) => t.name)
        ).toEqual(["One", "Two", "Three"])

        // Level 1 and the badge are free while One is archived...
        const replacement = await createTier(segment.id, { level: 1, name: "New one", is_popular: true })
        // ...so restoring One now conflicts, clearly.
        const restore = await fail(api.post(`/admin/tiers/${one.id}/restore`, {}, admin))
        expect(restore.status).toBe(400)
        expect(restore.data.message).toContain("Level 1")
        await api.post(`/admin/tiers/${replacement.id}/archive`, {}, admin)
        expect((await api.post(`/admin/tiers/${one.id}/restore`, {}, admin)).data.tier.archived_at).toBeNull()

        const unknown = await fail(api.post(`/admin/tiers/archive`, { ids: [two.id, "tier_missing"] }, admin))
        expect(unknown.status).toBe(404)
        expect((await api.get(`/admin/tiers/${two.id}`, admin)).data.tier.archived_at).toBeNull()
        expect((await fail(api.post(`/admin/tiers/archive`, { ids: [] }, admin))).status).toBe(400)

        const bulk = (await api.post(`/admin/tiers/archive`, { ids: [two.id, three.id] }, admin)).data.tiers
        expect(bulk.map((t: any) => [t.id, t.archived_at !== null])).toEqual([
          [two.id, true],
          [three.id, true],
        ])
        const live = (await api.get(`/admin/tiers?segment_id=${segment.id}`, admin)).data.tiers
        expect(live.map((t: any) => t.name)).toEqual(["One"])
      })

      it("assigns a product to a tier, moves it, refuses a taken product, and removes it", async () => {
        const container = getContainer()
        const tenant = await createTenant(container, "Studio")
        const product = await createPackageProduct(container, {
          title: "Signature Select",
          prices: { usd: 7500 },
          salesChannelIds: [tenant.salesChannelId],
        })
        const segment = await createSegment("signature")
        const a = await createTier(segment.id, { level: 1, name: "A", product_id: product.id })
        expect(a.product).toEqual(expect.objectContaining({ id: product.id, title: "Signature Select" }))
        const b = await createTier(segment.id, { level: 2, name: "B" })

        const taken = await fail(api.post(`/admin/tiers/${b.id}/product`, { product_id: product.id }, admin))
        expect(taken.status).toBe(400)
        expect(taken.data.message).toContain(`already the package of tier "A"`)
        // A tier created with a taken product is undone whole: no tier is left behind.
        const takenOnCreate = await fail(
          api.post(`/admin/segments/${segment.id}/tiers`, { level: 3, name: "C", product_id: product.id }, admin)
        )
        expect(takenOnCreate.status).toBe(400)
        expect((await api.get(`/admin/tiers?segment_id=${segment.id}&include_archived=true`, admin)).data.count).toBe(2)
        const unknownProduct = await fail(api.post(`/admin/tiers/${b.id}/product`, { product_id: "prod_missing" }, admin))
        expect(unknownProduct.status).toBe(404)
        expect((await fail(api.post(`/admin/tiers/${b.id}/product`, {}, admin))).status).toBe(400)

        const byProduct = (await api.get(`/admin/tiers?product_id=${product.id}`, admin)).data.tiers
        expect(byProduct.map((t: any) => t.id)).toEqual([a.id])
        expect(byProduct[0].segment).toEqual({ id: segment.id, handle: "signature", name: "Signature" })

        const removed = (await api.delete(`/admin/tiers/${a.id}/product`, admin)).data.tier
        expect(removed.product).toBeNull()
        const assigned = (await api.post(`/admin/tiers/${b.id}/product`, { product_id: product.id }, admin)).data.tier
        expect(assigned.product.id).toBe(product.id)

        // An archived tier gives its product up to a live one.
        await api.post(`/admin/tiers/${b.id}/archive`, {}, admin)
        const moved = (await api.post(`/admin/tiers/${a.id}/product`, { product_id: product.id }, admin)).data.tier
        expect(moved.product.id).toBe(product.id)
        expect((await api.get(`/admin/tiers/${b.id}`, admin)).data.tier.product).toBeNull()
        const archivedAssign = await fail(api.post(`/admin/tiers/${b.id}/product`, { product_id: product.id }, admin))
        expect(archivedAssign.status).toBe(400)

        // Deleting the segment frees the product.
        await api.delete(`/admin/segments/${segment.id}`, admin)
        expect((await api.get(`/admin/tiers?product_id=${product.id}`, admin)).data.tiers).toEqual([])
      })

      it("clones a segment's tier structure without products", async () => {
        const container = getContainer()
        const tenant = await createTenant(container, "Studio")
        const product = await createPackageProduct(container, {
          title: "Pkg",
          prices: { usd: 5000 },
          salesChannelIds: [tenant.salesChannelId],
        })
        const source = await createSegment("signature")
        await createTier(source.id, { level: 1, name: "Essential", max_guests: 50, features: ["A"], product_id: product.id })
        await createTier(source.id, { level: 2, name: "Select", max_guests: 100, features: ["A", "B"], is_popular: true })
        const gone = await createTier(source.id, { level: 3, name: "Old" })
        await api.post(`/admin/tiers/${gone.id}/archive`, {}, admin)

        const clone = (
          await api.post(`/admin/segments/${source.id}/clone`, segmentBody("signature-2027", { name: "Signature 2027" }), admin)
        ).data.segment
        expect(clone).toEqual(expect.objectContaining({ handle: "signature-2027", name: "Signature 2027" }))
        expect(clone.tiers.map((t: any) => [t.level, t.name, t.max_guests, t.features, t.is_popular, t.product])).toEqual([
          [1, "Essential", 50, ["A"], false, null],
          [2, "Select", 100, ["A", "B"], true, null],
        ])
        const taken = await fail(api.post(`/admin/segments/${source.id}/clone`, segmentBody("signature"), admin))
        expect(taken.status).toBe(400)
        expect((await fail(api.post(`/admin/segments/seg_missing/clone`, segmentBody("x"), admin))).status).toBe(404)
        expect((await api.get("/admin/segments", admin)).data.count).toBe(2)
      })
    })

    describe("backfill", () => {
      it("reports a dry run, applies it, and changes nothing when repeated", async () => {
        const container = getContainer()
        const tenant = await createTenant(container, "Studio")
        const mk = (title: string, usd?: number) =>
          createPackageProduct(container, {
            title,
            prices: usd === undefined ? { eur: 100 } : { usd },
            salesChannelIds: [tenant.salesChannelId],
          })
        const cheap = await mk("Cheap", 2500)
        const edge = await mk("Edge", 5000)
        const mid = await mk("Mid", 9999.99)
        const top = await mk("Top", 10000)
        const euro = await mk("Euro only")
        const essential = await createSegment("essential", { rank: 0 })
        const signature = await createSegment("signature", { rank: 1 })
        await createSegment("luxury", { rank: 2 })
        // Signature already uses level 1, so the backfill takes the next free levels.
        await createTier(signature.id, { level: 1, name: "Existing" })
        const ids = [cheap.id, edge.id, mid.id, top.id, euro.id]

        const dry = (await api.post("/admin/segments/backfill", { product_ids: ids }, admin)).data
        expect(dry.dry_run).toBe(true)
        const summary = (r: any) =>
          r.assignments.map((a: any) => [a.title, a.segment_handle, a.level, a.price]).sort()
        expect(summary(dry)).toEqual(
          [
            ["Cheap", "essential", 1, 2500],
            ["Edge", "signature", 2, 5000],
            ["Mid", "signature", 3, 9999.99],
            ["Top", "luxury", 1, 10000],
          ].sort()
        )
        expect(dry.skipped).toEqual([{ product_id: euro.id, title: "Euro only", reason: "no_price" }])
        expect(dry.assignments.every((a: any) => a.tier_id === null)).toBe(true)
        expect((await api.get(`/admin/tiers?segment_id=${essential.id}`, admin)).data.count).toBe(0)

        const real = (await api.post("/admin/segments/backfill", { product_ids: ids, dry_run: false }, admin)).data
        expect(summary(real)).toEqual(summary(dry))
        expect(real.assignments.every((a: any) => /^tier_/.test(a.tier_id))).toBe(true)
        const edgeTier = (await api.get(`/admin/tiers?product_id=${edge.id}`, admin)).data.tiers[0]
        expect(edgeTier).toEqual(expect.objectContaining({ name: "Edge", level: 2, segment_id: signature.id }))

        const again = (await api.post("/admin/segments/backfill", { product_ids: ids, dry_run: false }, admin)).data
        expect(again.assignments).toEqual([])
        expect(again.skipped.filter((s: any) => s.reason === "already_assigned")).toHaveLength(4)
        expect((await api.get(`/admin/tiers`, admin)).data.count).toBe(5)
      })

      it("uses custom bands and refuses bad ones", async () => {
        const container = getContainer()
        const tenant = await createTenant(container, "Studio")
        const p = await createPackageProduct(container, { title: "P", prices: { usd: 3000 }, salesChannelIds: [tenant.salesChannelId] })
        await createSegment("budget")
        await createSegment("premium")
        const bands = [
          { segment_handle: "budget", below: 2000 },
          { segment_handle: "premium", below: null },
        ]
        const dry = (await api.post("/admin/segments/backfill", { product_ids: [p.id], bands }, admin)).data
        expect(dry.assignments.map((a: any) => a.segment_handle)).toEqual(["premium"])

        const badBands = [
          [{ segment_handle: "budget", below: 2000 }],
          [
            { segment_handle: "budget", below: 5000 },
            { segment_handle: "premium", below: 2000 },
            { segment_handle: "budget", below: null },
          ],
        ]
        for (const b of badBands) {
          expect((await fail(api.post("/admin/segments/backfill", { bands: b }, admin))).status).toBe(400)
        }
        const missing = await fail(
          api.post("/admin/segments/backfill", { bands: [{ segment_handle: "nowhere", below: null }] }, admin)
        )
        expect(missing.status).toBe(400)
        expect(missing.data.message).toContain('"nowhere" does not exist')
        expect((await fail(api.post("/admin/segments/backfill", { currency_code: "dollars" }, admin))).status).toBe(400)
        expect((await fail(api.post("/admin/segments/backfill", { product_ids: ["prod_missing"], bands }, admin))).status).toBe(404)
      })
    })
  },
})
