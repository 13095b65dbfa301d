import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEMO_ADDONS, DEMO_OVERDUE_DAYS, DEMO_SAMPLE_ORDERS, DEMO_SHOP_PRODUCTS, DEMO_TIERS } from "../../src/scripts/demo-data"
import { DemoSeedResult, seedDemo } from "../../src/scripts/seed-demo"
import { addDays, todayUtc } from "../../src/lib/dates"
import { eventually } from "./fixtures"

/** The list once it holds `n` entries (the subscribers had time to run), then a moment more to catch any extra. */
async function eventuallyCount<T>(read: () => Promise<T[]>, n: number): Promise<T[]> {
  await eventually(read, (rows) => rows.length >= n)
  await new Promise((r) => setTimeout(r, 1000))
  return read()
}

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("seeds the demo twice without duplicates, and keeps its two tenants apart", async () => {
      const container = getContainer()
      const first = await seedDemo(container)
      const second: DemoSeedResult = await seedDemo(container)
      expect(second).toEqual(first)

      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const count = async (entity: string) => (await query.graph({ entity, fields: ["id"] })).data.length
      expect(await count("segment")).toBe(3)
      expect(await count("pricing_rule")).toBe(2)
      expect(await count("addon_rule")).toBe(3 * DEMO_ADDONS.length - 3)
      expect(await count("availability_settings")).toBe(2)
      expect(await count("blackout")).toBe(4)
      expect(await count("upsell_rule")).toBe(3)
      const experiments = (await query.graph({ entity: "experiment", fields: ["key", "status", "traffic_percent"] })).data
      expect(experiments).toEqual([{ key: "upsell-copy", status: "running", traffic_percent: 10 }])
      expect(await count("tier")).toBe(DEMO_TIERS.length)
      expect(await count("product")).toBe(DEMO_TIERS.length + DEMO_ADDONS.length + DEMO_SHOP_PRODUCTS.length)
      expect(DEMO_ADDONS.length).toBeGreaterThanOrEqual(10)
      expect(DEMO_ADDONS.length).toBeLessThanOrEqual(15)
      // Each sample order's confirmation, the canceled one's notice, the transfer's receipt and the overdue
      // balance's notice, once (the seed and the subscribers both send them): nine.
      const notices = async () =>
        (await query.graph({ entity: "notification", fields: ["template", "to", "status"], filters: { channel: "email" } })).data.map((n: any) => n.template).sort()
      const sent = await eventuallyCount(notices, DEMO_SAMPLE_ORDERS.length + 3)
      expect(sent).toEqual([...Array(DEMO_SAMPLE_ORDERS.length).fill("booking-confirmation"), "booking-canceled", "payment-received", "balance-overdue"].sort())
      expect(sent).toHaveLength(9)

      // The printed login works.
      const login = await api.post("/auth/user/emailpass", { email: first.admin.email, password: first.admin.password })
      expect(login.data.token).toEqual(expect.any(String))
      const admin = { headers: { authorization: `Bearer ${login.data.token}` } }
      const segments = (await api.get("/admin/segments", admin)).data.segments
      expect(segments.map((s: any) => [s.handle, s.commission_percent, s.tiers.length])).toEqual([
        ["essential", 8, 3],
        ["signature", 10, 3],
        ["luxury", 12, 3],
      ])
      for (const segment of segments) {
        expect(segment.tiers.filter((t: any) => t.is_popular)).toHaveLength(1)
      }

      const [photography, essentials] = first.tenants
      const headers = (t: DemoSeedResult["tenants"][number]) => ({ headers: { "x-publishable-api-key": t.publishable_key } })
      const region = first.region_id

      const full = (await api.get(`/store/segments?region_id=${region}`, headers(photography))).data.segments
      expect(full.map((s: any) => [s.handle, s.tier_count, s.from_price])).toEqual([
        ["essential", 3, 2000],
        ["signature", 3, 5000],
        ["luxury", 3, 12000],
      ])
      const budget = (await api.get(`/store/segments?region_id=${region}`, headers(essentials))).data.segments
      expect(budget.map((s: any) => s.handle)).toEqual(["essential", "signature"])

      const signature = (await api.get(`/store/segments/signature?region_id=${region}`, headers(photography))).data
      expect(signature.tiers.map((t: any) => [t.name, t.price.final, t.max_guests, t.is_popular])).toEqual([
        ["Essential", 5000, 50, false],
        ["Select", 7500, 100, true],
        ["Complete", 10000, 150, false],
      ])
      // Valued rows that read side by side, grouped, with what each step up adds.
      const rows = signature.comparison.rows
      expect([...new Set(rows.map((r: any) => r.group))]).toEqual(["Coverage", "Deliverables", "Team"])
      expect(rows.find((r: any) => r.key === "coverage")).toEqual(expect.objectContaining({ display: ["8 h", "10 h", "12 h"], better: [false, true, true] }))
      expect(Object.values(signature.comparison.matrix).every((ticks: any) => ticks.every((t: boolean, i: number) => t || !ticks.slice(0, i).some(Boolean)))).toBe(true)
      const comparisonOffer = (
        await api.post("/store/upsell/offers", { region_id: region, context: { viewing_tier_id: signature.tiers[0].id } }, headers(photography))
      ).data.offers.find((o: any) => o.action === "show_comparison")
      expect(comparisonOffer.body).toBe("Select adds Coverage: 8 h → 10 h, Edited photos: 500 → 700, Online gallery: 12 months → 24 months, Second shooter.")

      // Peak season (+20%) on a July date far enough ahead not to be last-minute.
      const july = `${new Date().getUTCFullYear() + 1}-07-17`
      const peak = (await api.get(`/store/segments/signature?region_id=${region}&event_date=${july}`, headers(photography))).data
      expect(peak.tiers.map((t: any) => t.price.final)).toEqual([6000, 9000, 12000])

      const luxury = (await api.get(`/store/segments/luxury?region_id=${region}`, headers(photography))).data
      const dates = (await api.get(`/store/tiers/${luxury.tiers[0].id}/availability?from=${new Date().toISOString().slice(0, 10)}&to=${new Date(Date.now() + 365 * 86400000).toISOString().slice(0, 10)}`, headers(photography))).data.dates
      const statuses = new Set(dates.map((d: any) => d.status))
      expect(statuses).toEqual(new Set(["unavailable", "available", "blackout", "limited", "sold_out"]))
      // The sample orders booked dates of the photography storefront and fill its reports.
      const orders = (await query.graph({ entity: "order", fields: ["id", "status", "sales_channel_id"] })).data
      expect(orders.map((o: any) => o.status).sort()).toEqual(["canceled", "pending", "pending", "pending", "pending", "pending"])
      expect(new Set(orders.map((o: any) => o.sales_channel_id))).toEqual(new Set([photography.sales_channel_id]))
      // Everafter Photography takes 30% at checkout, the balance 30 days before the event; Essentials is paid in full.
      const plans = await Promise.all(orders.map(async (o: any) => (await api.get(`/store/orders/${o.id}/payment-plan`, headers(photography))).data.payment_plan))
      for (const plan of plans) {
        expect(plan.deposit).toBeCloseTo(plan.total * 0.3, 2)
        expect(plan.balance_due_date).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/))
      }
      // One paid in full by a recorded bank transfer, one overdue, the canceled one owing nothing more, the others due.
      expect(plans.map((p: any) => p.status).sort()).toEqual(["canceled", "due", "due", "due", "overdue", "paid"])
      const paidInFull = plans.find((p: any) => p.status === "paid")
      expect(paidInFull).toMatchObject({ paid: paidInFull.total, balance: 0 })
      const overdue = plans.find((p: any) => p.status === "overdue")
      expect(overdue.balance_due_date).toBe(addDays(todayUtc(), -DEMO_OVERDUE_DAYS))
      expect(overdue.balance).toBeCloseTo(overdue.total * 0.7, 2)
      // The admin's Balances page lists the three due and the overdue one (not the paid or the canceled order).
      const balances = (await api.get(`/admin/balances`, admin)).data
      expect(balances.count).toBe(4)
      expect(balances.balances.map((b: any) => b.status).sort()).toEqual(["due", "due", "due", "overdue"])
      // The order widget's schedule: marked overdue by the balance schedule's run, and the paid one's transfer.
      const schedule = async (orderId: string) => (await api.get(`/admin/orders/${orderId}/payment-plan`, admin)).data.schedule
      expect((await schedule(overdue.order_id)).charge).toMatchObject({ overdue_on: todayUtc() })
      expect((await schedule(paidInFull.order_id)).payments).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: "offline", method: "bank_transfer", amount: Math.round((paidInFull.total - paidInFull.deposit) * 100) / 100 })])
      )
      expect((await api.get(`/admin/deposit-policies/${photography.sales_channel_id}`, admin)).data.default).toMatchObject({ kind: "percent", value: 30, balance_due_days: 30 })
      expect((await api.get(`/admin/deposit-policies/${essentials.sales_channel_id}`, admin)).data.default).toBeNull()
      const today = new Date().toISOString().slice(0, 10)
      const from = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10)
      const funnel = (await api.get(`/admin/tier-analytics/funnel?from=${from}&to=${today}`, admin)).data
      expect(funnel.total.steps).toEqual({ segment_selected: 40, tier_viewed: 28, tier_compared: 16, checkout_started: 8, order: 5 })
      const revenue = (await api.get(`/admin/tier-analytics/revenue?from=${from}&to=${today}`, admin)).data
      expect(revenue.by_tier.filter((r: any) => r.orders > 0)).toHaveLength(5)
      expect(dates.find((d: any) => d.status === "blackout").reason).toEqual(expect.any(String))
      const addonTitles = async (tierId: string, tenant: DemoSeedResult["tenants"][number]) =>
        (await api.get(`/store/tiers/${tierId}/addons?region_id=${region}`, headers(tenant))).data.addons.map((a: any) => a.title)
      expect(await addonTitles(luxury.tiers[0].id, photography)).toContain("Highlight film")
      expect(await addonTitles(signature.tiers[0].id, photography)).not.toContain("Highlight film")
      // The budget storefront does not sell the photography-only add-ons.
      expect(await addonTitles(signature.tiers[0].id, essentials)).not.toContain("Rehearsal dinner coverage")
      expect(await addonTitles(signature.tiers[0].id, photography)).toContain("Rehearsal dinner coverage")
      let refused: any
      await api.get(`/store/segments/luxury?region_id=${region}`, headers(essentials)).catch((e: any) => (refused = e.response))
      expect(refused.status).toBe(404)
      await api
        .post(
          "/store/tiers/compare",
          { tier_ids: [signature.tiers[2].id, luxury.tiers[0].id], region_id: region },
          headers(essentials)
        )
        .catch((e: any) => (refused = e.response))
      expect(refused.status).toBe(404)
      const compared = await api.post(
        "/store/tiers/compare",
        { tier_ids: [signature.tiers[2].id, luxury.tiers[0].id], region_id: region },
        headers(photography)
      )
      expect(compared.data.tiers.map((t: any) => t.name)).toEqual(["Complete", "Prestige"])
    })

    it("gives every demo product and segment its own picture, served by the server itself, once", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const pictures = async () => ({
        products: (await query.graph({ entity: "product", fields: ["handle", "thumbnail", "images.url"] })).data
          .map((p: any) => ({ handle: p.handle, thumbnail: p.thumbnail, images: p.images.map((i: any) => i.url).sort() }))
          .sort((a: any, b: any) => a.handle.localeCompare(b.handle)),
        segments: (await query.graph({ entity: "segment", fields: ["handle", "image"] })).data
          .map((s: any) => ({ handle: s.handle, image: s.image }))
          .sort((a: any, b: any) => a.handle.localeCompare(b.handle)),
      })
      const demo = await seedDemo(container)
      const first = await pictures()
      await seedDemo(container)
      expect(await pictures()).toEqual(first)
      expect((await query.graph({ entity: "product_image", fields: ["id"] })).data).toHaveLength(first.products.length)

      expect(first.products).toHaveLength(DEMO_TIERS.length + DEMO_ADDONS.length + DEMO_SHOP_PRODUCTS.length)
      for (const product of first.products) {
        expect(product.thumbnail).toEqual(expect.any(String))
        expect(product.images).toEqual([product.thumbnail])
      }
      expect(first.segments).toHaveLength(3)
      const urls = [...first.products.map((p: any) => p.thumbnail), ...first.segments.map((s: any) => s.image)]
      expect(new Set(urls).size).toBe(urls.length)
      for (const url of urls) {
        // The local file provider's URL: this server's /static (its port is the dev server's, not the test's).
        const { hostname, pathname } = new URL(url)
        expect(hostname).toBe("localhost")
        expect(pathname).toMatch(/^\/static\/[^/]+\.svg$/)
        const served = await api.get(pathname, { responseType: "arraybuffer" })
        expect(served.status).toBe(200)
        expect(served.headers["content-type"]).toMatch(/^image\/svg\+xml/)
        expect(Buffer.from(served.data).toString("utf8")).toMatch(/^<svg /)
      }

      // The store API hands them on: segment cards and packages.
      const [photography] = demo.tenants
      const headers = { headers: { "x-publishable-api-key": photography.publishable_key } }
      const segments = (await api.get(`/store/segments?region_id=${demo.region_id}`, headers)).data.segments
      expect(segments.map((s: any) => [s.handle, s.image])).toEqual(
        ["essential", "signature", "luxury"].map((h) => [h, first.segments.find((f: any) => f.handle === h)?.image])
      )
      const signature = (await api.get(`/store/segments/signature?region_id=${demo.region_id}`, headers)).data
      expect(signature.tiers.map((t: any) => t.thumbnail)).toEqual(
        ["signature-essential", "signature-select", "signature-complete"].map((h) => first.products.find((p: any) => p.handle === h)?.thumbnail)
      )
    })
  },
})
