import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant, failed as fail, dayFromToday as addDays } from "./fixtures"

jest.setTimeout(120 * 1000)

const isPeak = (date: string) => [6, 7, 8, 9].includes(Number(date.slice(5, 7)))
const nextYear = new Date().getUTCFullYear() + 1
const PEAK_DATE = `${nextYear}-07-17`
const QUIET_DATE = `${nextYear}-11-10`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let tenant: Tenant
    let region: { id: string }
    let signature: { id: string }
    let luxury: { id: string }
    let select: { id: string }
    let prestige: { id: string }

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      tenant = await createTenant(container, "Studio")
      region = await createRegion(container, "usd")
      const p1 = await createPackageProduct(container, { title: "Select", prices: { usd: 7500 }, salesChannelIds: [tenant.salesChannelId] })
      const p2 = await createPackageProduct(container, { title: "Prestige", prices: { usd: 12345.67 }, salesChannelIds: [tenant.salesChannelId] })
      signature = (await api.post("/admin/segments", { handle: "signature", name: "Signature", rank: 1 }, admin)).data.segment
      luxury = (await api.post("/admin/segments", { handle: "luxury", name: "Luxury", rank: 2 }, admin)).data.segment
      select = (await api.post(`/admin/segments/${signature.id}/tiers`, { level: 1, name: "Select", product_id: p1.id }, admin)).data.tier
      prestige = (await api.post(`/admin/segments/${luxury.id}/tiers`, { level: 1, name: "Prestige", product_id: p2.id }, admin)).data.tier
    })

    const createDemoRules = async () => {
      const peak = (
        await api.post("/admin/pricing-rules", { label: "Peak season", kind: "season", months: [6, 7, 8, 9], percent: 20, priority: 1 }, admin)
      ).data.pricing_rule
      const last = (
        await api.post("/admin/pricing-rules", { label: "Last minute", kind: "last_minute", days: 30, percent: -15, priority: 2 }, admin)
      ).data.pricing_rule
      return { peak, last }
    }

    it("manages pricing rules through the admin API", async () => {
      const { peak, last } = await createDemoRules()
      expect(peak).toEqual(
        expect.objectContaining({ id: expect.stringMatching(/^prule_/), kind: "season", months: [6, 7, 8, 9], percent: 20, stackable: true, is_active: true, segment_ids: [] })
      )
      const list = (await api.get("/admin/pricing-rules", admin)).data
      expect(list.count).toBe(2)
      expect(list.pricing_rules.map((r: any) => r.id)).toEqual([peak.id, last.id])
      expect((await api.get(`/admin/pricing-rules?kind=last_minute`, admin)).data.pricing_rules.map((r: any) => r.id)).toEqual([last.id])

      const updated = (await api.post(`/admin/pricing-rules/${peak.id}`, { percent: 25, segment_ids: [luxury.id] }, admin)).data.pricing_rule
      expect(updated).toEqual(expect.objectContaining({ percent: 25, segment_ids: [luxury.id] }))
      expect((await api.get(`/admin/pricing-rules/${peak.id}`, admin)).data.pricing_rule.percent).toBe(25)

      expect((await api.delete(`/admin/pricing-rules/${last.id}`, admin)).data).toEqual({ id: last.id, object: "pricing_rule", deleted: true })
      expect((await fail(api.get(`/admin/pricing-rules/${last.id}`, admin))).status).toBe(404)
      expect((await api.get("/admin/pricing-rules", admin)).data.count).toBe(1)
    })

    it("refuses bad rules with a 400 and unknown ones with a 404, changing nothing", async () => {
      const { peak } = await createDemoRules()
      const bad = [
        { label: "No kind", percent: 10 },
        { label: "Season without dates", kind: "season", percent: 10 },
        { label: "Bad month", kind: "season", percent: 10, months: [0] },
        { label: "Bad range", kind: "season", percent: 10, start_date: "2027-02-30", end_date: "2027-03-01" },
        { label: "No days", kind: "last_minute", percent: -10 },
        { label: "Mixed", kind: "weekday", percent: 10, weekdays: [6], days: 3 },
        { label: "Too low", kind: "early_bird", percent: -100, days: 100 },
        { label: "Text percent", kind: "early_bird", percent: "ten", days: 100 },
        { label: "Extra", kind: "early_bird", percent: 5, days: 100, price: 1 },
      ]
      for (const body of bad) {
        const response = await fail(api.post("/admin/pricing-rules", body, admin))
        expect([body.label, response.status]).toEqual([body.label, 400])
      }
      const scope = await fail(
        api.post("/admin/pricing-rules", { label: "Scoped", kind: "early_bird", days: 100, percent: -5, segment_ids: ["seg_missing"] }, admin)
      )
      expect(scope.status).toBe(400)
      // A partial change is judged with the stored rule: months cannot go on a last-minute rule.
      const merged = await fail(api.post(`/admin/pricing-rules/${peak.id}`, { kind: "last_minute" }, admin))
      expect(merged.status).toBe(400)
      expect((await api.get(`/admin/pricing-rules/${peak.id}`, admin)).data.pricing_rule.kind).toBe("season")
      expect((await fail(api.post(`/admin/pricing-rules/prule_missing`, { percent: 5 }, admin))).status).toBe(404)
      expect((await fail(api.post("/admin/pricing-rules", { label: "x", kind: "early_bird", days: 1, percent: 5 }))).status).toBe(401)
      expect((await api.get("/admin/pricing-rules", admin)).data.count).toBe(2)
    })

    it("prices the store for the event date with the breakdown", async () => {
      const { peak, last } = await createDemoRules()
      const segment = (date: string) =>
        api.get(`/store/segments/signature?region_id=${region.id}&event_date=${date}`, tenant.headers).then((r: any) => r.data.tiers[0].price)

      expect(await segment(PEAK_DATE)).toEqual({
        base: 7500,
        adjustments: [{ rule_id: peak.id, kind: "season", label: "Peak season", percent: 20, amount: 1500 }],
        final: 9000,
        currency_code: "usd",
      })
      expect(await segment(QUIET_DATE)).toEqual({ base: 7500, adjustments: [], final: 7500, currency_code: "usd" })

      const soon = addDays(10)
      const soonPrice = await segment(soon)
      const factor = (isPeak(soon) ? 1.2 : 1) * 0.85
      expect(soonPrice.final).toBe(Math.round(7500 * factor * 100) / 100)
      expect(soonPrice.adjustments.map((a: any) => a.rule_id)).toEqual(isPeak(soon) ? [peak.id, last.id] : [last.id])
      // Exactly 30 days out is not last-minute; 29 is.
      expect((await segment(addDays(30))).adjustments.map((a: any) => a.rule_id)).not.toContain(last.id)
      expect((await segment(addDays(29))).adjustments.map((a: any) => a.rule_id)).toContain(last.id)

      // Without a date, no date rule applies.
      const undated = (await api.get(`/store/segments/signature?region_id=${region.id}`, tenant.headers)).data.tiers[0].price
      expect(undated).toEqual({ base: 7500, adjustments: [], final: 7500, currency_code: "usd" })

      const compared = (
        await api.post("/store/tiers/compare", { tier_ids: [select.id, prestige.id], region_id: region.id, event_date: PEAK_DATE }, tenant.headers)
      ).data.tiers
      // 12345.67 * 1.2 = 14814.804 -> 14814.80
      expect(compared.map((t: any) => [t.name, t.price.final])).toEqual([
        ["Select", 9000],
        ["Prestige", 14814.8],
      ])

      // Scope and activity are honoured at once: no stale price after an admin change.
      await api.post(`/admin/pricing-rules/${peak.id}`, { segment_ids: [luxury.id] }, admin)
      expect((await segment(PEAK_DATE)).final).toBe(7500)
      await api.post(`/admin/pricing-rules/${peak.id}`, { segment_ids: [], is_active: false }, admin)
      expect((await segment(PEAK_DATE)).final).toBe(7500)
    })

    it("previews a tier's price over a range of dates", async () => {
      const { peak } = await createDemoRules()
      const { data } = await api.get(
        `/admin/tiers/${select.id}/price-preview?region_id=${region.id}&from=${nextYear}-05-30&to=${nextYear}-06-02`,
        admin
      )
      expect(data).toEqual(
        expect.objectContaining({ tier_id: select.id, currency_code: "usd", base: 7500, today: new Date().toISOString().slice(0, 10) })
      )
      expect(data.dates.map((d: any) => [d.date, d.final, d.adjustments.map((a: any) => a.rule_id)])).toEqual([
        [`${nextYear}-05-30`, 7500, []],
        [`${nextYear}-05-31`, 7500, []],
        [`${nextYear}-06-01`, 9000, [peak.id]],
        [`${nextYear}-06-02`, 9000, [peak.id]],
      ])
      const q = (s: string) => fail(api.get(`/admin/tiers/${select.id}/price-preview?${s}`, admin))
      expect((await q(`region_id=${region.id}&from=${nextYear}-06-02&to=${nextYear}-06-01`)).status).toBe(400)
      expect((await q(`region_id=${region.id}&from=${nextYear}-01-01&to=${nextYear + 1}-01-02`)).status).toBe(400)
      expect((await q(`region_id=${region.id}&from=nope&to=${nextYear}-06-01`)).status).toBe(400)
      expect((await q(`from=${nextYear}-06-01&to=${nextYear}-06-01`)).status).toBe(400)
      expect((await fail(api.get(`/admin/tiers/tier_missing/price-preview?region_id=${region.id}&from=${nextYear}-06-01&to=${nextYear}-06-01`, admin))).status).toBe(404)
    })
  },
})
