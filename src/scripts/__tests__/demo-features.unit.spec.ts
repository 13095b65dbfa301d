import { AdminCreateTier } from "../../api/admin/segments/validators"
import { buildComparison } from "../../lib/comparison"
import { DEMO_SEGMENTS, DEMO_TIERS } from "../demo-data"

// The seed writes tiers through the workflow, not the admin API: its features must still be ones the API accepts.
describe("the demo's tier features", () => {
  it.each(DEMO_TIERS.map((t) => [t.handle, t] as const))("%s passes the admin API's validation unchanged", (_, tier) => {
    const parsed = AdminCreateTier.parse({ level: tier.level, name: tier.name, features: tier.features })
    expect(parsed.features).toEqual(tier.features)
  })

  it.each(DEMO_SEGMENTS.map((s) => [s.handle] as const))("%s reads as grouped rows where a higher tier never has less", (handle) => {
    const tiers = DEMO_TIERS.filter((t) => t.segment === handle).sort((a, b) => a.level - b.level)
    const { rows, matrix } = buildComparison(tiers)
    expect([...new Set(rows.map((r) => r.group))]).toEqual(["Coverage", "Deliverables", "Team"])
    for (const row of rows) {
      // Every tier has every row of its segment, and something in it offered below stays offered above.
      expect([row.key, row.values.includes(null)]).toEqual([row.key, false])
      matrix[row.label].forEach((offered, i) => expect([row.key, i, offered || !matrix[row.label].slice(0, i).some(Boolean)]).toEqual([row.key, i, true]))
    }
    // Each step up adds something.
    tiers.slice(1).forEach((_, i) => expect(rows.some((r) => r.better[i + 1])).toBe(true))
  })

  it("reads Signature's coverage and album side by side", () => {
    const { rows } = buildComparison(DEMO_TIERS.filter((t) => t.segment === "signature"))
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]))
    expect(byKey.coverage.display).toEqual(["8 h", "10 h", "12 h"])
    expect(byKey["edited-photos"].display).toEqual(["500", "700", "900"])
    expect(byKey["heirloom-album"].display).toEqual(["—", "—", "Included"])
    expect(byKey["second-shooter"].better).toEqual([false, true, false])
  })
})
