/**
 * The typed client of the plugin's store API, on top of `@medusajs/js-sdk`:
 *
 *   const sdk = new Medusa({ baseUrl, publishableKey })
 *   const tiered = tieredStore(sdk.client)
 *   const { segments } = await tiered.segments.list({ region_id })
 *
 * Requests go through the SDK's `client.fetch`, so they carry its publishable key and login, and a
 * non-2xx answer throws the SDK's `FetchError` with the status and the server's message.
 * Plain TypeScript with no server imports: a browser bundle can use it.
 */
import type { Client, ClientHeaders } from "@medusajs/js-sdk"
import type {
  AddTierItemsBody,
  CompareTiersBody,
  ListSegmentsQuery,
  OfferDecisionBody,
  RetrieveSegmentQuery,
  StoreCartPaymentPlanResponse,
  StoreCartTierUpgradeResponse,
  StoreOrderPaymentPlanResponse,
  StoreAuthorizeBalancePaymentResponse,
  StoreBalancePaymentResponse,
  StoreSaveBalanceMethodRequest,
  StoreSavedBalanceMethodResponse,
  StoreBalanceMethodsResponse,
  StoreSetupBalanceMethodRequest,
  StoreBalanceMethodSetupResponse,
  StoreStartBalancePaymentRequest,
  StoreOfferDecisionResponse,
  StoreOrderTierUpgradeResponse,
  RescheduleBody,
  RescheduleResponse,
  StoreSegmentListResponse,
  StoreSegmentResponse,
  StoreTierAddonsResponse,
  StoreTierAvailabilityResponse,
  StoreAddTierItemsResponse,
  StoreTierComparisonResponse,
  StoreTierEventResponse,
  StoreUpsellOffersResponse,
  TierAddonsQuery,
  TierAvailabilityQuery,
  TierEventBody,
  PageLoadBody,
  UpgradeQuote,
  UpgradeQuoteBody,
  UpgradeTierBody,
  UpsellOffersBody,
  StoreVisitorResponse,
  VisitorBody,
} from "../contract/store"

export type * from "../contract/store"
export { isAddonLine, isTierLine } from "../lib/cart-lines"
/** The comparison's rows under their group headings, and whether a row reads as ✓ / —. */
export { groupRows, isYesNoRow } from "../lib/comparison"
export type { ComparisonGroup } from "../lib/comparison"
export { FUNNEL_EVENTS } from "../lib/funnel"
/** An amount in main units as a customer reads it, with the currency's minor digits ("$2,125.00"). */
export { formatMoney } from "../lib/money"

/** What the client needs of the SDK: its `fetch` (pass `sdk.client`). */
export type StoreFetcher = Pick<Client, "fetch">

const id = (value: string) => encodeURIComponent(value)

/** One typed method per store route of the plugin; `headers` are added to the SDK's own. */
export function tieredStore(client: StoreFetcher) {
  const get = <T>(path: string, query?: object, headers?: ClientHeaders) =>
    client.fetch<T>(path, { method: "GET", query: query as Record<string, unknown> | undefined, headers })
  const post = <T>(path: string, body: object, headers?: ClientHeaders) =>
    client.fetch<T>(path, { method: "POST", body, headers })

  return {
    segments: {
      /** `GET /store/segments`: segments with at least one tier the key can see, by rank. */
      list: (query: ListSegmentsQuery, headers?: ClientHeaders) =>
        get<StoreSegmentListResponse>("/store/segments", query, headers),
      /** `GET /store/segments/:handle`: the segment with its tiers priced for the date, and their comparison. */
      retrieve: (handle: string, query: RetrieveSegmentQuery, headers?: ClientHeaders) =>
        get<StoreSegmentResponse>(`/store/segments/${id(handle)}`, query, headers),
    },
    tiers: {
      /** `POST /store/tiers/compare`: 2-3 tiers, in catalog order, with their comparison. */
      compare: (body: CompareTiersBody, headers?: ClientHeaders) =>
        post<StoreTierComparisonResponse>("/store/tiers/compare", body, headers),
      /** `GET /store/tiers/:id/addons`: the add-ons the tier may take, and the bundle incentive's terms. */
      addons: (tierId: string, query: TierAddonsQuery, headers?: ClientHeaders) =>
        get<StoreTierAddonsResponse>(`/store/tiers/${id(tierId)}/addons`, query, headers),
      /** `GET /store/tiers/:id/availability`: each date's status for the tier. */
      availability: (tierId: string, query: TierAvailabilityQuery = {}, headers?: ClientHeaders) =>
        get<StoreTierAvailabilityResponse>(`/store/tiers/${id(tierId)}/availability`, query, headers),
      /** `POST /store/tiers/upgrade-quote`: what an upgrade would cost and add, or why it is refused. */
      upgradeQuote: (body: UpgradeQuoteBody, headers?: ClientHeaders) =>
        post<UpgradeQuote>("/store/tiers/upgrade-quote", body, headers),
    },
    carts: {
      /** `POST /store/carts/:id/tier-items`: the tier line and its add-on lines, at server prices, and the hold on its date. */
      addTier: (cartId: string, body: AddTierItemsBody, headers?: ClientHeaders) =>
        post<StoreAddTierItemsResponse>(`/store/carts/${id(cartId)}/tier-items`, body, headers),
      /** `POST /store/carts/:id/tier-upgrade`: swaps the tier line, keeping date and add-ons. */
      upgradeTier: (cartId: string, body: UpgradeTierBody, headers?: ClientHeaders) =>
        post<StoreCartTierUpgradeResponse>(`/store/carts/${id(cartId)}/tier-upgrade`, body, headers),
      /** `GET /store/carts/:id/payment-plan`: what checkout charges now (the deposit, or the total) and what the order will owe. */
      paymentPlan: (cartId: string, headers?: ClientHeaders) =>
        get<StoreCartPaymentPlanResponse>(`/store/carts/${id(cartId)}/payment-plan`, undefined, headers),
    },
    orders: {
      /** `POST /store/orders/:id/tier-upgrade`: the logged-in customer upgrades a placed booking. */
      upgradeTier: (orderId: string, body: UpgradeTierBody, headers?: ClientHeaders) =>
        post<StoreOrderTierUpgradeResponse>(`/store/orders/${id(orderId)}/tier-upgrade`, body, headers),
      /** `POST /store/orders/:id/reschedule`: the logged-in customer moves a booking to another date, where the studio allows it. */
      reschedule: (orderId: string, body: RescheduleBody, headers?: ClientHeaders) =>
        post<RescheduleResponse>(`/store/orders/${id(orderId)}/reschedule`, body, headers),
      /** `GET /store/orders/:id/payment-plan`: what the order paid, still owes and by when. */
      paymentPlan: (orderId: string, headers?: ClientHeaders) =>
        get<StoreOrderPaymentPlanResponse>(`/store/orders/${id(orderId)}/payment-plan`, undefined, headers),
      /** `POST /store/orders/:id/balance-payment`: a payment session with the provider for what the order owes now (the server's amount). */
      startBalancePayment: (orderId: string, body: StoreStartBalancePaymentRequest, headers?: ClientHeaders) =>
        post<StoreBalancePaymentResponse>(`/store/orders/${id(orderId)}/balance-payment`, body, headers),
      /** `POST /store/orders/:id/balance-payment/authorize`: completes the balance payment, once; a repeat answers the same. */
      authorizeBalancePayment: (orderId: string, headers?: ClientHeaders) =>
        post<StoreAuthorizeBalancePaymentResponse>(`/store/orders/${id(orderId)}/balance-payment/authorize`, {}, headers),
      /** `GET /store/orders/:id/balance-payment/saved-method` (signed-in owner): what the due date charges and the methods saved with the region's providers. */
      balanceMethods: (orderId: string, headers?: ClientHeaders) =>
        get<StoreBalanceMethodsResponse>(`/store/orders/${id(orderId)}/balance-payment/saved-method`, undefined, headers),
      /** `POST /store/orders/:id/balance-payment/saved-method` (signed-in owner): the balance is charged to one of the customer's saved methods on its due date. */
      saveBalanceMethod: (orderId: string, body: StoreSaveBalanceMethodRequest, headers?: ClientHeaders) =>
        post<StoreSavedBalanceMethodResponse>(`/store/orders/${id(orderId)}/balance-payment/saved-method`, body, headers),
      /** `POST /store/orders/:id/balance-payment/saved-method/setup` (signed-in owner): the provider's setup (Stripe: a setup intent) to save a card with. */
      setupBalanceMethod: (orderId: string, body: StoreSetupBalanceMethodRequest, headers?: ClientHeaders) =>
        post<StoreBalanceMethodSetupResponse>(`/store/orders/${id(orderId)}/balance-payment/saved-method/setup`, body, headers),
    },
    upsell: {
      /** `POST /store/upsell/offers`: the offers for the visitor's context (recorded once a day) and the visitor id to keep. */
      offers: (body: UpsellOffersBody, headers?: ClientHeaders) =>
        post<StoreUpsellOffersResponse>("/store/upsell/offers", body, headers),
      /** `POST /store/upsell/offers/:id/decision`: records the visitor's answer, once. */
      decide: (offerId: string, body: OfferDecisionBody, headers?: ClientHeaders) =>
        post<StoreOfferDecisionResponse>(`/store/upsell/offers/${id(offerId)}/decision`, body, headers),
    },
    events: {
      /** `POST /store/tier-events`: one funnel event of a visitor; answers the visitor id to keep. */
      track: (body: TierEventBody, headers?: ClientHeaders) =>
        post<StoreTierEventResponse>("/store/tier-events", body, headers),
      /** `POST /store/tier-events` as a `page_load`: the page's Largest Contentful Paint, once per page. */
      pageLoad: ({ visitor_id, lcp_ms, path }: PageLoadBody, headers?: ClientHeaders) =>
        post<StoreTierEventResponse>(
          "/store/tier-events",
          { name: "page_load", visitor_id, properties: { lcp_ms: Math.round(lcp_ms), ...(path ? { path: path.slice(0, 500) } : {}) } },
          headers
        ),
    },
    /**
     * `POST /store/tiered/visitor`: the signed visitor id to keep: the one given when the server
     * signed it, else a fresh one. Call it when the storefront starts.
     */
    visitor: (body: VisitorBody = {}, headers?: ClientHeaders) => post<StoreVisitorResponse>("/store/tiered/visitor", body, headers),
    /** `GET /store/tiered/health`: answers when the publishable key is valid and the plugin is installed. */
    health: (headers?: ClientHeaders) => get<{ status: "ok" }>("/store/tiered/health", undefined, headers),
  }
}

export type TieredStore = ReturnType<typeof tieredStore>

/** Adds `tiered` (the typed client) to an SDK instance and returns it. */
export function withTieredStore<T extends { client: StoreFetcher }>(sdk: T): T & { tiered: TieredStore } {
  return Object.assign(sdk, { tiered: tieredStore(sdk.client) })
}

