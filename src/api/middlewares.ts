import {
  authenticate,
  defineMiddlewares,
  errorHandler,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { validateBody } from "./utils/written-messages"
import {
  AdminBackfill,
  AdminCloneSegment,
  AdminCreateSegment,
  AdminCreateTier,
  AdminGetSegment,
  AdminListSegments,
  AdminUpdateSegment,
} from "./admin/segments/validators"
import {
  AdminArchiveTiers,
  AdminAssignTierProduct,
  AdminListTiers,
  AdminPricePreview,
  AdminUpdateTier,
} from "./admin/tiers/validators"
import { AdminCreateAddonRule, AdminListAddonRules, AdminUpdateAddonRule } from "./admin/addon-rules/validators"
import {
  AdminAvailabilityCalendar,
  AdminConvertDateOption,
  AdminCreateDateOption,
  AdminDateBookings,
  AdminDateOptions,
  AdminExtendDateOption,
  AdminReleaseDateOption,
  AdminUpdateAvailability,
} from "./admin/availability/validators"
import { AdminUpdateNoticeSettings } from "./admin/notification-settings/validators"
import {
  AdminCreatePricingRule,
  AdminListPricingRules,
  AdminUpdatePricingRule,
} from "./admin/pricing-rules/validators"
import {
  AdminCreateExperiment,
  AdminExperimentAssignment,
  AdminListExperiments,
  AdminUpdateExperiment,
} from "./admin/experiments/validators"
import { AdminResetFlags, AdminSetFlags } from "./admin/tier-flags/validators"
import { AdminListRolloutChanges, AdminRolloutChange, AdminSetRolloutStage } from "./admin/tier-rollout/validators"
import { AdminListTierRepairs, AdminRunReconcile } from "./admin/tier-repairs/validators"
import { ADDON_RULE_FIELDS, ADMIN_SEGMENT_FIELDS, ADMIN_TIER_FIELDS } from "./utils/serialize"
import { listQueryConfig } from "./utils/validators"
import { AdminSetCommissionRates } from "./admin/commission-rates/validators"
import { AdminSetDepositPolicy } from "./admin/deposit-policies/validators"
import { AdminConnectAccount } from "./admin/stripe-connect/validators"
import { AdminReportQuery, AdminRevenueReportQuery } from "./admin/tier-analytics/validators"
import { AdminCreateUpsellRule, AdminListUpsellRules, AdminUpdateUpsellRule } from "./admin/upsell-rules/validators"
import { CONFLICT_ERROR_NAME, RATE_LIMIT_ERROR_NAME } from "../lib/errors"
import { StoreAddTierItems, StoreUpgradeCartTier } from "./store/carts/validators"
import { StoreUpsellDecision, StoreUpsellOffers } from "./store/upsell/validators"
import {
  StoreAuthorizeBalancePayment,
  StoreBalanceMethods,
  StoreRescheduleBooking,
  StoreSaveBalanceMethod,
  StoreSetupBalanceMethod,
  StoreStartBalancePayment,
  StoreUpgradeOrderTier,
} from "./store/orders/validators"
import { AdminRecordOfflinePayment, AdminRescheduleBooking, AdminSendPaymentLink } from "./admin/orders/validators"
import { AdminListBalances } from "./admin/balances/validators"
import { StoreTierEvent } from "./store/tier-events/validators"
import { StoreVisitor } from "./store/tiered/visitor/validators"
import { ensureCartOfKey } from "./utils/cart-tenant"
import { refuseTierLineUpdate, removeAddonsWithTierLine } from "./utils/tier-line-fence"
import { validateStoreInput } from "./utils/validate-store-input"
import { asInvalidPath, refuseControlCharacters } from "./utils/refuse-control-characters"
import { settleCacheBeforeAnswer } from "./utils/settle-cache"
import {
  ensureNamedCartOfKey,
  ensureNamedOrderOfKey,
  ensureOrderOfKey,
  ensurePaymentCollectionOfKey,
  refuseForeignSalesChannel,
  refuseUnpayableCollection,
  refuseUnsellableLines,
} from "./utils/store-fence"
import { setConnectPaymentData } from "./utils/connect-payment"
import { traceTenant } from "./utils/trace-tenant"
import { setDepositAmount } from "./utils/deposit-payment"
import { countStoreRequests } from "./utils/count-store-requests"
import { secureOptionDate } from "./utils/option-draft-order"
import { cancelByPolicy } from "./utils/cancel-by-policy"
import { StoreGetSegment, StoreListSegments } from "./store/segments/validators"
import { StoreCompareTiers, StoreTierAddons, StoreTierAvailability, StoreUpgradeQuote } from "./store/tiers/validators"

const medusaErrorHandler = errorHandler()

const PLUGIN_STORE_ROUTES = [
  "/store/segments",
  "/store/segments/*",
  "/store/tiers/*",
  "/store/carts/:id/tier-items",
  "/store/carts/:id/tier-upgrade",
  "/store/orders/:id/tier-upgrade",
  "/store/orders/:id/reschedule",
  "/store/upsell/*",
  "/store/tier-events",
  "/store/tiered/*",
]

/**
 * Medusa answers its own 409s with a generic retry hint; a storefront needs
 * the reason (the date was taken, the price changed), so our conflicts keep
 * their message, and our rate limits answer 429. Everything else goes to
 * Medusa's handler unchanged.
 */
function keepConflictMessages(err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const error = err as { name?: string; message?: unknown } | null
  if (error?.name === CONFLICT_ERROR_NAME && typeof error.message === "string") {
    res.status(409).json({ type: "conflict", message: error.message })
    return
  }
  if (error?.name === RATE_LIMIT_ERROR_NAME && typeof error.message === "string") {
    res.setHeader("Retry-After", "60")
    res.status(429).json({ type: "too_many_requests", message: error.message })
    return
  }
  return medusaErrorHandler(asInvalidPath(err) as Error, req, res, next)
}

export default defineMiddlewares({
  errorHandler: keepConflictMessages,
  routes: [
    // Without methods these run before every route middleware, ours and Medusa's (README "Bounded input").
    { matcher: "/store/*", middlewares: [refuseControlCharacters] },
    { matcher: "/admin/*", middlewares: [refuseControlCharacters] },
    { matcher: "/hooks/stripe-connect", middlewares: [refuseControlCharacters] },
    { matcher: "/tiered/*", middlewares: [refuseControlCharacters] },
    // The plugin's store routes count their answers per tenant (README "Staged rollout": the error-rate guardrail).
    ...PLUGIN_STORE_ROUTES.map((matcher) => ({ matcher, middlewares: [countStoreRequests] })),
    // With methods, after Medusa resolved the publishable key: the rest of the request's spans name the tenant (README "Telemetry").
    { matcher: "/store/*", methods: ["GET", "POST", "DELETE"], middlewares: [traceTenant] },
    // Writes answer once the cached store reads they changed are gone (README "Caching").
    { matcher: "/admin/*", methods: ["POST", "DELETE"], middlewares: [settleCacheBeforeAnswer] },
    { matcher: "/store/carts/:id/complete", methods: ["POST"], middlewares: [settleCacheBeforeAnswer] },
    { matcher: "/store/segments", methods: ["GET"], middlewares: [validateStoreInput("query", StoreListSegments)] },
    { matcher: "/store/segments/:handle", methods: ["GET"], middlewares: [validateStoreInput("query", StoreGetSegment)] },
    { matcher: "/store/tiers/compare", methods: ["POST"], middlewares: [validateStoreInput("body", StoreCompareTiers)] },
    { matcher: "/store/tiers/:id/availability", methods: ["GET"], middlewares: [validateStoreInput("query", StoreTierAvailability)] },
    // Tenant fences on Medusa's own store routes (README "Store API": fences).
    { matcher: "/store/carts/:id", middlewares: [ensureCartOfKey] },
    { matcher: "/store/carts/:id/*", middlewares: [ensureCartOfKey] },
    { matcher: "/store/carts", methods: ["POST"], middlewares: [refuseForeignSalesChannel, refuseUnsellableLines] },
    { matcher: "/store/carts/:id", methods: ["POST"], middlewares: [refuseForeignSalesChannel] },
    { matcher: "/store/carts/:id/line-items", methods: ["POST"], middlewares: [refuseUnsellableLines] },
    { matcher: "/store/carts/:id/line-items/:line_id", methods: ["POST"], middlewares: [refuseTierLineUpdate] },
    { matcher: "/store/carts/:id/line-items/:line_id", methods: ["DELETE"], middlewares: [removeAddonsWithTierLine] },
    { matcher: "/store/payment-collections", methods: ["POST"], middlewares: [ensureNamedCartOfKey("body")] },
    { matcher: "/store/payment-collections/:id", middlewares: [ensurePaymentCollectionOfKey] },
    {
      matcher: "/store/payment-collections/:id/payment-sessions",
      methods: ["POST"],
      middlewares: [refuseUnpayableCollection, setDepositAmount, setConnectPaymentData],
    },
    { matcher: "/store/orders/:id", middlewares: [ensureOrderOfKey] },
    { matcher: "/store/returns", methods: ["POST"], middlewares: [ensureNamedOrderOfKey] },
    { matcher: "/store/shipping-options", methods: ["GET"], middlewares: [ensureNamedCartOfKey("query")] },
    { matcher: "/store/shipping-options/:id/calculate", methods: ["POST"], middlewares: [ensureNamedCartOfKey("body")] },
    { matcher: "/store/carts/:id/tier-items", methods: ["POST"], middlewares: [validateStoreInput("body", StoreAddTierItems)] },
    { matcher: "/store/carts/:id/tier-upgrade", methods: ["POST"], middlewares: [validateStoreInput("body", StoreUpgradeCartTier)] },
    {
      matcher: "/store/orders/:id/tier-upgrade",
      methods: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateStoreInput("body", StoreUpgradeOrderTier)],
    },
    {
      matcher: "/store/orders/:id/reschedule",
      methods: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateStoreInput("body", StoreRescheduleBooking)],
    },
    // The balance after the deposit (README "Balances"): the amount is always the server's.
    {
      matcher: "/store/orders/:id/balance-payment",
      methods: ["POST"],
      middlewares: [ensureOrderOfKey, validateStoreInput("body", StoreStartBalancePayment)],
    },
    {
      matcher: "/store/orders/:id/balance-payment/authorize",
      methods: ["POST"],
      middlewares: [ensureOrderOfKey, validateStoreInput("body", StoreAuthorizeBalancePayment)],
    },
    // A saved method is the order's signed-in customer's own (README "Balances": saved methods).
    {
      matcher: "/store/orders/:id/balance-payment/saved-method",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"]), ensureOrderOfKey, validateStoreInput("query", StoreBalanceMethods)],
    },
    {
      matcher: "/store/orders/:id/balance-payment/saved-method",
      methods: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"]), ensureOrderOfKey, validateStoreInput("body", StoreSaveBalanceMethod)],
    },
    {
      matcher: "/store/orders/:id/balance-payment/saved-method/setup",
      methods: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"]), ensureOrderOfKey, validateStoreInput("body", StoreSetupBalanceMethod)],
    },
    { matcher: "/store/tiers/upgrade-quote", methods: ["POST"], middlewares: [validateStoreInput("body", StoreUpgradeQuote)] },
    { matcher: "/store/tiers/:id/addons", methods: ["GET"], middlewares: [validateStoreInput("query", StoreTierAddons)] },
    {
      matcher: "/store/tier-events",
      methods: ["POST"],
      // A funnel event is small; a bigger body is a bug or an attack.
      bodyParser: { sizeLimit: "8kb" },
      middlewares: [validateStoreInput("body", StoreTierEvent)],
    },
    { matcher: "/store/upsell/offers", methods: ["POST"], middlewares: [validateStoreInput("body", StoreUpsellOffers)] },
    { matcher: "/store/upsell/offers/:id/decision", methods: ["POST"], middlewares: [validateStoreInput("body", StoreUpsellDecision)] },
    { matcher: "/store/tiered/visitor", methods: ["POST"], middlewares: [validateStoreInput("body", StoreVisitor)] },

    { matcher: "/admin/segments", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListSegments, listQueryConfig(ADMIN_SEGMENT_FIELDS))] },
    { matcher: "/admin/segments", methods: ["POST"], middlewares: [validateBody(AdminCreateSegment)] },
    { matcher: "/admin/segments/backfill", methods: ["POST"], middlewares: [validateBody(AdminBackfill)] },
    { matcher: "/admin/segments/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminGetSegment, {})] },
    { matcher: "/admin/segments/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdateSegment)] },
    { matcher: "/admin/segments/:id/tiers", methods: ["POST"], middlewares: [validateBody(AdminCreateTier)] },
    { matcher: "/admin/segments/:id/clone", methods: ["POST"], middlewares: [validateBody(AdminCloneSegment)] },

    { matcher: "/admin/tiers", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListTiers, listQueryConfig(ADMIN_TIER_FIELDS))] },
    { matcher: "/admin/tiers/archive", methods: ["POST"], middlewares: [validateBody(AdminArchiveTiers)] },
    { matcher: "/admin/tiers/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdateTier)] },
    { matcher: "/admin/tiers/:id/product", methods: ["POST"], middlewares: [validateBody(AdminAssignTierProduct)] },
    { matcher: "/admin/tiers/:id/price-preview", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminPricePreview, {})] },

    { matcher: "/admin/addon-rules", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListAddonRules, listQueryConfig(ADDON_RULE_FIELDS))] },
    { matcher: "/admin/addon-rules", methods: ["POST"], middlewares: [validateBody(AdminCreateAddonRule)] },
    { matcher: "/admin/addon-rules/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdateAddonRule)] },

    { matcher: "/admin/orders/:id/reschedule", methods: ["POST"], middlewares: [validateBody(AdminRescheduleBooking)] },
    { matcher: "/admin/orders/:id/reschedule/preview", methods: ["POST"], middlewares: [validateBody(AdminRescheduleBooking)] },

    // An order with a payment plan is canceled under the tenant's cancellation policy (README "Balances").
    { matcher: "/admin/orders/:id/cancel", methods: ["POST"], middlewares: [cancelByPolicy] },
    { matcher: "/admin/orders/:id/offline-payments", methods: ["POST"], middlewares: [validateBody(AdminRecordOfflinePayment)] },
    { matcher: "/admin/orders/:id/payment-link", methods: ["POST"], middlewares: [validateBody(AdminSendPaymentLink)] },
    { matcher: "/admin/balances", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListBalances, {})] },

    { matcher: "/admin/availability/:sales_channel_id", methods: ["POST"], middlewares: [validateBody(AdminUpdateAvailability)] },
    { matcher: "/admin/availability/:sales_channel_id/calendar", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminAvailabilityCalendar, {})] },
    { matcher: "/admin/availability/:sales_channel_id/bookings", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminDateBookings, {})] },
    { matcher: "/admin/availability/:sales_channel_id/options", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminDateOptions, {})] },
    { matcher: "/admin/availability/:sales_channel_id/options", methods: ["POST"], middlewares: [validateBody(AdminCreateDateOption)] },
    { matcher: "/admin/availability/:sales_channel_id/options/:id/extend", methods: ["POST"], middlewares: [validateBody(AdminExtendDateOption)] },
    { matcher: "/admin/availability/:sales_channel_id/options/:id/release", methods: ["POST"], middlewares: [validateBody(AdminReleaseDateOption)] },
    { matcher: "/admin/availability/:sales_channel_id/options/:id/convert", methods: ["POST"], middlewares: [validateBody(AdminConvertDateOption)] },
    { matcher: "/admin/notification-settings/:sales_channel_id", methods: ["POST"], middlewares: [validateBody(AdminUpdateNoticeSettings)] },
    // An option's draft order keeps (or retakes) its date before Medusa converts it (README "Merchant options").
    { matcher: "/admin/draft-orders/:id/convert-to-order", methods: ["POST"], middlewares: [secureOptionDate] },

    { matcher: "/admin/upsell-rules", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListUpsellRules, listQueryConfig())] },
    { matcher: "/admin/upsell-rules", methods: ["POST"], middlewares: [validateBody(AdminCreateUpsellRule)] },
    { matcher: "/admin/upsell-rules/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdateUpsellRule)] },

    { matcher: "/admin/experiments", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListExperiments, listQueryConfig())] },
    { matcher: "/admin/experiments", methods: ["POST"], middlewares: [validateBody(AdminCreateExperiment)] },
    { matcher: "/admin/experiments/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdateExperiment)] },
    { matcher: "/admin/experiments/:id/assignment", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminExperimentAssignment, {})] },

    { matcher: "/admin/tier-analytics/funnel", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminReportQuery, {})] },
    { matcher: "/admin/tier-analytics/tiers", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminReportQuery, {})] },
    { matcher: "/admin/tier-analytics/upsell", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminReportQuery, {})] },
    { matcher: "/admin/tier-analytics/experiments", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminReportQuery, {})] },
    { matcher: "/admin/tier-analytics/revenue", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminRevenueReportQuery, {})] },

    { matcher: "/admin/stripe-connect/accounts/:sales_channel_id", methods: ["POST"], middlewares: [validateBody(AdminConnectAccount)] },
    // Stripe signs the exact bytes it sent.
    { matcher: "/hooks/stripe-connect", methods: ["POST"], bodyParser: { preserveRawBody: true }, middlewares: [] },
    { matcher: "/admin/commission-rates/:sales_channel_id", methods: ["POST"], middlewares: [validateBody(AdminSetCommissionRates)] },
    { matcher: "/admin/deposit-policies/:sales_channel_id", methods: ["POST"], middlewares: [validateBody(AdminSetDepositPolicy)] },

    { matcher: "/admin/tier-repairs", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListTierRepairs, listQueryConfig())] },
    { matcher: "/admin/tier-repairs/run", methods: ["POST"], middlewares: [validateBody(AdminRunReconcile)] },

    { matcher: "/admin/tier-flags", methods: ["POST"], middlewares: [validateBody(AdminSetFlags)] },
    { matcher: "/admin/tier-flags", methods: ["DELETE"], middlewares: [validateAndTransformQuery(AdminResetFlags, {})] },

    { matcher: "/admin/tier-rollout/:feature/advance", methods: ["POST"], middlewares: [validateBody(AdminRolloutChange)] },
    { matcher: "/admin/tier-rollout/:feature/pause", methods: ["POST"], middlewares: [validateBody(AdminRolloutChange)] },
    { matcher: "/admin/tier-rollout/:feature/resume", methods: ["POST"], middlewares: [validateBody(AdminRolloutChange)] },
    { matcher: "/admin/tier-rollout/:feature/stage", methods: ["POST"], middlewares: [validateBody(AdminSetRolloutStage)] },
    { matcher: "/admin/tier-rollout/:feature/changes", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListRolloutChanges, {})] },

    { matcher: "/admin/pricing-rules", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListPricingRules, listQueryConfig())] },
    { matcher: "/admin/pricing-rules", methods: ["POST"], middlewares: [validateBody(AdminCreatePricingRule)] },
    { matcher: "/admin/pricing-rules/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdatePricingRule)] },
  ],
})
