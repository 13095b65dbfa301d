import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, failed as fail } from "./fixtures"

jest.setTimeout(120 * 1000)

const experiment = {
  key: "upsell-copy",
  name: "Upsell copy test",
  traffic_percent: 10,
  variants: [
    { key: "control", weight: 1 },
    { key: "urgent", weight: 1, headline: "Only {{remaining_slots}} dates left for {{to_tier}}", incentive_percent: 5 },
  ],
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    beforeEach(async () => {
      admin = await adminHeaders(getContainer())
    })

    it("runs an experiment's life: draft, edits, start, frozen variants, traffic raise, stop", async () => {
      const created = (await api.post("/admin/experiments", experiment, admin)).data.experiment
      expect(created).toEqual(expect.objectContaining({ id: expect.stringMatching(/^exp_/), key: "upsell-copy", status: "draft", traffic_percent: 10 }))
      const edited = (await api.post(`/admin/experiments/${created.id}`, { variants: [...experiment.variants, { key: "calm", weight: 2 }] }, admin)).data.experiment
      expect(edited.variants.map((v: any) => v.key)).toEqual(["control", "urgent", "calm"])

      const started = (await api.post(`/admin/experiments/${created.id}/start`, {}, admin)).data.experiment
      expect(started).toEqual(expect.objectContaining({ status: "running", started_at: expect.any(String) }))
      const frozen = await fail(api.post(`/admin/experiments/${created.id}`, { variants: experiment.variants }, admin))
      expect(frozen.status).toBe(400)
      expect(frozen.data.message).toContain("stop it and start a new one")

      // Sticky assignment, and raising the traffic keeps everyone who was in where they were.
      const assigned = async (visitor: string) =>
        (await api.get(`/admin/experiments/${created.id}/assignment?visitor_id=${visitor}`, admin)).data.variant
      const before: Record<string, string | null> = {}
      for (let i = 0; i < 40; i++) before[`v${i}`] = await assigned(`v${i}`)
      expect(await assigned("v1")).toBe(before.v1)
      await api.post(`/admin/experiments/${created.id}`, { traffic_percent: 100 }, admin)
      let inside = 0
      for (let i = 0; i < 40; i++) {
        const now = await assigned(`v${i}`)
        expect(now).not.toBeNull()
        if (before[`v${i}`] !== null) {
          inside++
          expect(now).toBe(before[`v${i}`])
        }
      }
      expect(inside).toBeLessThan(40)

      const stopped = (await api.post(`/admin/experiments/${created.id}/stop`, {}, admin)).data.experiment
      expect(stopped).toEqual(expect.objectContaining({ status: "stopped", stopped_at: expect.any(String) }))
      expect((await fail(api.post(`/admin/experiments/${created.id}/start`, {}, admin))).status).toBe(400)
      expect((await api.get("/admin/experiments?status=stopped", admin)).data.count).toBe(1)
      expect((await api.delete(`/admin/experiments/${created.id}`, admin)).data.deleted).toBe(true)
    })

    it("refuses bad experiments", async () => {
      const bad = [
        { ...experiment, variants: [{ key: "only", weight: 1 }] },
        { ...experiment, variants: [{ key: "a", weight: 1 }, { key: "a", weight: 1 }] },
        { ...experiment, variants: [{ key: "a", weight: 0 }, { key: "b", weight: 1 }] },
        { ...experiment, traffic_percent: 120 },
        { ...experiment, key: "Has Spaces" },
        { ...experiment, variants: [{ key: "a", weight: 1, headline: "{{nope}}" }, { key: "b", weight: 1 }] },
      ]
      for (const body of bad) {
        expect([body, (await fail(api.post("/admin/experiments", body, admin))).status]).toEqual([body, 400])
      }
      await api.post("/admin/experiments", experiment, admin)
      const dup = await fail(api.post("/admin/experiments", experiment, admin))
      expect(dup.status).toBe(400)
      expect(dup.data.message).toContain("already used")
      expect((await fail(api.get("/admin/experiments/exp_missing", admin))).status).toBe(404)
      expect((await fail(api.post("/admin/experiments", experiment))).status).toBe(401)
      expect((await api.get("/admin/experiments", admin)).data.count).toBe(1)
    })
  },
})
