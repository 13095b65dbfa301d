import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { UPSELL_MODULE, UpsellModuleService } from "../../src/modules/upsell"
import { adminHeaders, createPackageProduct, createRegion, createTenant, dayFromToday as day, failed as fail, Tenant } from "./fixtures"
import { newVisitor, visitorsByVariant } from "./visitors"

jest.setTimeout(240 * 1000)

const nextYear = new Date().getUTCFullYear() + 1
// A quiet date: no date rule fires, so prices are the catalog prices.
const QUIET = `${nextYear}-11-10`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let other: Tenant
    let region: { id: string }
    let t: Record<string, { id: string }>
    let addons: string[]
    let rules: Record<string, { id: string }>
    const events: { name: string; data: any }[] = []

    beforeAll(() => {
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of ["upsell.shown", "upsell.accepted", "upsell.declined"]) {
        bus.subscribe(name, async (event: any) => {
          events.push({ name, data: event.data })
        })
      }
    })

    beforeEach(async () => {
      events.length = 0
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      other = await createTenant(container, "Other")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number, channels = [studio.salesChannelId]) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: channels }) as any
      const signature = (await api.post("/admin/segments", { handle: "signature", name: "Signature", rank: 1 }, admin)).data.segment
      const luxury = (await api.post("/admin/segments", { handle: "luxury", name: "Luxury", rank: 2 }, admin)).data.segment
      t = {}
      for (const [key, segment, level, price] of [
        ["essential", signature, 1, 5000],
        ["select", signature, 2, 7500],
        ["complete", signature, 3, 10000],
        ["prestige", luxury, 1, 12000],
      ] as const) {
        const product = await mk(`${key} package`, price)
        t[key] = (await api.post(`/admin/segments/${segment.id}/tiers`, { level, name: key[0].toUpperCase() + key.slice(1), product_id: product.id }, admin)).data.tier
      }
      const otherProduct = await mk("Other package", 3000, [other.salesChannelId])
      t.others = (await api.post(`/admin/segments/${luxury.id}/tiers`, { level: 2, name: "Others", product_id: otherProduct.id }, admin)).data.tier
      addons = []
      for (const title of ["Album", "Extra hour"]) {
        const p = await mk(title, 500)
        await api.post("/admin/addon-rules", { product_id: p.id, segment_id: signature.id, max_quantity: 2 }, admin)
        addons.push(p.variants[0].id)
      }
      await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 3, high_demand_threshold: 1 } }, admin)
      const rule = async (body: Record<string, unknown>) => (await api.post("/admin/upsell-rules", body, admin)).data.upsell_rule
      rules = {
        compare: await rule({
          name: "Viewing level 1: compare with the next tier",
          trigger: { viewing_tier: { segment: "signature", level: 1 } },
          action: "show_comparison",
          headline: "Compare {{from_tier}} with {{to_tier}}",
          priority: 10,
        }),
        upgrade: await rule({
          name: "Two add-ons: suggest the upgrade",
          trigger: { addon_count_at_least: 2 },
          action: "suggest_upgrade",
          headline: "Upgrade to {{to_tier}} for {{price_difference}} more",
          body: "Save {{incentive_percent}}% on {{to_tier}}",
          priority: 20,
        }),
        scarcity: await rule({
          name: "High-demand date",
          trigger: { high_demand_date: true },
          action: "emphasize_scarcity",
          headline: "Only {{remaining_slots}} left on this date",
          priority: 30,
        }),
      }
    })

    const offers = (body: Record<string, unknown>, tenant = studio) => api.post("/store/upsell/offers", body, tenant.headers)
    const stored = () => (getContainer().resolve(UPSELL_MODULE) as UpsellModuleService).listUpsellOffers({}, { order: { created_at: "ASC" } })
    const cartWith = async (tier: string, date: string, addonIds: string[] = []) => {
      const cart = (await api.post("/store/carts", { region_id: region.id }, studio.headers)).data.cart
      return (await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tier, event_date: date, addon_variant_ids: addonIds }, studio.headers)).data.cart
    }

    it("offers the comparison with the next tier to a visitor viewing level 1, records it and emits upsell.shown", async () => {
      const visitor = await newVisitor(api, studio)
      const { data } = await offers({ visitor_id: visitor, region_id: region.id, context: { viewing_tier_id: t.essential.id, event_date: QUIET } })
      expect(data.visitor_id).toBe(visitor)
      expect(data.offers).toEqual([
        {
          id: expect.stringMatching(/^upso_/),
          rule_id: rules.compare.id,
          action: "show_comparison",
          headline: "Compare Essential with Select",
          body: null,
          status: "shown",
          from_tier_id: t.essential.id,
          to_tier_id: t.select.id,
          event_date: QUIET,
          price_difference: 2500,
          currency_code: "usd",
        },
      ])
      const [row] = await stored()
      expect(row).toEqual(expect.objectContaining({ id: data.offers[0].id, visitor_id: visitor, sales_channel_id: studio.salesChannelId, status: "shown" }))
      for (let i = 0; i < 50 && !events.length; i++) await new Promise((r) => setTimeout(r, 50))
      expect(events).toEqual([{ name: "upsell.shown", data: expect.objectContaining({ id: row.id, rule_id: rules.compare.id, visitor_id: visitor }) }])

      // The top of a segment points to the next segment's first dearer tier.
      const top = (await offers({ visitor_id: visitor, region_id: region.id, context: { viewing_tier_id: t.complete.id, addon_count: 2 } })).data.offers
      expect(top).toEqual([expect.objectContaining({ action: "suggest_upgrade", to_tier_id: t.prestige.id, price_difference: 1400 })])
    })

    it("reads the cart: add-ons on the tier line and a high-demand date, highest priority first, with the default upgrade incentive", async () => {
      const flagged = day(60)
      await api.post(`/admin/availability/${studio.salesChannelId}`, { add_high_demand_dates: [{ date: flagged }] }, admin)
      const cart = await cartWith(t.essential.id, flagged, addons)
      const { data } = await offers({ visitor_id: await newVisitor(api, studio), cart_id: cart.id, context: {} })
      expect(data.offers.map((o: any) => o.action)).toEqual(["emphasize_scarcity", "suggest_upgrade"])
      // The cart's own hold takes one of the date's places.
      expect(data.offers[0]).toEqual(expect.objectContaining({ headline: "Only 2 left on this date", remaining_slots: 2 }))
      // Select 7500 with the 5% upgrade incentive = 7125; the Essential line costs 5000 (last-minute rules: none).
      expect(data.offers[1]).toEqual(
        expect.objectContaining({
          from_tier_id: t.essential.id,
          to_tier_id: t.select.id,
          incentive_percent: 5,
          price_difference: 2125,
          headline: "Upgrade to Select for $2,125.00 more",
          body: "Save 5% on Select",
        })
      )
      expect((await stored()).map((o) => o.cart_id)).toEqual([cart.id, cart.id])
    })

    it("answers at most the configured number of offers and leaves out rules outside their window or tenant", async () => {
      await api.post("/admin/upsell-rules", { name: "Signature visitors", trigger: { segment_in: ["signature"] }, action: "suggest_addon_bundle", headline: "Add {{incentive_percent}}% off", priority: 5 }, admin)
      await api.post("/admin/upsell-rules", { name: "Not yet", trigger: { segment_in: ["signature"] }, action: "suggest_addon_bundle", headline: "Later", priority: 100, starts_at: `${nextYear}-01-01T00:00:00Z` }, admin)
      await api.post("/admin/upsell-rules", { name: "Other tenant only", trigger: { segment_in: ["signature"] }, action: "suggest_addon_bundle", headline: "Theirs", priority: 99, sales_channel_ids: [other.salesChannelId] }, admin)
      const flagged = day(61)
      await api.post(`/admin/availability/${studio.salesChannelId}`, { add_high_demand_dates: [{ date: flagged }] }, admin)
      const visitor = await newVisitor(api, studio)
      const { data } = await offers({ visitor_id: visitor, region_id: region.id, context: { viewing_tier_id: t.essential.id, event_date: flagged, addon_count: 2 } })
      expect(data.offers.map((o: any) => o.rule_id)).toEqual([rules.scarcity.id, rules.upgrade.id, rules.compare.id])
      const fewer = await offers({ visitor_id: visitor, region_id: region.id, context: { viewing_tier_id: t.essential.id } })
      expect(fewer.data.offers.map((o: any) => [o.action, o.incentive_percent])).toEqual([["show_comparison", undefined], ["suggest_addon_bundle", 10]])
    })

    it("records one decision per offer and emits it; a second decision is a 409", async () => {
      const visitor = await newVisitor(api, studio)
      const [offer] = (await offers({ visitor_id: visitor, context: { viewing_tier_id: t.essential.id } })).data.offers
      expect(offer.price_difference).toBeUndefined()
      const bad = await fail(api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "maybe" }, studio.headers))
      expect(bad.status).toBe(400)
      const hidden = await fail(api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" }, other.headers))
      expect(hidden.status).toBe(404)
      const { data } = await api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" }, studio.headers)
      expect(data.offer).toEqual(expect.objectContaining({ id: offer.id, status: "accepted" }))
      const again = await fail(api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "declined" }, studio.headers))
      expect(again.status).toBe(409)
      expect(again.data.message).toBe(`Offer ${offer.id} was already accepted`)
      expect((await stored())[0].status).toBe("accepted")
      const missing = await fail(api.post(`/store/upsell/offers/upso_nope/decision`, { decision: "declined" }, studio.headers))
      expect(missing.status).toBe(404)

      // Asked again the same day, the visitor gets the same offer, decided.
      const [same] = (await offers({ visitor_id: visitor, context: { viewing_tier_id: t.essential.id } })).data.offers
      expect(same).toEqual(expect.objectContaining({ id: offer.id, status: "accepted" }))
      expect(await stored()).toHaveLength(1)

      const [second] = (await offers({ visitor_id: await newVisitor(api, studio), context: { viewing_tier_id: t.essential.id } })).data.offers
      expect(second.id).not.toBe(offer.id)
      await api.post(`/store/upsell/offers/${second.id}/decision`, { decision: "declined" }, studio.headers)
      for (let i = 0; i < 50 && events.filter((e) => e.name !== "upsell.shown").length < 2; i++) await new Promise((r) => setTimeout(r, 50))
      expect(events.filter((e) => e.name !== "upsell.shown")).toEqual([
        { name: "upsell.accepted", data: expect.objectContaining({ id: offer.id, rule_id: rules.compare.id }) },
        { name: "upsell.declined", data: expect.objectContaining({ id: second.id }) },
      ])
    })

    it("answers a returning visitor from the cache until one of its offers is decided or a rule changes", async () => {
      const visitor = await newVisitor(api, studio)
      const ask = async () => (await offers({ visitor_id: visitor, region_id: region.id, context: { viewing_tier_id: t.essential.id, event_date: QUIET } })).data.offers
      const [first] = await ask()
      expect(first).toEqual(expect.objectContaining({ rule_id: rules.compare.id, headline: "Compare Essential with Select", status: "shown" }))
      // A change behind Medusa's back (no module event) is not seen: the answer comes from the cache.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(`update upsell_rule set headline = 'Changed behind Medusa' where id = ?`, [rules.compare.id])
      expect((await ask())[0].headline).toBe("Compare Essential with Select")
      // The visitor's decision drops its answer: the status is current (the rules are still a cached read of their own).
      await api.post(`/store/upsell/offers/${first.id}/decision`, { decision: "declined" }, studio.headers)
      expect(await ask()).toEqual([expect.objectContaining({ id: first.id, status: "declined", headline: "Compare Essential with Select" })])
      // A rule edited through the admin drops it too.
      await api.post(`/admin/upsell-rules/${rules.compare.id}`, { headline: "Now {{to_tier}}" }, admin)
      expect(await ask()).toEqual([expect.objectContaining({ id: first.id, status: "declined", headline: "Now Select" })])
      expect(await stored()).toHaveLength(1)
    })

    it("refuses bad input and what the key cannot see, recording nothing", async () => {
      expect((await fail(offers({ visitor_id: "", context: {} }))).status).toBe(400)
      expect((await fail(offers({ visitor_id: 42, context: {} }))).status).toBe(400)
      expect((await fail(offers({ visitor_id: "v", context: { event_date: "2027-02-30" } }))).status).toBe(400)
      expect((await fail(offers({ visitor_id: "v", context: { nope: 1 } }))).status).toBe(400)
      expect((await fail(offers({ visitor_id: "v", context: { viewing_tier_id: t.others.id } }))).status).toBe(404)
      expect((await fail(offers({ visitor_id: "v", region_id: "reg_nope", context: {} }))).status).toBe(404)
      const theirCart = (await api.post("/store/carts", { region_id: region.id }, other.headers)).data.cart
      expect((await fail(offers({ visitor_id: "v", cart_id: theirCart.id, context: {} }))).status).toBe(404)
      expect(await stored()).toEqual([])
    })

    it("follows the flags: upsell off, rollout, tenant allowlist and segments off; reset goes back to the options", async () => {
      // A returning visitor, so its answers come from the cache: each flag change must drop them.
      const visitor = await newVisitor(api, studio)
      const ask = () => offers({ visitor_id: visitor, context: { viewing_tier_id: t.essential.id } })
      const initial = (await api.get("/admin/tier-flags", admin)).data
      expect(initial).toEqual({
        flags: { segments: true, upsell: true, tiered_catalog_rollout_percent: 100, upsell_rollout_percent: 100, rollout_paused: [], tenant_allowlist: null, tenant_overrides: {} },
        defaults: { segments: true, upsell: true, tiered_catalog_rollout_percent: 100, upsell_rollout_percent: 100, rollout_paused: [], tenant_allowlist: null, tenant_overrides: {} },
        overrides: {},
      })

      const off = (await api.post("/admin/tier-flags", { upsell: false }, admin)).data
      expect(off.flags.upsell).toBe(false)
      expect(off.overrides).toEqual({ upsell: false })
      expect((await ask()).data.offers).toEqual([])
      expect(await stored()).toEqual([])

      await api.post("/admin/tier-flags", { upsell: true, upsell_rollout_percent: 0 }, admin)
      expect((await ask()).data.offers).toEqual([])
      const partReset = (await api.delete("/admin/tier-flags?key=upsell_rollout_percent", admin)).data
      expect(partReset.overrides).toEqual({ upsell: true })
      expect((await ask()).data.offers).toHaveLength(1)

      await api.post("/admin/tier-flags", { tenant_allowlist: [other.salesChannelId] }, admin)
      expect((await ask()).status).toBe(200)
      expect((await ask()).data.offers).toEqual([])
      expect((await api.get(`/store/segments?region_id=${region.id}`, studio.headers)).data.segments).toEqual([])
      expect((await api.get(`/store/segments?region_id=${region.id}`, other.headers)).data.segments).toHaveLength(1)

      const unknown = await fail(api.post("/admin/tier-flags", { tenant_allowlist: ["sc_nope"] }, admin))
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toContain("sc_nope")
      expect((await fail(api.post("/admin/tier-flags", { upsell_rollout_percent: 150 }, admin))).status).toBe(400)
      expect((await fail(api.post("/admin/tier-flags", {}, admin))).status).toBe(400)

      const segmentsOff = (await api.post("/admin/tier-flags", { tenant_allowlist: null, segments: false }, admin)).data
      expect(segmentsOff.flags).toEqual({ segments: false, upsell: true, tiered_catalog_rollout_percent: 100, upsell_rollout_percent: 100, rollout_paused: [], tenant_allowlist: null, tenant_overrides: {} })
      expect((await api.get(`/store/segments?region_id=${region.id}`, studio.headers)).data.segments).toEqual([])
      expect((await fail(api.get(`/store/segments/signature?region_id=${region.id}`, studio.headers))).status).toBe(404)
      expect((await ask()).data.offers).toEqual([])

      const reset = (await api.delete("/admin/tier-flags", admin)).data
      expect(reset).toEqual(initial)
      expect((await ask()).data.offers).toHaveLength(1)
    })

    it("applies a running experiment's variant to its rules' offers and records each visitor's exposure once", async () => {
      const experiment = (
        await api.post(
          "/admin/experiments",
          {
            key: "upgrade-copy",
            name: "Upgrade copy",
            traffic_percent: 100,
            rule_ids: [rules.upgrade.id],
            variants: [
              { key: "bold", weight: 1, headline: "Go {{to_tier}} now", incentive_percent: 10 },
              { key: "off", weight: 1, upsell_off: true },
            ],
          },
          admin
        )
      ).data.experiment
      expect((await fail(api.post("/admin/experiments", { key: "x", name: "x", rule_ids: ["upsr_nope"], variants: [{ key: "a", weight: 1 }, { key: "b", weight: 1 }] }, admin))).status).toBe(400)
      await api.post(`/admin/experiments/${experiment.id}/start`, {}, admin)
      const visitors = await visitorsByVariant(api, studio, admin, experiment.id, ["bold", "off"])

      const context = { viewing_tier_id: t.essential.id, addon_count: 2 }
      const bold = (await offers({ visitor_id: visitors.bold, region_id: region.id, context })).data.offers
      expect(bold.map((o: any) => o.action)).toEqual(["suggest_upgrade", "show_comparison"])
      // 7500 - 10% = 6750, minus 5000
      expect(bold[0]).toEqual(
        expect.objectContaining({ headline: "Go Select now", incentive_percent: 10, price_difference: 1750, experiment: { key: "upgrade-copy", variant: "bold" } })
      )
      expect(bold[1].experiment).toBeUndefined()
      const off = (await offers({ visitor_id: visitors.off, region_id: region.id, context })).data.offers
      expect(off.map((o: any) => o.action)).toEqual(["show_comparison"])
      await offers({ visitor_id: visitors.bold, region_id: region.id, context })

      const exposures = await (getContainer().resolve(UPSELL_MODULE) as UpsellModuleService).listExperimentExposures({ experiment_id: experiment.id })
      expect(exposures.map((e) => [e.visitor_id, e.variant]).sort()).toEqual([[visitors.bold, "bold"], [visitors.off, "off"]].sort())

      const frozen = await fail(api.post(`/admin/experiments/${experiment.id}`, { rule_ids: [] }, admin))
      expect(frozen.status).toBe(400)
    })
  },
})
