import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import fc from "fast-check"
import { BOOKING_MODULE, BookingModuleService } from "../../src/modules/booking"
import { adminHeaders, createPackageProduct, createRegion, createTenant, dayFromToday, Tenant } from "./fixtures"

jest.setTimeout(300 * 1000)

/**
 * Model-based test of one cart against the store API: random sequences of tier-items, Medusa's
 * line routes (add, update, delete, with arbitrary metadata), changes made behind the routes,
 * accepted offers, upgrades and completion, each checked against a small model of what the cart
 * should hold. After every sequence either completion was refused with a 4xx and nothing was
 * ordered or booked, or the order's lines, prices, dates, bookings and commission are the model's.
 * Seeded (CART_MODEL_SEED replays a run; the seed is printed) and bounded.
 */
const SEED = Number(process.env.CART_MODEL_SEED ?? Date.now() % 2 ** 31)
const RUNS = Number(process.env.CART_MODEL_RUNS ?? 16)
const COMMISSION_PERCENT = 10
const BUNDLE_MIN = 3
const round2 = (n: number) => Math.sign(n) * Math.round(Math.abs(n) * 100 + Number.EPSILON) / 100

type TierDef = { id: string; level: number; variant: string; base: number; max_guests: number }
type AddonDef = { key: "album" | "hour"; variant: string; base: number }
type ModelLine =
  | { kind: "tier"; id: string; tier: TierDef; date: string; guests: number; unit_price: number; key: string }
  | { kind: "addon"; id: string; parent: string; addon: AddonDef; quantity: number; unit_price: number; key: string }
  | { kind: "plain"; id: string; variant: string; quantity: number; unit_price: number }
/** `tampered`: tier lines changed behind the routes (checkout must refuse the cart while one is in it). */
type Model = { lines: ModelLine[]; tampered: string[]; dates: string[]; offers: { id: string; from: string; to: string; percent: number }[]; done: boolean }
type Real = { cartId: string; run: number }
/** What the runs did, printed at the end, so a reader sees the sequences reached every outcome. */
const tally = new Map<string, number>()
const count = (what: string) => tally.set(what, (tally.get(what) ?? 0) + 1)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let other: Tenant
    let region: { id: string }
    let tiers: TierDef[]
    let addons: AddonDef[]
    let v: { print: string; otherPackage: string }

    beforeAll(async () => {
      console.log(`[cart-model] seed ${SEED} (CART_MODEL_SEED=${SEED} replays it), ${RUNS} runs`)
    })

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      other = await createTenant(container, "Other studio")
      region = await createRegion(container, "usd")
      const mk = (title: string, usd: number, tenant = studio) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [tenant.salesChannelId] }) as any
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature", commission_percent: COMMISSION_PERCENT }, admin)).data.segment
      tiers = []
      for (const [level, base, max_guests] of [
        [1, 5000, 50],
        [2, 7500, 100],
        [3, 10000, 150],
      ]) {
        const product = await mk(`Signature ${level}`, base)
        const tier = (await api.post(`/admin/segments/${segment.id}/tiers`, { level, name: `Signature ${level}`, product_id: product.id, max_guests }, admin)).data.tier
        tiers.push({ id: tier.id, level, variant: product.variants[0].id, base, max_guests })
      }
      addons = []
      for (const [key, base] of [
        ["album", 1200],
        ["hour", 433.33],
      ] as const) {
        const product = await mk(key, base)
        await api.post("/admin/addon-rules", { product_id: product.id, segment_id: segment.id, max_quantity: 2 }, admin)
        addons.push({ key, variant: product.variants[0].id, base })
      }
      const print = await mk("Print", 90)
      const otherPackage = await mk("Other studio's package", 9000, other)
      const otherSegment = (await api.post("/admin/segments", { handle: "other", name: "Other" }, admin)).data.segment
      await api.post(`/admin/segments/${otherSegment.id}/tiers`, { level: 1, name: "Other", product_id: otherPackage.id }, admin)
      v = { print: print.variants[0].id, otherPackage: otherPackage.variants[0].id }
      await api.post("/admin/upsell-rules", { name: "Go up", trigger: { segment_in: ["signature"] }, action: "suggest_upgrade", incentive_percent: 5, headline: "Upgrade to {{to_tier}}", priority: 1 }, admin)
    })

    const post = (path: string, body: unknown, tenant = studio) =>
      api.post(path, body, tenant.headers).then(
        (r: any) => ({ status: r.status as number, data: r.data }),
        (e: any) => ({ status: (e.response?.status ?? 0) as number, data: e.response?.data })
      )
    const del = (path: string) =>
      api.delete(path, studio.headers).then(
        (r: any) => ({ status: r.status as number, data: r.data }),
        (e: any) => ({ status: (e.response?.status ?? 0) as number, data: e.response?.data })
      )
    const cartItems = async (cartId: string) => (await api.get(`/store/carts/${cartId}`, studio.headers)).data.cart.items as any[]
    const expectRefused = (answer: { status: number; data: any }, what: string) => {
      if (answer.status < 400 || answer.status >= 500) {
        throw new Error(`${what}: expected a 4xx, got ${answer.status} ${JSON.stringify(answer.data)?.slice(0, 300)}`)
      }
    }
    const expectOk = (answer: { status: number; data: any }, what: string) => {
      if (answer.status !== 200) {
        throw new Error(`${what}: expected 200, got ${answer.status} ${JSON.stringify(answer.data)?.slice(0, 300)}`)
      }
    }
    /** The model's view of the cart matches the server's lines (ids, quantities, prices). */
    const sameLines = async (model: Model, real: Real) => {
      const items = await cartItems(real.cartId)
      // A line changed behind the routes keeps its id and price; its quantity may be anything.
      const quantity = (id: string, q: number) => (model.tampered.includes(id) ? "tampered" : q)
      const got = items.map((i) => [i.id, quantity(i.id, Number(i.quantity)), Number(i.unit_price)]).sort()
      const want = model.lines.map((l) => [l.id, quantity(l.id, l.kind === "tier" ? 1 : l.quantity), l.unit_price]).sort()
      expect(got).toEqual(want)
    }
    const addonUnits = (model: Model, key: string) =>
      model.lines.reduce((n, l) => n + (l.kind === "addon" && l.key === key ? l.quantity : 0), 0)

    class AddTier implements fc.AsyncCommand<Model, Real> {
      constructor(readonly tier: number, readonly date: number, readonly guests: number, readonly picks: ("album" | "hour")[]) {}
      check = (m: Readonly<Model>) => !m.done
      async run(m: Model, r: Real) {
        count(this.constructor.name)
        const tier = tiers[this.tier]
        const date = m.dates[this.date]
        const counts = new Map<string, number>()
        this.picks.forEach((k) => counts.set(k, (counts.get(k) ?? 0) + 1))
        const variants = this.picks.map((k) => addons.find((a) => a.key === k)!.variant)
        const answer = await post(`/store/carts/${r.cartId}/tier-items`, { tier_id: tier.id, event_date: date, guest_count: this.guests, addon_variant_ids: variants })
        const dateTaken = m.lines.some((l) => l.kind === "tier" && l.date === date)
        const refused = dateTaken || this.guests > tier.max_guests || [...counts.values()].some((n) => n > 2)
        if (refused) {
          expectRefused(answer, `tier-items ${this.toString()}`)
          return sameLines(m, r)
        }
        expectOk(answer, `tier-items ${this.toString()}`)
        const items = answer.data.cart.items as any[]
        const known = new Set(m.lines.map((l) => l.id))
        const fresh = items.filter((i) => !known.has(i.id))
        const tierItem = fresh.find((i) => i.variant_id === tier.variant)
        const key = tierItem.metadata.tier_line_key
        m.lines.push({ kind: "tier", id: tierItem.id, tier, date, guests: this.guests, unit_price: tier.base, key })
        const units = this.picks.length
        for (const [addonKey, quantity] of counts) {
          const addon = addons.find((a) => a.key === addonKey)!
          const item = fresh.find((i) => i.variant_id === addon.variant)
          m.lines.push({ kind: "addon", id: item.id, parent: tierItem.id, addon, quantity, key, unit_price: units >= BUNDLE_MIN ? round2(addon.base * 0.9) : addon.base })
        }
        await sameLines(m, r)
      }
      toString = () => `AddTier(${this.tier}, d${this.date}, ${this.guests} guests, [${this.picks}])`
    }

    class AddLine implements fc.AsyncCommand<Model, Real> {
      constructor(readonly what: "print" | "package" | "addon" | "otherPackage", readonly metadata: Record<string, unknown>) {}
      check = (m: Readonly<Model>) => !m.done
      async run(m: Model, r: Real) {
        count(this.constructor.name)
        const variant = { print: v.print, package: tiers[0].variant, addon: addons[0].variant, otherPackage: v.otherPackage }[this.what]
        const answer = await post(`/store/carts/${r.cartId}/line-items`, { variant_id: variant, quantity: 1, metadata: this.metadata })
        const reserved = Object.keys(this.metadata).some((k) => RESERVED.includes(k))
        if (this.what !== "print" || reserved) {
          expectRefused(answer, this.toString())
          return sameLines(m, r)
        }
        expectOk(answer, this.toString())
        const known = new Set(m.lines.map((l) => l.id))
        const merged = m.lines.find((l) => l.kind === "plain")
        const items = answer.data.cart.items as any[]
        const fresh = items.find((i) => !known.has(i.id))
        if (fresh) {
          m.lines.push({ kind: "plain", id: fresh.id, variant, quantity: 1, unit_price: 90 })
        } else if (merged && merged.kind === "plain") {
          // Medusa adds to the existing line of the same variant when the metadata matches.
          merged.quantity = Number(items.find((i) => i.id === merged.id).quantity)
        }
        await sameLines(m, r)
      }
      toString = () => `AddLine(${this.what}, ${JSON.stringify(this.metadata)})`
    }

    class UpdateLine implements fc.AsyncCommand<Model, Real> {
      constructor(readonly index: number, readonly quantity: number, readonly metadata: Record<string, unknown> | null) {}
      check = (m: Readonly<Model>) => !m.done && m.lines.length > 0
      async run(m: Model, r: Real) {
        count(this.constructor.name)
        const line = m.lines[this.index % m.lines.length]
        const answer = await post(`/store/carts/${r.cartId}/line-items/${line.id}`, { quantity: this.quantity, ...(this.metadata ? { metadata: this.metadata } : {}) })
        const reserved = Object.keys(this.metadata ?? {}).some((k) => RESERVED.includes(k))
        if (line.kind !== "plain" || reserved) {
          expectRefused(answer, this.toString())
          return sameLines(m, r)
        }
        expectOk(answer, this.toString())
        line.quantity = this.quantity
        await sameLines(m, r)
      }
      toString = () => `UpdateLine(#${this.index}, qty ${this.quantity}, ${JSON.stringify(this.metadata)})`
    }

    class DeleteLine implements fc.AsyncCommand<Model, Real> {
      constructor(readonly index: number) {}
      check = (m: Readonly<Model>) => !m.done && m.lines.length > 0
      async run(m: Model, r: Real) {
        count(this.constructor.name)
        const line = m.lines[this.index % m.lines.length]
        const answer = await del(`/store/carts/${r.cartId}/line-items/${line.id}`)
        expectOk(answer, this.toString())
        // A package goes with its add-ons.
        m.lines = m.lines.filter((l) => l.id !== line.id && !(line.kind === "tier" && l.kind === "addon" && l.parent === line.id))
        m.tampered = m.tampered.filter((id) => id !== line.id)
        await sameLines(m, r)
      }
      toString = () => `DeleteLine(#${this.index})`
    }

    class TamperBehindRoutes implements fc.AsyncCommand<Model, Real> {
      constructor(readonly index: number, readonly change: "date" | "guests" | "quantity" | "segment") {}
      check = (m: Readonly<Model>) => !m.done && m.lines.some((l) => l.kind === "tier")
      async run(m: Model, r: Real) {
        count(this.constructor.name)
        const tierLines = m.lines.filter((l) => l.kind === "tier")
        const line = tierLines[this.index % tierLines.length]
        const item = (await cartItems(r.cartId)).find((i) => i.id === line.id)
        const cartModule = getContainer().resolve(Modules.CART) as any
        const metadata = { ...item.metadata }
        if (this.change === "quantity") {
          await cartModule.updateLineItems(line.id, { quantity: 2 })
        } else {
          // Away from the line's true date (a second tamper must not put the first one back).
          Object.assign(metadata, { date: { event_date: m.dates.find((d) => d !== line.date) }, guests: { guest_count: 99999 }, segment: { segment_id: "seg_forged" } }[this.change])
          await cartModule.updateLineItems(line.id, { metadata })
        }
        m.tampered.push(line.id)
      }
      toString = () => `TamperBehindRoutes(#${this.index}, ${this.change})`
    }

    class AcceptOffer implements fc.AsyncCommand<Model, Real> {
      check = (m: Readonly<Model>) => !m.done && m.lines.some((l) => l.kind === "tier" && l.tier.level < 3)
      async run(m: Model, r: Real) {
        count(this.constructor.name)
        const answer = await post("/store/upsell/offers", { visitor_id: `model-${r.run}`, cart_id: r.cartId, context: {} })
        expectOk(answer, "offers")
        const offer = (answer.data.offers as any[]).find((o) => o.action === "suggest_upgrade" && o.to_tier_id)
        if (!offer) {
          return
        }
        expectOk(await post(`/store/upsell/offers/${offer.id}/decision`, { decision: "accepted" }), "decision")
        m.offers.push({ id: offer.id, from: offer.from_tier_id, to: offer.to_tier_id, percent: Number(offer.incentive_percent) })
      }
      toString = () => "AcceptOffer"
    }

    class Upgrade implements fc.AsyncCommand<Model, Real> {
      constructor(readonly index: number, readonly to: number, readonly withOffer: boolean) {}
      check = (m: Readonly<Model>) => !m.done && m.lines.some((l) => l.kind === "tier")
      async run(m: Model, r: Real) {
        count(this.constructor.name)
        const tierLines = m.lines.filter((l) => l.kind === "tier") as Extract<ModelLine, { kind: "tier" }>[]
        const line = tierLines[this.index % tierLines.length]
        const target = tiers[this.to]
        const offer = this.withOffer ? m.offers.find((o) => o.from === line.tier.id && o.to === target.id) : undefined
        const answer = await post(`/store/carts/${r.cartId}/tier-upgrade`, { line_item_id: line.id, to_tier_id: target.id, ...(offer ? { offer_id: offer.id } : {}) })
        if (target.level <= line.tier.level) {
          expectRefused(answer, this.toString())
          return sameLines(m, r)
        }
        expectOk(answer, this.toString())
        const items = answer.data.cart.items as any[]
        const fresh = items.find((i) => i.variant_id === target.variant && !m.lines.some((l) => l.id === i.id))
        const price = offer ? round2(target.base * (1 - offer.percent / 100)) : target.base
        const replaced = { ...line, id: fresh.id, tier: target, unit_price: price }
        m.lines = m.lines.map((l) => (l.id === line.id ? replaced : l.kind === "addon" && l.parent === line.id ? { ...l, parent: fresh.id } : l))
        if (offer) {
          m.offers = m.offers.filter((o) => o.id !== offer.id)
        }
        // The upgraded line is new and clean: the tampered one left the cart.
        m.tampered = m.tampered.filter((id) => id !== line.id)
        await sameLines(m, r)
      }
      toString = () => `Upgrade(#${this.index} -> level ${this.to + 1}${this.withOffer ? ", with offer" : ""})`
    }

    class Complete implements fc.AsyncCommand<Model, Real> {
      check = (m: Readonly<Model>) => !m.done && m.lines.length > 0
      async run(m: Model, r: Real) {
        count(this.constructor.name)
        m.done = true
        const collection = await post("/store/payment-collections", { cart_id: r.cartId })
        expectOk(collection, "payment collection")
        expectOk(await post(`/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }), "payment session")
        const answer = await post(`/store/carts/${r.cartId}/complete`, {})
        const bookingService = getContainer().resolve(BOOKING_MODULE) as BookingModuleService
        const staleBundle = m.lines.some((l) => l.kind === "addon" && l.unit_price !== l.addon.base && addonUnits(m, l.key) < BUNDLE_MIN)
        const tampered = m.tampered.length > 0
        if (tampered || staleBundle) {
          expectRefused(answer, `complete (${tampered ? "tampered" : "stale bundle"})`)
          expect(answer.status).toBe(tampered ? 400 : 409)
          count(tampered ? "checkout refused: changed behind the routes" : "checkout refused: bundle lost")
          const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
          const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: r.cartId } })
          expect(data).toEqual([])
          expect(await bookingService.listBookings({ cart_id: r.cartId, status: ["pending", "confirmed"] })).toEqual([])
          return
        }
        expectOk(answer, "complete")
        expect(answer.data.type).toBe("order")
        count(m.lines.some((l) => l.kind === "tier") ? "order with packages" : "order of plain lines")
        const order = answer.data.order
        const orderLines = (order.items as any[]).map((i) => [i.variant_id, Number(i.quantity), Number(i.unit_price)]).sort()
        const modelLines = m.lines
          .map((l) => [l.kind === "tier" ? l.tier.variant : l.kind === "addon" ? l.addon.variant : l.variant, l.kind === "tier" ? 1 : l.quantity, l.unit_price])
          .sort()
        expect(orderLines).toEqual(modelLines)
        const booked = await bookingService.listBookings({ order_id: order.id, status: "confirmed" })
        expect(booked.map((b) => [b.event_date, b.tier_id]).sort()).toEqual(
          (m.lines.filter((l) => l.kind === "tier") as Extract<ModelLine, { kind: "tier" }>[]).map((l) => [l.date, l.tier.id]).sort()
        )
        const packageTotal = m.lines.filter((l) => l.kind !== "plain").reduce((s, l) => s + l.unit_price * (l.kind === "tier" ? 1 : l.quantity), 0)
        const summary = (await api.get(`/admin/orders/${order.id}/tier-summary`, admin)).data.tier_summary
        let commission = summary.commission
        for (let i = 0; i < 40 && commission !== round2((packageTotal * COMMISSION_PERCENT) / 100) && m.lines.some((l) => l.kind === "tier"); i++) {
          await new Promise((res) => setTimeout(res, 100))
          commission = (await api.get(`/admin/orders/${order.id}/tier-summary`, admin)).data.tier_summary.commission
        }
        expect(commission).toBe(m.lines.some((l) => l.kind === "tier") ? round2((packageTotal * COMMISSION_PERCENT) / 100) : 0)
      }
      toString = () => "Complete"
    }

    const RESERVED = ["tiered_kind", "tier_line_key", "tier_line_id", "tier_id", "segment_id", "event_date", "guest_count", "price_breakdown", "upgraded_from_tier_id", "upsell_offer_id", "upgrade_incentive_percent"]
    const metadataArb = fc.dictionary(
      fc.oneof(fc.constantFrom(...RESERVED), fc.constantFrom("note", "gift", "color")),
      fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)),
      { maxKeys: 2 }
    )
    const commands = fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.nat(2), fc.nat(3), fc.integer({ min: 1, max: 180 }), fc.array(fc.constantFrom("album" as const, "hour" as const), { maxLength: 4 }))
          .map(([t, d, g, p]): fc.AsyncCommand<Model, Real> => new AddTier(t, d, g, p)),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom("print" as const, "package" as const, "addon" as const, "otherPackage" as const), metadataArb)
          .map(([w, md]): fc.AsyncCommand<Model, Real> => new AddLine(w, md)),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.nat(9), fc.integer({ min: 1, max: 3 }), fc.option(metadataArb, { nil: null }))
          .map(([i, q, md]): fc.AsyncCommand<Model, Real> => new UpdateLine(i, q, md)),
      },
      { weight: 1, arbitrary: fc.nat(9).map((i): fc.AsyncCommand<Model, Real> => new DeleteLine(i)) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.nat(3), fc.constantFrom("date" as const, "guests" as const, "quantity" as const, "segment" as const))
          .map(([i, c]): fc.AsyncCommand<Model, Real> => new TamperBehindRoutes(i, c)),
      },
      { weight: 2, arbitrary: fc.constant<fc.AsyncCommand<Model, Real>>(new AcceptOffer()) },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.nat(3), fc.nat(2), fc.boolean()).map(([i, t, o]): fc.AsyncCommand<Model, Real> => new Upgrade(i, t, o)),
      }
    )

    it("keeps every sequence of store calls on a cart either refused at checkout or ordered and booked as the model says", async () => {
      let run = 0
      await fc.assert(
        fc.asyncProperty(fc.array(commands, { minLength: 3, maxLength: 8 }), async (cmds) => {
          run++
          // Each run books dates of its own, a week apart from the last run's.
          const dates = [0, 1, 2, 3].map((i) => dayFromToday(400 + run * 7 + i))
          const cart = (await api.post("/store/carts", { region_id: region.id, email: `model-${run}@example.com` }, studio.headers)).data.cart
          // Every sequence ends at the checkout.
          await fc.asyncModelRun(() => ({ model: { lines: [], tampered: [], dates, offers: [], done: false }, real: { cartId: cart.id, run } }), [...cmds, new Complete()])
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true, verbose: 1 }
      )
      console.log(`[cart-model] seed ${SEED}: ${[...tally].map(([k, n]) => `${k} ${n}`).join(", ")}`)
    })
  },
})
