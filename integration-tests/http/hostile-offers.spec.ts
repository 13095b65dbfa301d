import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { assignVariant } from "../../src/lib/bucketing"
import { issueVisitorId, verifiedVisitorId } from "../../src/lib/visitor-id"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../src/modules/tier-analytics"
import { UPSELL_MODULE, UpsellModuleService } from "../../src/modules/upsell"
import { visitorSecret } from "../../src/queries/visitor"
import { adminHeaders, createPackageProduct, createRegion, createTenant, failed as fail, Tenant } from "./fixtures"
import { newVisitor } from "./visitors"

jest.setTimeout(300 * 1000)

const nextYear = new Date().getUTCFullYear() + 1
// No date rule fires on this date: prices are the catalog prices.
const QUIET = `${nextYear}-11-10`

/**
 * A hostile storefront against the offers: it races one accepted offer into two carts, picks its
 * experiment bucket by picking its visitor id, asks for offers over and over to inflate the
 * figures, floods the routes, and decides another tenant's offer. Each refusal is checked along
 * with what did not change.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let other: Tenant
    let region: { id: string }
    let t: Record<string, { id: string }>
    let upgradeRule: { id: string }
    const shown: { id: string; visitor_id: string }[] = []

    beforeAll(() => {
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe("upsell.shown", async (event: any) => {
          shown.push(event.data)
        })
    })

    beforeEach(async () => {
      shown.length = 0
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      other = await createTenant(container, "Other")
      region = await createRegion(container, "usd")
      const signature = (await api.post("/admin/segments", { handle: "signature", name: "Signature", rank: 1 }, admin)).data.segment
      t = {}
      for (const [key, level, price] of [
        ["essential", 1, 5000],
        ["select", 2, 7500],
      ] as const) {
        const product: any = await createPackageProduct(container, { title: `${key} package`, prices: { usd: price }, salesChannelIds: [studio.salesChannelId] })
        t[key] = (await api.post(`/admin/segments/${signature.id}/tiers`, { level, name: key[0].toUpperCase() + key.slice(1), product_id: product.id }, admin)).data.tier
      }
      await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 3 } }, admin)
      upgradeRule = (
        await api.post(
          "/admin/upsell-rules",
          { name: "Level 1: upgrade", trigger: { viewing_tier: { level: 1 } }, action: "suggest_upgrade", headline: "{{to_tier}} for {{price_difference}} more", priority: 1 },
          admin
        )
      ).data.upsell_rule
    })

    const upsell = () => getContainer().resolve(UPSELL_MODULE) as UpsellModuleService
    const analytics = () => getContainer().resolve(TIER_ANALYTICS_MODULE) as TierAnalyticsModuleService
    const offerRows = () => upsell().listUpsellOffers({}, { order: { created_at: "ASC" } })
    const exposureRows = () => upsell().listExperimentExposures({})
    const context = () => ({ region_id: region.id, context: { viewing_tier_id: t.essential.id, event_date: QUIET } })
    const offers = (body: Record<string, unknown>, tenant = studio, address?: string) =>
      api.post("/store/upsell/offers", body, { headers: { ...tenant.headers.headers, ...(address ? { "x-forwarded-for": address } : {}) } })
    const waitForEvents = async (count: number) => {
      for (let i = 0; i < 40 && shown.length < count; i++) await new Promise((r) => setTimeout(r, 50))
      // Long enough for a wrongly emitted extra event to arrive too.
      await new Promise((r) => setTimeout(r, 300))
    }
    const cartWith = async (tier: string) => {
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "couple@example.com" }, studio.headers)).data.cart
      return (await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: tier, event_date: QUIET, guest_count: 40 }, studio.headers)).data.cart
    }
    const tierLine = (cart: any) => cart.items.find((i: any) => i.metadata.tiered_kind === "tier")
    const retrieveCart = async (id: string) => (await api.get(`/store/carts/${id}`, studio.headers)).data.cart

    describe("one accepted offer, one discount", () => {
      it("lets exactly one of two concurrent cart upgrades use an accepted offer; the loser's cart is unchanged", async () => {
        const [first, second] = [await cartWith(t.essential.id), await cartWith(t.essential.id)]
        const visitor = await newVisitor(api, studio)
        const [offer] = (await offers({ visitor_id: visitor, cart_id: first.id, context: { viewing_tier_id: t.essential.id } })).data.offers
        expect(offer).toEqual(expect.objectContaining({ rule_id: upgradeRule.id, to_tier_id: t.select.id, incentive_percent: 5 }))
        await api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" }, studio.headers)

        const upgrade = (cart: any) =>
          api
            .post(`/store/carts/${cart.id}/tier-upgrade`, { line_item_id: tierLine(cart).id, to_tier_id: t.select.id, offer_id: offer.id }, studio.headers)
            .then((r: any) => ({ cart, status: r.status, data: r.data }))
            .catch((e: any) => ({ cart, status: e.response.status, data: e.response.data }))
        const results = await Promise.all([upgrade(first), upgrade(second)])
        expect(results.map((r) => r.status).sort()).toEqual([200, 409])
        const won = results.find((r) => r.status === 200)!
        const lost = results.find((r) => r.status === 409)!
        expect(lost.data.message).toBe(`Offer ${offer.id} was already used`)
        // 7500 - 5% = 7125 on the winner's new line.
        expect(tierLine(won.data.cart)).toEqual(expect.objectContaining({ unit_price: 7125, metadata: expect.objectContaining({ tier_id: t.select.id }) }))

        const loser = await retrieveCart(lost.cart.id)
        expect(loser.items.map((i: any) => [i.id, i.unit_price, i.metadata.tier_id])).toEqual(lost.cart.items.map((i: any) => [i.id, i.unit_price, i.metadata.tier_id]))
        expect(tierLine(loser)).toEqual(expect.objectContaining({ unit_price: 5000, metadata: expect.objectContaining({ tier_id: t.essential.id }) }))
        const [row] = await upsell().listUpsellOffers({ id: offer.id })
        expect(row).toEqual(expect.objectContaining({ status: "accepted", redeemed_by: won.cart.id, redeemed_at: expect.any(Date) }))

        // Used once, it stays used: a third try is refused and changes nothing.
        const third = await cartWith(t.essential.id)
        const again = await fail(api.post(`/store/carts/${third.id}/tier-upgrade`, { line_item_id: tierLine(third).id, to_tier_id: t.select.id, offer_id: offer.id }, studio.headers))
        expect(again.status).toBe(409)
        expect(tierLine(await retrieveCart(third.id)).metadata.tier_id).toBe(t.essential.id)
        expect((await upsell().listUpsellOffers({ id: offer.id }))[0].redeemed_by).toBe(won.cart.id)
      })

      it("redeems an offer once when ten redemptions race without any lock, and a release undoes only its own", async () => {
        const [offer] = (await offers({ visitor_id: await newVisitor(api, studio), ...context() })).data.offers
        await api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" }, studio.headers)
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => upsell().redeemOffer(offer.id, `cart_${i}`)))
        const winners = results.filter((r) => r !== null)
        expect(winners).toHaveLength(1)
        const [winner] = winners
        const redeemed = async () => (await upsell().listUpsellOffers({ id: offer.id }))[0]
        expect(await redeemed()).toEqual(expect.objectContaining({ redeemed_by: winner!.redeemed_by }))
        // A loser's compensation (another redeemer) leaves the winner's redemption alone.
        await upsell().releaseOffer({ id: offer.id, redeemed_by: "cart_loser", redeemed_at: winner!.redeemed_at })
        expect((await redeemed()).redeemed_by).toBe(winner!.redeemed_by)
        await upsell().releaseOffer(winner!)
        expect(await redeemed()).toEqual(expect.objectContaining({ redeemed_by: null, redeemed_at: null }))
      })

      it("answers 404 to a decision on another tenant's offer and leaves the offer as it was", async () => {
        const [offer] = (await offers({ visitor_id: await newVisitor(api, studio), ...context() })).data.offers
        const theirs = await fail(api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" }, other.headers))
        expect(theirs.status).toBe(404)
        expect(theirs.data.message).toBe(`Offer ${offer.id} was not found`)
        const [row] = await upsell().listUpsellOffers({ id: offer.id })
        expect(row).toEqual(expect.objectContaining({ status: "shown", decided_at: null }))
        // The tenant's own storefront can still decide it.
        expect((await api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "declined" }, studio.headers)).data.offer.status).toBe("declined")
      })
    })

    describe("visitor ids are the server's", () => {
      it("issues a signed id, confirms it, and replaces an unsigned, forged or foreign one", async () => {
        const issued = (await api.post("/store/tiered/visitor", {}, studio.headers)).data
        expect(issued).toEqual({ visitor_id: expect.stringMatching(/^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}$/), returning: false })
        expect((await api.post("/store/tiered/visitor", { visitor_id: issued.visitor_id }, studio.headers)).data).toEqual({ visitor_id: issued.visitor_id, returning: true })
        const forged = `${issued.visitor_id.slice(0, -1)}${issued.visitor_id.endsWith("A") ? "B" : "A"}`
        for (const given of ["visitor-1", forged, issueVisitorId("another-app-secret-0123456789")]) {
          const answer = (await api.post("/store/tiered/visitor", { visitor_id: given }, studio.headers)).data
          expect(answer.returning).toBe(false)
          expect(answer.visitor_id).not.toBe(given)
          expect(verifiedVisitorId(answer.visitor_id, await visitorSecret(getContainer()))).toBe(answer.visitor_id)
        }
        expect((await fail(api.post("/store/tiered/visitor", { visitor_id: 42 }, studio.headers))).status).toBe(400)
        expect((await fail(api.post("/store/tiered/visitor", { visitor_id: "x", extra: 1 }, studio.headers))).status).toBe(400)
      })

      it("never lets a chosen id pick an experiment variant: ids that hash into it are replaced and bucketed by the server's id", async () => {
        const experiment = (
          await api.post(
            "/admin/experiments",
            {
              key: "half-off",
              name: "Half off for half the visitors",
              traffic_percent: 50,
              rule_ids: [upgradeRule.id],
              variants: [
                { key: "half", weight: 1, incentive_percent: 50, headline: "Half off {{to_tier}}" },
                { key: "control", weight: 1 },
              ],
            },
            admin
          )
        ).data.experiment
        await api.post(`/admin/experiments/${experiment.id}/start`, {}, admin)
        const variantOf = (visitor: string) => assignVariant("half-off", visitor, 50, [{ key: "half", weight: 1 }, { key: "control", weight: 1 }])
        // What an attacker computes offline: ids whose hash lands in the half-off variant.
        const chosen: string[] = []
        for (let i = 0; chosen.length < 8; i++) {
          if (variantOf(`chosen-${i}`) === "half") chosen.push(`chosen-${i}`)
        }
        const secret = await visitorSecret(getContainer())
        for (const id of chosen) {
          const { data } = await offers({ visitor_id: id, ...context() })
          expect(data.visitor_id).not.toBe(id)
          expect(verifiedVisitorId(data.visitor_id, secret)).toBe(data.visitor_id)
          // The variant is the server id's, whatever the chosen one hashed to.
          const expected = variantOf(data.visitor_id)
          expect(data.offers).toEqual([
            expect.objectContaining({
              incentive_percent: expected === "half" ? 50 : 5,
              ...(expected ? { experiment: { key: "half-off", variant: expected } } : {}),
            }),
          ])
          if (!expected) expect(data.offers[0].experiment).toBeUndefined()
        }
        const offersStored = await offerRows()
        const exposures = await exposureRows()
        expect(offersStored).toHaveLength(chosen.length)
        for (const row of [...offersStored, ...exposures]) {
          expect(chosen).not.toContain(row.visitor_id)
        }
        // Exposures are only of the server's ids, in the variant the server's id hashes to.
        for (const x of exposures) {
          expect(x.variant).toBe(variantOf(x.visitor_id))
        }
        expect(exposures.length).toBe(offersStored.filter((o) => o.experiment_variant).length)
      })

      it("records a funnel event with an unsigned id under a fresh signed id, never under the chosen one", async () => {
        const { status, data } = await api.post("/store/tier-events", { name: "tier_viewed", visitor_id: "chosen-1", tier_id: t.essential.id }, studio.headers)
        expect(status).toBe(202)
        expect(data).toEqual({ accepted: true, visitor_id: expect.not.stringMatching(/^chosen-1$/) })
        expect(verifiedVisitorId(data.visitor_id, await visitorSecret(getContainer()))).toBe(data.visitor_id)
        const events = await analytics().listTierEvents({ sales_channel_id: studio.salesChannelId })
        expect(events.map((e) => e.visitor_id)).toEqual([data.visitor_id])
        // A returning visitor keeps its id.
        const again = await api.post("/store/tier-events", { name: "tier_viewed", visitor_id: data.visitor_id }, studio.headers)
        expect(again.data.visitor_id).toBe(data.visitor_id)
      })
    })

    describe("impressions once per visitor, rule and day", () => {
      it("records one offer and one upsell.shown however often and however concurrently a visitor asks", async () => {
        const visitor = await newVisitor(api, studio)
        const answers = await Promise.all(Array.from({ length: 6 }, () => offers({ visitor_id: visitor, ...context() })))
        const ids = new Set(answers.flatMap((a) => a.data.offers.map((o: any) => o.id)))
        expect(ids.size).toBe(1)
        await waitForEvents(1)
        const rows = await offerRows()
        expect(rows).toHaveLength(1)
        expect(shown).toEqual([expect.objectContaining({ id: rows[0].id, visitor_id: visitor })])

        for (let i = 0; i < 5; i++) {
          const { data } = await offers({ visitor_id: visitor, ...context() })
          expect(data.offers).toEqual([expect.objectContaining({ id: rows[0].id, status: "shown", price_difference: 2125 })])
        }
        await waitForEvents(2)
        expect(await offerRows()).toEqual(rows)
        expect(shown).toHaveLength(1)

        const report = (await api.get(`/admin/tier-analytics/upsell?sales_channel_id=${studio.salesChannelId}`, admin)).data.rules
        expect(report).toEqual([expect.objectContaining({ rule_id: upgradeRule.id, shown: 1, accepted: 0 })])
        // Another visitor is another impression.
        await offers({ visitor_id: await newVisitor(api, studio), ...context() })
        const after = (await api.get(`/admin/tier-analytics/upsell?sales_channel_id=${studio.salesChannelId}`, admin)).data.rules
        expect(after).toEqual([expect.objectContaining({ rule_id: upgradeRule.id, shown: 2 })])
      })

      it("records an experiment exposure once and writes nothing for a returning visitor", async () => {
        const experiment = (
          await api.post(
            "/admin/experiments",
            { key: "copy", name: "Copy", traffic_percent: 100, variants: [{ key: "a", weight: 1, headline: "A: {{to_tier}}" }, { key: "b", weight: 1, headline: "B: {{to_tier}}" }] },
            admin
          )
        ).data.experiment
        await api.post(`/admin/experiments/${experiment.id}/start`, {}, admin)
        const visitor = await newVisitor(api, studio)
        await Promise.all(Array.from({ length: 4 }, () => offers({ visitor_id: visitor, ...context() })))
        const [exposures, rows] = [await exposureRows(), await offerRows()]
        expect(exposures).toEqual([expect.objectContaining({ visitor_id: visitor, experiment_id: experiment.id })])
        expect(rows).toHaveLength(1)
        for (let i = 0; i < 3; i++) await offers({ visitor_id: visitor, ...context() })
        expect(await exposureRows()).toEqual(exposures)
        expect((await offerRows()).map((r) => [r.id, String(r.updated_at)])).toEqual(rows.map((r) => [r.id, String(r.updated_at)]))
      })
    })

    describe("rate limits", () => {
      it("answers a visitor's 61st offers request of a minute with 429 and Retry-After, recording nothing more", async () => {
        const intoMinute = Date.now() % 60_000
        if (intoMinute > 40_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100))
        const visitor = await newVisitor(api, studio)
        for (let i = 0; i < 60; i++) {
          expect((await offers({ visitor_id: visitor, ...context() })).status).toBe(200)
        }
        const before = await offerRows()
        const limited = await offers({ visitor_id: visitor, ...context() }).catch((e: any) => e.response)
        expect(limited.status).toBe(429)
        expect(limited.headers["retry-after"]).toBe("60")
        expect(limited.data.message).toContain("at most 60 a minute")
        expect(await offerRows()).toEqual(before)
        // Another visitor is not slowed down.
        expect((await offers({ visitor_id: await newVisitor(api, studio), ...context() })).status).toBe(200)
      })

      it("answers a client address's 601st offers request of a minute with 429 whatever visitor it claims, recording nothing more", async () => {
        const address = "203.0.113.9"
        // The limit counts whole clock minutes: start the 600 at the top of one so they fit in it.
        const intoMinute = Date.now() % 60_000
        if (intoMinute > 20_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100))
        // A context no rule matches: nothing to record, only the limit to reach.
        const quiet = { region_id: region.id, context: { viewing_tier_id: t.select.id } }
        const batch = async (n: number) => {
          for (let i = 0; i < n; i += 20) {
            const answers = await Promise.all(Array.from({ length: Math.min(20, n - i) }, () => offers({ visitor_id: `fresh-${Math.random()}`, ...quiet }, studio, address)))
            expect(answers.every((a) => a.status === 200)).toBe(true)
          }
        }
        await batch(600)
        const before = await offerRows()
        const limited = await fail(offers({ visitor_id: await newVisitor(api, studio), ...context() }, studio, address))
        expect(limited.status).toBe(429)
        expect(await offerRows()).toEqual(before)
        expect((await offers({ visitor_id: await newVisitor(api, studio), ...context() }, studio, "203.0.113.10")).status).toBe(200)
      })

      it("limits decisions per visitor of the offer, changing nothing once limited", async () => {
        const intoMinute = Date.now() % 60_000
        if (intoMinute > 40_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100))
        const visitor = await newVisitor(api, studio)
        const [offer] = (await offers({ visitor_id: visitor, ...context() })).data.offers
        await api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "declined" }, studio.headers)
        for (let i = 1; i < 30; i++) {
          expect((await fail(api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" }, studio.headers))).status).toBe(409)
        }
        const limited = await fail(api.post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" }, studio.headers))
        expect(limited.status).toBe(429)
        expect((await upsell().listUpsellOffers({ id: offer.id }))[0].status).toBe("declined")
      })
    })
  },
})
