import type { HttpTypes } from "@medusajs/types"
// Relative, not "@tiered/client": the reducer's unit tests compile it outside the storefront's alias.
import type { StoreSegmentListItem, StoreSegmentResponse, StoreTierAddonsResponse, StoreTierCart, StoreUpsellOffer, UpgradeQuote } from "../../src/client"

export type Step = "segment" | "tier" | "addons" | "date" | "contact" | "checkout" | "done"

export const PROGRESS: { step: Step; label: string }[] = [
  { step: "segment", label: "Collection" },
  { step: "tier", label: "Package" },
  { step: "addons", label: "Add-ons" },
  { step: "date", label: "Date" },
  { step: "contact", label: "Details" },
  { step: "checkout", label: "Checkout" },
]

export type Quantities = Record<string, number>
export type Contact = { email: string; first_name: string; last_name: string }
export type PaymentProvider = { id: string }
export type Conflict = "date" | "price"

export type JourneyState = {
  step: Step
  /** Set once the customer left the first screen: from then on each step takes the focus. */
  moved: boolean
  currency: string
  segments: StoreSegmentListItem[] | null
  segment: StoreSegmentListItem | null
  catalog: StoreSegmentResponse | null
  tierId: string | null
  addons: StoreTierAddonsResponse | null
  quantities: Quantities
  date: string | null
  /** The cart and the selection it was built from. */
  cart: { cart: StoreTierCart; key: string } | null
  contact: Contact
  upsell: { offer: StoreUpsellOffer; quote: UpgradeQuote | null; error: string | null } | null
  providers: PaymentProvider[] | null
  order: HttpTypes.StoreOrder | null
  busy: string | null
  error: string | null
  conflict: Conflict | null
  notice: string | null
  /** Bumped when the calendar on screen may be out of date. */
  reloadToken: number
}

export type JourneyAction =
  | { type: "go"; step: Step }
  | { type: "started"; busy: string }
  | { type: "waiting"; busy: string }
  | { type: "finished" }
  | { type: "failed"; error: string; conflict?: Conflict }
  | { type: "currencyLoaded"; currency: string }
  | { type: "segmentsLoaded"; segments: StoreSegmentListItem[] }
  | { type: "segmentChosen"; segment: StoreSegmentListItem; catalog: StoreSegmentResponse }
  | { type: "catalogLoaded"; catalog: StoreSegmentResponse }
  | { type: "dateChanged"; date: string | null }
  | { type: "tierChosen"; tierId: string; addons: StoreTierAddonsResponse }
  | { type: "quantitiesChanged"; quantities: Quantities }
  | { type: "cartFilled"; cart: StoreTierCart; key: string }
  | { type: "calendarStale" }
  | { type: "contactSubmitted"; contact: Contact; busy: string }
  | { type: "upsellShown"; offer: StoreUpsellOffer; quote: UpgradeQuote | null }
  | { type: "upsellFailed"; error: string }
  | { type: "upsellClosed" }
  | { type: "tierUpgraded"; tierId: string; cart: StoreTierCart; key: string; notice: string }
  | { type: "segmentSwitched"; segment: StoreSegmentListItem; catalog: StoreSegmentResponse }
  | { type: "noticed"; notice: string }
  | { type: "providersLoaded"; providers: PaymentProvider[] }
  | { type: "paymentStarted"; busy: string }
  | { type: "ordered"; order: HttpTypes.StoreOrder }
  | { type: "anotherDateChosen" }
  | { type: "restarted" }

/** The customer's choices and what came of them: what a new booking starts without. */
const NOTHING_CHOSEN = {
  segment: null,
  catalog: null,
  tierId: null,
  addons: null,
  quantities: {},
  date: null,
  cart: null,
  order: null,
  notice: null,
} satisfies Partial<JourneyState>

export const initialJourney: JourneyState = {
  ...NOTHING_CHOSEN,
  step: "segment",
  moved: false,
  currency: "usd",
  segments: null,
  contact: { email: "", first_name: "", last_name: "" },
  upsell: null,
  providers: null,
  busy: null,
  error: null,
  conflict: null,
  reloadToken: 0,
}

/** The selection a cart was built from: a cart is rebuilt when the selection changed since. */
export function selectionKey(tierId: string | null, date: string | null, quantities: Quantities) {
  const addons = Object.entries(quantities)
    .filter(([, n]) => n > 0)
    .sort()
  return JSON.stringify([tierId, date, addons])
}

export function journeyReducer(state: JourneyState, action: JourneyAction): JourneyState {
  switch (action.type) {
    case "go":
      return { ...state, step: action.step, moved: true, error: null }
    case "started":
      return { ...state, busy: action.busy, error: null }
    case "waiting":
      return { ...state, busy: action.busy }
    case "finished":
      return { ...state, busy: null }
    case "failed":
      return { ...state, error: action.error, conflict: action.conflict ?? state.conflict }
    case "currencyLoaded":
      return { ...state, currency: action.currency }
    case "segmentsLoaded":
      return { ...state, segments: action.segments }
    case "segmentChosen":
      // Another collection's packages: the tier chosen in the previous one no longer applies.
      return {
        ...state,
        segment: action.segment,
        catalog: action.catalog,
        tierId: state.segment?.id === action.segment.id ? state.tierId : null,
      }
    case "catalogLoaded":
      return { ...state, catalog: action.catalog }
    case "dateChanged":
      return { ...state, date: action.date }
    case "tierChosen":
      return { ...state, tierId: action.tierId, addons: action.addons, quantities: action.tierId === state.tierId ? state.quantities : {} }
    case "quantitiesChanged":
      return { ...state, quantities: action.quantities }
    case "cartFilled":
      return { ...state, cart: { cart: action.cart, key: action.key } }
    case "calendarStale":
      return { ...state, reloadToken: state.reloadToken + 1 }
    case "contactSubmitted":
      return { ...state, contact: action.contact, busy: action.busy, error: null, notice: null }
    case "upsellShown":
      return { ...state, upsell: { offer: action.offer, quote: action.quote, error: null } }
    case "upsellFailed":
      return { ...state, upsell: state.upsell && { ...state.upsell, error: action.error }, busy: null }
    case "upsellClosed":
      return { ...state, upsell: null }
    case "tierUpgraded":
      return { ...state, tierId: action.tierId, cart: { cart: action.cart, key: action.key }, notice: action.notice }
    case "segmentSwitched":
      return { ...state, segment: action.segment, catalog: action.catalog }
    case "noticed":
      return { ...state, notice: action.notice }
    case "providersLoaded":
      return { ...state, providers: action.providers }
    case "paymentStarted":
      return { ...state, busy: action.busy, error: null, conflict: null }
    case "ordered":
      return { ...state, order: action.order, cart: null }
    case "anotherDateChosen":
      return { ...state, cart: null, date: state.conflict === "date" ? null : state.date, conflict: null, reloadToken: state.reloadToken + 1 }
    case "restarted":
      return { ...state, ...NOTHING_CHOSEN }
  }
}
