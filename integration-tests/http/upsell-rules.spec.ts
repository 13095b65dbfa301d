import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, failed as fail } from "./fixtures"

jest.setTimeout(120 * 1000)

const rule = {
  name: "Viewing tier 1 -> compare with tier 2",
  trigger: { all: [{ viewing_tier: { level: 1 } }, { any: [{ segment_in: ["signature"] }, { addon_count_at_least: 2 }] }] },
  action: "show_comparison",
  incentive_percent: 5,
  headline: "Upgrade to {{to_tier}} for {{price_difference}} more",
  body: "Only {{remaining_slots}} dates left this season",
  priority: 10,
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    beforeEach(async () => {
      admin = await adminHeaders(getContainer())
    })

    it("creates, lists, updates and deletes upsell rules", async () => {
      const created = (await api.post("/admin/upsell-rules", rule, admin)).data.upsell_rule
      expect(created).toEqual(
        expect.objectContaining({ id: expect.stringMatching(/^upsr_/), ...rule, is_active: true, sales_channel_ids: [], starts_at: null })
      )
      await api.post("/admin/upsell-rules", { ...rule, name: "Scarcity", action: "emphasize_scarcity", trigger: { high_demand_date: true }, priority: 20 }, admin)
      const list = (await api.get("/admin/upsell-rules", admin)).data
      expect(list.count).toBe(2)
      expect(list.upsell_rules.map((r: any) => r.name)).toEqual(["Scarcity", rule.name])

      const updated = (
        await api.post(`/admin/upsell-rules/${created.id}`, { is_active: false, starts_at: "2027-01-01T00:00:00Z", ends_at: "2027-12-31T00:00:00Z" }, admin)
      ).data.upsell_rule
      expect(updated).toEqual(expect.objectContaining({ is_active: false, starts_at: expect.stringContaining("2027-01-01") }))
      expect((await api.get("/admin/upsell-rules?is_active=true", admin)).data.count).toBe(1)

      expect((await api.delete(`/admin/upsell-rules/${created.id}`, admin)).data).toEqual({ id: created.id, object: "upsell_rule", deleted: true })
      expect((await fail(api.get(`/admin/upsell-rules/${created.id}`, admin))).status).toBe(404)
    })

    it("refuses bad rules with 400, unknown ones with 404 and anonymous calls with 401", async () => {
      const bad = [
        { ...rule, trigger: { viewing: 1 } },
        { ...rule, trigger: { all: [{ addon_count_at_least: -1 }] } },
        { ...rule, action: "discount_everything" },
        { ...rule, headline: "Upgrade for {{price}}" },
        { ...rule, headline: "" },
        { ...rule, incentive_percent: 80 },
        { ...rule, starts_at: "2027-02-01T00:00:00Z", ends_at: "2027-01-01T00:00:00Z" },
        { ...rule, extra: true },
      ]
      for (const body of bad) {
        expect([body, (await fail(api.post("/admin/upsell-rules", body, admin))).status]).toEqual([body, 400])
      }
      const created = (await api.post("/admin/upsell-rules", { ...rule, starts_at: "2027-01-01T00:00:00Z" }, admin)).data.upsell_rule
      // A change is judged with the stored window.
      expect((await fail(api.post(`/admin/upsell-rules/${created.id}`, { ends_at: "2026-12-01T00:00:00Z" }, admin))).status).toBe(400)
      expect((await fail(api.post(`/admin/upsell-rules/upsr_missing`, { priority: 1 }, admin))).status).toBe(404)
      expect((await fail(api.post("/admin/upsell-rules", rule))).status).toBe(401)
      expect((await api.get("/admin/upsell-rules", admin)).data.count).toBe(1)
    })
  },
})
