import type { StoreSegmentListItem, StoreSegmentResponse, StoreTierAddonsResponse, StoreTierCart, StoreUpsellOffer } from "../../src/client"
import { initialJourney, journeyReducer, JourneyAction, JourneyState, PROGRESS, selectionKey } from "../../storefront/src/journey"
import type { HttpTypes } from "@medusajs/types"

// Only the fields the reducer passes along; it never looks inside them.
const segment = (id: string) => ({ id, handle: id, name: id }) as unknown as StoreSegmentListItem
const catalog = (handle: string) => ({ segment: { handle }, tiers: [] }) as unknown as StoreSegmentResponse
const addons = { addons: [] } as unknown as StoreTierAddonsResponse
const cart = (id: string) => ({ id, items: [] }) as unknown as StoreTierCart
const offer = { id: "offer_1", action: "suggest_upgrade" } as unknown as StoreUpsellOffer
const order = { id: "order_1" } as unknown as HttpTypes.StoreOrder

const run = (actions: JourneyAction[], from: JourneyState = initialJourney) => actions.reduce(journeyReducer, from)

describe("storefront journey", () => {
  it("starts on the collections, nothing chosen, not yet moved", () => {
    expect(initialJourney).toMatchObject({ step: "segment", moved: false, currency: "usd", quantities: {}, cart: null, busy: null, error: null, reloadToken: 0 })
  })

  it("shows the steps in the booking's order, the confirmation outside the progress", () => {
    expect(PROGRESS.map((p) => p.step)).toEqual(["segment", "tier", "addons", "date", "contact", "checkout"])
    expect(PROGRESS.map((p) => p.label)).toEqual(["Collection", "Package", "Add-ons", "Date", "Details", "Checkout"])
  })

  it("walks the steps in order, each move clearing the error and marking the journey moved", () => {
    const steps = [...PROGRESS.map((p) => p.step), "done" as const]
    let state = run([{ type: "failed", error: "boom" }])
    for (const step of steps) {
      state = journeyReducer(state, { type: "go", step })
      expect(state).toMatchObject({ step, moved: true, error: null })
      state = journeyReducer(state, { type: "failed", error: "boom" })
    }
  })

  it("does not change the state it is given", () => {
    const before = structuredClone(initialJourney)
    journeyReducer(initialJourney, { type: "restarted" })
    journeyReducer(initialJourney, { type: "quantitiesChanged", quantities: { v: 1 } })
    expect(initialJourney).toEqual(before)
  })

  it("tracks the work in progress: started clears the error, waiting keeps it, finished ends it", () => {
    const failed = run([{ type: "failed", error: "boom" }])
    expect(journeyReducer(failed, { type: "started", busy: "Loading" })).toMatchObject({ busy: "Loading", error: null })
    expect(journeyReducer(failed, { type: "waiting", busy: "One moment" })).toMatchObject({ busy: "One moment", error: "boom" })
    expect(run([{ type: "started", busy: "Loading" }, { type: "finished" }]).busy).toBeNull()
  })

  it("keeps a conflict unless a failure names one", () => {
    const conflicted = run([{ type: "failed", error: "taken", conflict: "date" }])
    expect(conflicted).toMatchObject({ error: "taken", conflict: "date" })
    expect(journeyReducer(conflicted, { type: "failed", error: "other" })).toMatchObject({ error: "other", conflict: "date" })
  })

  it("keeps the store's currency and collections", () => {
    const segments = [segment("seg_a")]
    expect(run([{ type: "currencyLoaded", currency: "eur" }, { type: "segmentsLoaded", segments }])).toMatchObject({ currency: "eur", segments })
  })

  it("forgets the chosen package when another collection is chosen, not when the same one is", () => {
    const chosen = run([
      { type: "segmentChosen", segment: segment("seg_a"), catalog: catalog("seg_a") },
      { type: "tierChosen", tierId: "tier_1", addons },
    ])
    expect(journeyReducer(chosen, { type: "segmentChosen", segment: segment("seg_a"), catalog: catalog("seg_a") }).tierId).toBe("tier_1")
    const other = journeyReducer(chosen, { type: "segmentChosen", segment: segment("seg_b"), catalog: catalog("seg_b") })
    expect(other).toMatchObject({ tierId: null, segment: { id: "seg_b" }, catalog: { segment: { handle: "seg_b" } } })
  })

  it("switches collection after an upgrade without forgetting the upgraded package", () => {
    const upgraded = run([
      { type: "segmentChosen", segment: segment("seg_a"), catalog: catalog("seg_a") },
      { type: "tierUpgraded", tierId: "tier_2", cart: cart("cart_1"), key: "k", notice: "Upgraded to Gold." },
      { type: "segmentSwitched", segment: segment("seg_b"), catalog: catalog("seg_b") },
    ])
    expect(upgraded).toMatchObject({ tierId: "tier_2", segment: { id: "seg_b" }, cart: { cart: { id: "cart_1" }, key: "k" }, notice: "Upgraded to Gold." })
  })

  it("reprices the catalog and keeps the date", () => {
    expect(run([{ type: "dateChanged", date: "2027-06-12" }, { type: "catalogLoaded", catalog: catalog("seg_a") }])).toMatchObject({
      date: "2027-06-12",
      catalog: { segment: { handle: "seg_a" } },
    })
  })

  it("keeps the add-on quantities for the same package and clears them for another", () => {
    const picked = run([{ type: "tierChosen", tierId: "tier_1", addons }, { type: "quantitiesChanged", quantities: { v1: 2 } }])
    expect(journeyReducer(picked, { type: "tierChosen", tierId: "tier_1", addons })).toMatchObject({ quantities: { v1: 2 }, addons })
    expect(journeyReducer(picked, { type: "tierChosen", tierId: "tier_2", addons })).toMatchObject({ tierId: "tier_2", quantities: {} })
  })

  it("keeps the cart with the selection it was built from, and reloads a stale calendar", () => {
    const state = run([{ type: "cartFilled", cart: cart("cart_1"), key: "k" }, { type: "calendarStale" }, { type: "calendarStale" }])
    expect(state).toMatchObject({ cart: { cart: { id: "cart_1" }, key: "k" }, reloadToken: 2 })
  })

  it("saves the contact, clearing the error and the notice while the details are sent", () => {
    const contact = { email: "a@b.co", first_name: "A", last_name: "B" }
    const state = run([{ type: "noticed", notice: "old" }, { type: "failed", error: "boom" }, { type: "contactSubmitted", contact, busy: "Saving" }])
    expect(state).toMatchObject({ contact, busy: "Saving", error: null, notice: null })
  })

  it("shows an offer, keeps its failure on the offer, and closes it", () => {
    const shown = run([{ type: "upsellShown", offer, quote: null }, { type: "waiting", busy: "Updating" }])
    expect(shown.upsell).toEqual({ offer, quote: null, error: null })
    const failed = journeyReducer(shown, { type: "upsellFailed", error: "try again" })
    expect(failed).toMatchObject({ upsell: { offer, error: "try again" }, busy: null })
    expect(journeyReducer(failed, { type: "upsellClosed" }).upsell).toBeNull()
    expect(journeyReducer(initialJourney, { type: "upsellFailed", error: "late" }).upsell).toBeNull()
  })

  it("keeps the payment providers", () => {
    expect(run([{ type: "providersLoaded", providers: [{ id: "pp_system_default" }] }]).providers).toEqual([{ id: "pp_system_default" }])
  })

  it("starts a payment afresh and drops the cart once ordered", () => {
    const failed = run([{ type: "cartFilled", cart: cart("cart_1"), key: "k" }, { type: "failed", error: "changed", conflict: "price" }])
    expect(journeyReducer(failed, { type: "paymentStarted", busy: "Booking" })).toMatchObject({ busy: "Booking", error: null, conflict: null })
    expect(journeyReducer(failed, { type: "ordered", order })).toMatchObject({ order, cart: null })
  })

  it("choosing another date drops the cart, and the date only when the date was taken", () => {
    const base = run([{ type: "dateChanged", date: "2027-06-12" }, { type: "cartFilled", cart: cart("cart_1"), key: "k" }])
    const taken = run([{ type: "failed", error: "just taken", conflict: "date" }, { type: "anotherDateChosen" }], base)
    expect(taken).toMatchObject({ cart: null, date: null, conflict: null, reloadToken: 1 })
    const repriced = run([{ type: "failed", error: "price changed", conflict: "price" }, { type: "anotherDateChosen" }], base)
    expect(repriced).toMatchObject({ cart: null, date: "2027-06-12", conflict: null, reloadToken: 1 })
  })

  it("restarts with nothing chosen, keeping the collections, the contact and the providers", () => {
    const contact = { email: "a@b.co", first_name: "A", last_name: "B" }
    const segments = [segment("seg_a")]
    const state = run([
      { type: "segmentsLoaded", segments },
      { type: "segmentChosen", segment: segments[0], catalog: catalog("seg_a") },
      { type: "tierChosen", tierId: "tier_1", addons },
      { type: "quantitiesChanged", quantities: { v1: 1 } },
      { type: "dateChanged", date: "2027-06-12" },
      { type: "cartFilled", cart: cart("cart_1"), key: "k" },
      { type: "contactSubmitted", contact, busy: "Saving" },
      { type: "providersLoaded", providers: [{ id: "pp" }] },
      { type: "noticed", notice: "Upgraded" },
      { type: "ordered", order },
      { type: "restarted" },
    ])
    expect(state).toMatchObject({ segment: null, catalog: null, tierId: null, addons: null, quantities: {}, date: null, cart: null, order: null, notice: null })
    expect(state).toMatchObject({ segments, contact, providers: [{ id: "pp" }] })
  })

  it("keys a selection by tier, date and the add-ons actually chosen, in any order", () => {
    expect(selectionKey("tier_1", "2027-06-12", { b: 1, a: 2, c: 0 })).toBe(selectionKey("tier_1", "2027-06-12", { a: 2, b: 1 }))
    expect(selectionKey("tier_1", "2027-06-12", {})).not.toBe(selectionKey("tier_2", "2027-06-12", {}))
    expect(selectionKey("tier_1", "2027-06-12", {})).not.toBe(selectionKey("tier_1", "2027-06-13", {}))
  })
})
