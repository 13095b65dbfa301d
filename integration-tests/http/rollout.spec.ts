import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import watchRollout from "../../src/jobs/watch-rollout"
import { DEFAULT_LADDER, previousStage, tenantPlace } from "../../src/lib/rollout"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { ROLLOUT_ROLLED_BACK } from "../../src/workflows/announce-rollout-rollbacks"
import { rollBackRolloutWorkflow } from "../../src/workflows/roll-back-rollout"
import { adminHeaders, createPackageProduct, createRegion, createTenant, failed as fail, setClock, Tenant, travel } from "./fixtures"

jest.setTimeout(240 * 1000)

const NOW = "2027-05-03T12:00:00.000Z"
const MINUTE = 60_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let tenants: Tenant[]
    /** A percent that splits the tenants: `inside` are in the stage at it, `outside` are not. */
    let split: { percent: number; inside: Tenant[]; outside: Tenant[] }
    let rolledBack: Record<string, unknown>[]
    const onRolledBack = async ({ data }: { data: Record<string, unknown> }) => {
      rolledBack.push(data)
    }

    beforeAll(() => {
      getContainer().resolve(Modules.EVENT_BUS).subscribe(ROLLOUT_ROLLED_BACK, onRolledBack as never)
    })

    beforeEach(async () => {
      setClock(NOW)
      rolledBack = []
      const container = getContainer()
      admin = await adminHeaders(container)
      tenants = []
      for (const name of ["Ash", "Birch", "Cedar", "Dogwood", "Elm", "Fir"]) {
        tenants.push(await createTenant(container, name))
      }
      const byPlace = [...tenants].sort((a, b) => tenantPlace(a.salesChannelId) - tenantPlace(b.salesChannelId))
      // The whole percent just over a tenant's place, when the next tenant's place is above it.
      const k = byPlace.findIndex((t, i) => i < byPlace.length - 1 && Math.floor(tenantPlace(t.salesChannelId)) + 1 <= tenantPlace(byPlace[i + 1].salesChannelId))
      const percent = Math.floor(tenantPlace(byPlace[k].salesChannelId)) + 1
      split = { percent, inside: byPlace.slice(0, k + 1), outside: byPlace.slice(k + 1) }
    })

    afterEach(() => {
      jest.useRealTimers()
    })

    const analytics = () => getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService
    const overview = async () => (await api.get("/admin/tier-rollout", admin)).data
    const rolloutOf = async (feature: string) => (await overview()).rollouts.find((r: any) => r.feature === feature)
    const changes = async (feature: string) => (await api.get(`/admin/tier-rollout/${feature}/changes`, admin)).data
    const notices = () =>
      getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed", template: "tiered-rollout-rolled-back" }, { order: { created_at: "ASC" } })
    const setStage = (feature: string, percent: number) =>
      api.post(`/admin/tier-rollout/${feature}/stage`, { percent, reason: "Next step of the plan" }, admin)
    const minuteNow = () => new Date(Math.floor(Date.now() / MINUTE) * MINUTE)
    /** `visitors` who viewed a tier at the tenant now, `orders` of them who ordered. */
    const traffic = async (tenant: Tenant, visitors: number, orders: number, tag: string) => {
      const ids = Array.from({ length: visitors }, (_, i) => `vis_${tag}_${tenant.salesChannelId}_${i}`)
      await analytics().createTierEvents(ids.map((visitor_id) => ({ name: "tier_viewed" as const, visitor_id, sales_channel_id: tenant.salesChannelId })))
      for (const visitor_id of ids.slice(0, orders)) {
        await analytics().recordConversion({
          order_id: `order_${visitor_id}`,
          kind: "order",
          reference: "placed",
          sales_channel_id: tenant.salesChannelId,
          currency_code: "usd",
          revenue: 5000,
          addon_revenue: 0,
          commission: 500,
          visitor_id,
          occurred_at: new Date(),
          lines: [],
        })
      }
    }
    const pageLoads = async (tenant: Tenant, count: number, lcp_ms: number) => {
      for (let i = 0; i < count; i++) {
        expect((await api.post("/store/tier-events", { name: "page_load", properties: { lcp_ms, path: "/" } }, tenant.headers)).status).toBe(202)
      }
    }
    /** Only the catalog is judged: the upsell (which runs on the catalog's tenants, so reads the same figures) is paused. */
    const watchCatalogOnly = async (percent?: number) => {
      await api.post("/admin/tier-rollout/upsell/pause", { reason: "One rollout at a time" }, admin)
      if (percent !== undefined) await setStage("tiered_catalog", percent)
    }
    const judge = async () => {
      travel(MINUTE)
      await watchRollout(getContainer())
    }

    it("keeps a healthy stage: the plugin's store requests are counted per tenant, and errors outside the stage do not count", async () => {
      await watchCatalogOnly(split.percent)
      travel(MINUTE)
      const [inside] = split.inside
      const [outside] = split.outside
      for (let i = 0; i < 60; i++) {
        expect((await api.get("/store/tiered/health", inside.headers)).status).toBe(200)
      }
      await pageLoads(inside, 100, 1_800)
      await traffic(inside, 150, 30, "in")
      await traffic(outside, 150, 30, "out")
      await analytics().addStoreRequestCounts([{ sales_channel_id: outside.salesChannelId, minute: minuteNow(), requests: 200, errors: 100 }])
      await judge()

      const catalog = await rolloutOf("tiered_catalog")
      expect(catalog).toEqual(expect.objectContaining({ feature: "tiered_catalog", percent: split.percent, paused: false }))
      // Every sales channel counts, Medusa's default one too.
      const channels = (await api.get("/admin/sales-channels?limit=100", admin)).data.sales_channels.map((c: { id: string }) => c.id)
      expect(catalog.tenants).toEqual({ in_stage: channels.filter((c: string) => tenantPlace(c) < split.percent).length, total: channels.length })
      const figures = Object.fromEntries(catalog.guardrails.map((g: any) => [g.name, g]))
      // 60 health checks and 100 page loads, all answered 2xx: Medusa's own routes are not counted.
      expect(figures.error_rate).toEqual(expect.objectContaining({ status: "ok", value: 0, sample: 160 }))
      expect(figures.conversion).toEqual(expect.objectContaining({ status: "ok", value: 0, sample: 150 }))
      expect(figures.page_load).toEqual(expect.objectContaining({ status: "ok", value: 1_800, sample: 100, threshold: 3_000 }))
      expect(catalog.requests).toEqual([{ minute: "2027-05-03T12:01:00.000Z", requests: 160, errors: 0 }])
      expect((await changes("tiered_catalog")).changes.map((c: any) => c.action)).toEqual(["set"])
      expect(await notices()).toEqual([])
      expect(rolledBack).toEqual([])
    })

    it("rolls a stage back when its tenants' store routes answer 5xx over 1%, and records, notifies and emits it", async () => {
      await watchCatalogOnly(split.percent)
      travel(MINUTE)
      const [inside] = split.inside
      await analytics().addStoreRequestCounts([
        { sales_channel_id: inside.salesChannelId, minute: minuteNow(), requests: 150, errors: 1 },
        { sales_channel_id: inside.salesChannelId, minute: minuteNow(), requests: 50, errors: 3 },
      ])
      await judge()

      const back = previousStage(DEFAULT_LADDER, split.percent)!
      expect((await rolloutOf("tiered_catalog")).percent).toBe(back)
      const [rollback, set] = (await changes("tiered_catalog")).changes
      expect(set).toEqual(expect.objectContaining({ action: "set", reason: "Next step of the plan", actor_id: expect.stringMatching(/^user_/) }))
      expect(rollback).toEqual(
        expect.objectContaining({
          action: "rollback",
          from_percent: split.percent,
          to_percent: back,
          actor_id: null,
          reason: "Guardrail breached: store 5xx rate 2% over 1% (200 requests)",
        })
      )
      expect(rollback.figures.guardrails.find((g: any) => g.name === "error_rate")).toEqual(
        expect.objectContaining({ status: "breached", value: 2, threshold: 1, sample: 200 })
      )
      const [notice] = await notices()
      expect(notice).toEqual(
        expect.objectContaining({ to: "", channel: "feed", data: expect.objectContaining({ title: `Tiered catalog rolled back to ${back}%`, feature: "tiered_catalog", id: rollback.id }) })
      )
      await waitFor(() => rolledBack.length > 0)
      expect(rolledBack).toEqual([expect.objectContaining({ id: rollback.id, feature: "tiered_catalog", from_percent: split.percent, to_percent: back })])

      // The next run judges the lower stage on its own traffic: nothing yet, so nothing more.
      await judge()
      expect((await rolloutOf("tiered_catalog")).percent).toBe(back)
      expect(await notices()).toHaveLength(1)
      expect(rolledBack).toHaveLength(1)

      // A rollback whose process died before announcing it is announced by the next run, once.
      await setStage("tiered_catalog", 50)
      const { result: unannounced } = await rollBackRolloutWorkflow(getContainer()).run({
        input: { feature: "tiered_catalog", reason: "Recorded before a crash", figures: { guardrails: [], window: { since: NOW, until: NOW } } },
      })
      expect(await notices()).toHaveLength(1)
      await judge()
      await judge()
      expect((await notices()).map((n: any) => n.data.id)).toEqual([rollback.id, unannounced.id])
      await waitFor(() => rolledBack.length > 1)
      expect(rolledBack.map((e) => e.id)).toEqual([rollback.id, unannounced.id])
    })

    it("rolls a stage back when its conversion falls over 10% under the tenants outside it, not on a drop within the noise", async () => {
      await watchCatalogOnly(split.percent)
      travel(MINUTE)
      // 40% under the control on 100 visitors each: not told apart from noise, so the stage stays.
      await traffic(split.inside[0], 100, 6, "small")
      await traffic(split.outside[0], 100, 10, "small")
      await judge()
      const noisy = (await rolloutOf("tiered_catalog")).guardrails.find((g: any) => g.name === "conversion")
      expect(noisy).toEqual(expect.objectContaining({ status: "ok", value: -40, sample: 100 }))
      expect((await rolloutOf("tiered_catalog")).percent).toBe(split.percent)

      // A clear drop: 5% of the stage's visitors order against 30% outside.
      await traffic(split.inside[0], 300, 15, "big")
      await traffic(split.outside[0], 300, 90, "big")
      await judge()
      const back = previousStage(DEFAULT_LADDER, split.percent)!
      expect((await rolloutOf("tiered_catalog")).percent).toBe(back)
      const [rollback] = (await changes("tiered_catalog")).changes
      expect(rollback).toEqual(expect.objectContaining({ action: "rollback", to_percent: back, actor_id: null }))
      expect(rollback.reason).toMatch(/^Guardrail breached: conversion -\d+(\.\d+)?% against the control, under -10% \(400 visitors\)$/)
      const conversion = rollback.figures.guardrails.find((g: any) => g.name === "conversion")
      expect(conversion.status).toBe("breached")
      expect(conversion.comparison.upper).toBeLessThan(0)
      expect(await notices()).toHaveLength(1)
      await waitFor(() => rolledBack.length > 0)
      expect(rolledBack).toEqual([expect.objectContaining({ feature: "tiered_catalog", to_percent: back })])
    })

    it("rolls a stage back when its storefronts' p75 page load is over 3 s", async () => {
      await watchCatalogOnly(split.percent)
      travel(MINUTE)
      const [inside] = split.inside
      const [outside] = split.outside
      await pageLoads(inside, 25, 1_200)
      await pageLoads(inside, 75, 4_100)
      // Slow pages outside the stage are not the stage's.
      await pageLoads(outside, 100, 9_000)
      await judge()

      const back = previousStage(DEFAULT_LADDER, split.percent)!
      expect((await rolloutOf("tiered_catalog")).percent).toBe(back)
      const [rollback] = (await changes("tiered_catalog")).changes
      expect(rollback.reason).toBe("Guardrail breached: page load p75 4100 ms over 3000 ms (100 page loads)")
      expect(await notices()).toHaveLength(1)
      await waitFor(() => rolledBack.length > 0)
      expect(rolledBack).toHaveLength(1)
    })

    it("at 100% holds the tenants against the same window a week before, not against the hour before", async () => {
      await watchCatalogOnly()
      const everyone = tenants[0]
      const week = 7 * 24 * 60 * MINUTE
      // An evening's conversion is half the afternoon's: against the hour before it would read as a drop.
      travel(-week)
      await traffic(everyone, 200, 60, "last-week")
      travel(week - 61 * MINUTE)
      await traffic(everyone, 200, 120, "afternoon")
      travel(61 * MINUTE)
      await traffic(everyone, 200, 60, "evening")
      await judge()
      expect((await rolloutOf("tiered_catalog")).percent).toBe(100)
      expect((await rolloutOf("tiered_catalog")).guardrails.find((g: any) => g.name === "conversion")).toEqual(
        expect.objectContaining({ status: "ok", value: 0, sample: 200 })
      )

      // The next week the same evening converts a third as well: rolled back.
      travel(week - MINUTE)
      // (A week on, the admin's token has expired: sign in again.)
      admin = await adminHeaders(getContainer())
      await traffic(everyone, 200, 10, "next-week")
      await judge()
      expect((await rolloutOf("tiered_catalog")).percent).toBe(50)
      const [rollback] = (await changes("tiered_catalog")).changes
      expect(rollback).toEqual(expect.objectContaining({ action: "rollback", from_percent: 100, to_percent: 50 }))
      expect(rollback.figures.guardrails.find((g: any) => g.name === "conversion")).toEqual(
        expect.objectContaining({ status: "breached", value: expect.any(Number) })
      )
    })

    it("advances, pauses, resumes and sets a stage, each kept with who and why", async () => {
      const me = (await api.get("/admin/users/me", admin)).data.user.id
      // A second between changes: the history is newest first.
      await setStage("upsell", 0)
      travel(1_000)
      const advanced = (await api.post("/admin/tier-rollout/upsell/advance", { reason: "First tenants" }, admin)).data
      expect(advanced.rollout).toEqual(expect.objectContaining({ percent: 5, paused: false, next_percent: 25, previous_percent: 0 }))
      expect(advanced.change).toEqual(expect.objectContaining({ action: "advance", from_percent: 0, to_percent: 5, reason: "First tenants", actor_id: me }))
      travel(1_000)
      const paused = (await api.post("/admin/tier-rollout/upsell/pause", { reason: "Support is swamped" }, admin)).data
      expect(paused.rollout).toEqual(expect.objectContaining({ percent: 5, paused: true, next_percent: null }))
      expect((await api.get("/admin/tier-flags", admin)).data.flags).toEqual(expect.objectContaining({ upsell_rollout_percent: 5, rollout_paused: ["upsell"] }))
      const refused = await fail(api.post("/admin/tier-rollout/upsell/advance", { reason: "Go on" }, admin))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("upsell: The rollout is paused: resume it before advancing")
      travel(1_000)
      await api.post("/admin/tier-rollout/upsell/resume", { reason: "Back to normal" }, admin)
      travel(1_000)
      await api.post("/admin/tier-rollout/upsell/stage", { percent: 100, reason: "Everyone" }, admin)
      const history = (await changes("upsell")).changes
      expect(history.map((c: any) => [c.action, c.from_percent, c.to_percent, c.from_paused, c.to_paused, c.reason, c.actor_id])).toEqual([
        ["set", 5, 100, false, false, "Everyone", me],
        ["resume", 5, 5, true, false, "Back to normal", me],
        ["pause", 5, 5, false, true, "Support is swamped", me],
        ["advance", 0, 5, false, false, "First tenants", me],
        ["set", 100, 0, false, false, "Next step of the plan", me],
      ])
      expect((await api.get("/admin/tier-rollout/upsell/changes?limit=2&offset=1", admin)).data).toEqual(
        expect.objectContaining({ count: 5, limit: 2, offset: 1, changes: [expect.objectContaining({ action: "resume" }), expect.objectContaining({ action: "pause" })] })
      )
    })

    it("shows the catalog to the stage's tenants only, a tenant's override and the allowlist over the stage; the flags' stage changes are kept too", async () => {
      const container = getContainer()
      const region = await createRegion(container, "usd")
      const product = await createPackageProduct(container, { title: "Everywhere", prices: { usd: 5000 }, salesChannelIds: tenants.map((t) => t.salesChannelId) })
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment
      await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Essential", product_id: product.id }, admin)
      const sees = async (t: Tenant) => (await api.get(`/store/segments?region_id=${region.id}`, t.headers)).data.segments.length
      const [inside] = split.inside
      const [outside] = split.outside
      expect([await sees(inside), await sees(outside)]).toEqual([1, 1])

      await setStage("tiered_catalog", split.percent)
      expect([await sees(inside), await sees(outside)]).toEqual([1, 0])
      await api.post("/admin/tier-flags", { tenant_overrides: { [outside.salesChannelId]: { tiered_catalog: true }, [inside.salesChannelId]: { tiered_catalog: false } } }, admin)
      expect([await sees(inside), await sees(outside)]).toEqual([0, 1])
      await api.delete("/admin/tier-flags?key=tenant_overrides", admin)
      await api.post("/admin/tier-flags", { tenant_allowlist: [outside.salesChannelId] }, admin)
      expect([await sees(inside), await sees(outside)]).toEqual([0, 1])
      await api.delete("/admin/tier-flags?key=tenant_allowlist", admin)
      travel(1_000)
      await api.post("/admin/tier-rollout/tiered_catalog/pause", { reason: "Hold on" }, admin)
      expect([await sees(inside), await sees(outside)]).toEqual([0, 0])

      const unknown = await fail(api.post("/admin/tier-flags", { tenant_overrides: { sc_nope: { upsell: true } } }, admin))
      expect([unknown.status, unknown.data.message]).toEqual([400, expect.stringContaining("sc_nope")])
      travel(1_000)
      const me = (await api.get("/admin/users/me", admin)).data.user.id
      await api.post("/admin/tier-flags", { tiered_catalog_rollout_percent: 100 }, admin)
      const [viaFlags] = (await changes("tiered_catalog")).changes
      expect(viaFlags).toEqual(expect.objectContaining({ action: "set", from_percent: split.percent, to_percent: 100, from_paused: true, to_paused: true, reason: "Set on the tier flags", actor_id: me }))
      expect((await fail(api.post("/admin/tier-flags", { upsell_rollout_percent: 12.5 }, admin))).status).toBe(400)
      expect((await changes("tiered_catalog")).count).toBe(3)
    })

    it("refuses bad changes with a 400 (an unknown feature 404) and changes nothing", async () => {
      const before = await overview()
      const bad: [string, Record<string, unknown>, number][] = [
        ["/admin/tier-rollout/upsell/advance", {}, 400],
        ["/admin/tier-rollout/upsell/advance", { reason: "   " }, 400],
        ["/admin/tier-rollout/upsell/advance", { reason: "x".repeat(501) }, 400],
        ["/admin/tier-rollout/upsell/advance", { reason: "Go", extra: true }, 400],
        ["/admin/tier-rollout/upsell/advance", { reason: "Already everyone" }, 400],
        ["/admin/tier-rollout/upsell/resume", { reason: "Not paused" }, 400],
        ["/admin/tier-rollout/upsell/stage", { reason: "Too far", percent: 150 }, 400],
        ["/admin/tier-rollout/upsell/stage", { reason: "Not whole", percent: 12.5 }, 400],
        ["/admin/tier-rollout/upsell/stage", { reason: "Text", percent: "50" }, 400],
        ["/admin/tier-rollout/upsell/stage", { percent: 50 }, 400],
        ["/admin/tier-rollout/upsell/stage", { reason: "Same", percent: 100 }, 400],
        ["/admin/tier-rollout/checkout/advance", { reason: "No such feature" }, 404],
      ]
      for (const [path, body, status] of bad) {
        expect([path, body, (await fail(api.post(path, body, admin))).status]).toEqual([path, body, status])
      }
      expect((await fail(api.post("/admin/tier-rollout/upsell/pause", { reason: "Who?" }))).status).toBe(401)
      expect((await fail(api.get("/admin/tier-rollout/upsell/changes?limit=500", admin))).status).toBe(400)
      expect(await overview()).toEqual(before)
      expect((await changes("upsell")).count).toBe(0)
      expect((await changes("tiered_catalog")).count).toBe(0)
    })

    it("refuses a page load without a sane LCP and stores nothing", async () => {
      const tenant = tenants[0]
      for (const properties of [undefined, {}, { lcp_ms: -1 }, { lcp_ms: 60_001 }, { lcp_ms: "fast" }, { lcp_ms: null }]) {
        const refused = await fail(api.post("/store/tier-events", { name: "page_load", properties }, tenant.headers))
        expect([properties, refused.status]).toEqual([properties, 400])
      }
      expect(await analytics().listTierEvents({ name: "page_load" })).toEqual([])
    })
  },
})

async function waitFor(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 100))
}
