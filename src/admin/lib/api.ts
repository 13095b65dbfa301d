import { sdk } from "./sdk"
import { csvFileName } from "./tier-analytics"
import type {
  AdminBalancesResponse,
  AdminOfflinePaymentResponse,
  AdminOrderScheduleResponse,
  AdminPaymentLinkResponse,
  AdminRecordOfflinePaymentRequest,
  AnalyticsReport,
  AvailabilityCalendar,
  AdminCreateDateOptionRequest,
  DateBookingsResponse,
  DateOptionResponse,
  DateOptionsResponse,
  AvailabilityChange,
  AvailabilityResponse,
  CalendarFeedResponse,
  NoticeSettingsChange,
  NoticeSettingsResponse,
  CommissionRateChange,
  CommissionRates,
  DepositPolicies,
  DepositPolicyPayload,
  ConnectAccountState,
  ConnectOnboarding,
  ConnectedAccountResponse,
  CreateTierPayload,
  DeleteResponse,
  ExperimentAssignment,
  ExperimentList,
  ExperimentPayload,
  ExperimentReport,
  ExperimentResponse,
  ExperimentStatus,
  FunnelReport,
  OrderTierSummaryResponse,
  PricePreview,
  PricingRuleList,
  PricingRulePayload,
  PricingRuleResponse,
  RescheduleBody,
  ReschedulePreviewResponse,
  RescheduleResponse,
  ReconcileRunResponse,
  ReportInterval,
  ReportQuery,
  RevenueReport,
  SegmentList,
  SegmentPayload,
  SegmentResponse,
  TierFlagKey,
  TierFlags,
  TierFlagsState,
  RolloutChangeList,
  RolloutChangeResponse,
  RolloutFeature,
  RolloutOverview,
  TierList,
  TierRepairList,
  TierRepairQuery,
  TierRepairResponse,
  TierReport,
  TierResponse,
  TiersResponse,
  UpdateTierPayload,
  UpsellReport,
  UpsellRuleList,
  UpsellRulePayload,
  UpsellRuleResponse,
} from "../../contract/admin"

/** One function per admin route the screens call (README "Admin API"). */

export const listSegments = (query: { limit: number; offset: number }) =>
  sdk.client.fetch<SegmentList>("/admin/segments", { query })

export const createSegment = (body: SegmentPayload) =>
  sdk.client
    .fetch<SegmentResponse>("/admin/segments", { method: "POST", body })
    .then((r) => r.segment)

export const updateSegment = (id: string, body: Partial<SegmentPayload>) =>
  sdk.client
    .fetch<SegmentResponse>(`/admin/segments/${id}`, { method: "POST", body })
    .then((r) => r.segment)

export const cloneSegment = (id: string, body: SegmentPayload) =>
  sdk.client
    .fetch<SegmentResponse>(`/admin/segments/${id}/clone`, { method: "POST", body })
    .then((r) => r.segment)

export const deleteSegment = (id: string) =>
  sdk.client.fetch<DeleteResponse<"segment">>(`/admin/segments/${id}`, { method: "DELETE" })

export const createTier = (segmentId: string, body: CreateTierPayload) =>
  sdk.client
    .fetch<TierResponse>(`/admin/segments/${segmentId}/tiers`, { method: "POST", body })
    .then((r) => r.tier)

export const listProductTiers = (productId: string) =>
  sdk.client.fetch<TierList>("/admin/tiers", { query: { product_id: productId } }).then((r) => r.tiers)

export const updateTier = (id: string, body: UpdateTierPayload) =>
  sdk.client
    .fetch<TierResponse>(`/admin/tiers/${id}`, { method: "POST", body })
    .then((r) => r.tier)

export const archiveTiers = (ids: string[]) =>
  sdk.client
    .fetch<TiersResponse>("/admin/tiers/archive", { method: "POST", body: { ids } })
    .then((r) => r.tiers)

export const removeTierProduct = (id: string) =>
  sdk.client
    .fetch<TierResponse>(`/admin/tiers/${id}/product`, { method: "DELETE" })
    .then((r) => r.tier)

export const archiveTier = (id: string) =>
  sdk.client
    .fetch<TierResponse>(`/admin/tiers/${id}/archive`, { method: "POST" })
    .then((r) => r.tier)

export const listPricingRules = () =>
  sdk.client.fetch<PricingRuleList>("/admin/pricing-rules", {
    query: { limit: 200, offset: 0 },
  })

export const createPricingRule = (body: PricingRulePayload) =>
  sdk.client.fetch<PricingRuleResponse>("/admin/pricing-rules", { method: "POST", body })

export const updatePricingRule = ({ id, body }: { id: string; body: Partial<PricingRulePayload> }) =>
  sdk.client.fetch<PricingRuleResponse>(`/admin/pricing-rules/${id}`, { method: "POST", body })

export const deletePricingRule = (id: string) =>
  sdk.client.fetch<DeleteResponse<"pricing_rule">>(`/admin/pricing-rules/${id}`, { method: "DELETE" })

export const getPricePreview = (tierId: string, query: { region_id: string; from: string; to: string }) =>
  sdk.client.fetch<PricePreview>(`/admin/tiers/${tierId}/price-preview`, { query })

export const listRegions = () => sdk.admin.region.list({ limit: 100, fields: "id,name,currency_code" })

export const getAvailability = (channelId: string) =>
  sdk.client
    .fetch<AvailabilityResponse>(`/admin/availability/${channelId}`)
    .then((r) => r.availability)

export const getDateBookings = (channelId: string, date: string) =>
  sdk.client
    .fetch<DateBookingsResponse>(`/admin/availability/${channelId}/bookings`, { query: { date } })
    .then((r) => r.bookings)

export const getDateOptions = (channelId: string, date: string) =>
  sdk.client.fetch<DateOptionsResponse>(`/admin/availability/${channelId}/options`, { query: { from: date, to: date } })

export const createDateOption = ({ channelId, body }: { channelId: string; body: AdminCreateDateOptionRequest }) =>
  sdk.client
    .fetch<DateOptionResponse>(`/admin/availability/${channelId}/options`, { method: "POST", body })
    .then((r) => r.option)

export const changeDateOption = ({ channelId, id, action, hours }: { channelId: string; id: string; action: "extend" | "release"; hours?: number }) =>
  sdk.client
    .fetch<DateOptionResponse>(`/admin/availability/${channelId}/options/${id}/${action}`, {
      method: "POST",
      body: action === "extend" ? { expires_in_hours: hours } : {},
    })
    .then((r) => r.option)

/** A live option becomes a Medusa draft order for its client, priced for the date in the region. */
export const convertDateOption = ({ channelId, id, regionId }: { channelId: string; id: string; regionId: string }) =>
  sdk.client
    .fetch<DateOptionResponse>(`/admin/availability/${channelId}/options/${id}/convert`, { method: "POST", body: { region_id: regionId } })
    .then((r) => r.option)

export const getAvailabilityCalendar = (channelId: string, from: string, to: string) =>
  sdk.client
    .fetch<AvailabilityCalendar>(`/admin/availability/${channelId}/calendar`, { query: { from, to } })
    .then((r) => r.dates)

export const getCalendarFeed = (channelId: string) =>
  sdk.client.fetch<CalendarFeedResponse>(`/admin/availability/${channelId}/feed`).then((r) => r.feed)

export const rotateCalendarFeed = (channelId: string) =>
  sdk.client
    .fetch<CalendarFeedResponse>(`/admin/availability/${channelId}/feed/rotate`, { method: "POST" })
    .then((r) => r.feed)

export const getNoticeSettings = (channelId: string) =>
  sdk.client.fetch<NoticeSettingsResponse>(`/admin/notification-settings/${channelId}`).then((r) => r.notification_settings)

export const setNoticeSettings = ({ channelId, body }: { channelId: string; body: NoticeSettingsChange }) =>
  sdk.client
    .fetch<NoticeSettingsResponse>(`/admin/notification-settings/${channelId}`, { method: "POST", body })
    .then((r) => r.notification_settings)

export const updateAvailability = ({ channelId, body }: { channelId: string; body: AvailabilityChange }) =>
  sdk.client
    .fetch<AvailabilityResponse>(`/admin/availability/${channelId}`, { method: "POST", body })
    .then((r) => r.availability)

export const listSalesChannels = () =>
  sdk.admin.salesChannel.list({ limit: 100, fields: "id,name" }).then((r) => r.sales_channels)

export const listUpsellRules = (query: { limit: number; offset: number; is_active?: boolean }) =>
  sdk.client.fetch<UpsellRuleList>("/admin/upsell-rules", { query })

export const createUpsellRule = (body: UpsellRulePayload) =>
  sdk.client
    .fetch<UpsellRuleResponse>("/admin/upsell-rules", { method: "POST", body })
    .then((r) => r.upsell_rule)

export const updateUpsellRule = ({ id, body }: { id: string; body: Partial<UpsellRulePayload> }) =>
  sdk.client
    .fetch<UpsellRuleResponse>(`/admin/upsell-rules/${id}`, { method: "POST", body })
    .then((r) => r.upsell_rule)

export const deleteUpsellRule = (id: string) =>
  sdk.client.fetch<DeleteResponse<"upsell_rule">>(`/admin/upsell-rules/${id}`, { method: "DELETE" })

export const listExperiments = (query: { limit: number; offset: number; status?: ExperimentStatus }) =>
  sdk.client.fetch<ExperimentList>("/admin/experiments", { query })

export const createExperiment = (body: ExperimentPayload) =>
  sdk.client
    .fetch<ExperimentResponse>("/admin/experiments", { method: "POST", body })
    .then((r) => r.experiment)

export const updateExperiment = ({ id, body }: { id: string; body: Partial<ExperimentPayload> }) =>
  sdk.client
    .fetch<ExperimentResponse>(`/admin/experiments/${id}`, { method: "POST", body })
    .then((r) => r.experiment)

export const deleteExperiment = (id: string) =>
  sdk.client.fetch<DeleteResponse<"experiment">>(`/admin/experiments/${id}`, { method: "DELETE" })

export const startExperiment = (id: string) =>
  sdk.client
    .fetch<ExperimentResponse>(`/admin/experiments/${id}/start`, { method: "POST" })
    .then((r) => r.experiment)

export const stopExperiment = (id: string) =>
  sdk.client
    .fetch<ExperimentResponse>(`/admin/experiments/${id}/stop`, { method: "POST" })
    .then((r) => r.experiment)

export const getExperimentAssignment = (id: string, visitorId: string) =>
  sdk.client.fetch<ExperimentAssignment>(`/admin/experiments/${id}/assignment`, { query: { visitor_id: visitorId } })

export const getTierFlags = () => sdk.client.fetch<TierFlagsState>("/admin/tier-flags")

export const setTierFlags = (body: Partial<TierFlags>) =>
  sdk.client.fetch<TierFlagsState>("/admin/tier-flags", { method: "POST", body })

/** Back to the plugin options' value: one flag, or every flag without a key. */
export const resetTierFlags = (key?: TierFlagKey) =>
  sdk.client.fetch<TierFlagsState>("/admin/tier-flags", { method: "DELETE", query: key ? { key } : {} })

const report = <T>(name: AnalyticsReport, query: object) => sdk.client.fetch<T>(`/admin/tier-analytics/${name}`, { query })

export const getFunnelReport = (query: ReportQuery) => report<FunnelReport>("funnel", query)

export const getRevenueReport = (query: ReportQuery & { interval: ReportInterval }) => report<RevenueReport>("revenue", query)

export const getTierReport = (query: ReportQuery) => report<TierReport>("tiers", query)

export const getUpsellReport = (query: ReportQuery) => report<UpsellReport>("upsell", query)

/** Experiments are judged over their whole run: only the tenant filters them. */
export const getExperimentReport = (query: Pick<ReportQuery, "sales_channel_id">) => report<ExperimentReport>("experiments", query)

/** The report as the API's CSV file, with the name the API gives it. */
export async function getReportCsv(name: AnalyticsReport, query: object): Promise<{ filename: string; blob: Blob }> {
  const response = await sdk.client.fetch<Response>(`/admin/tier-analytics/${name}`, {
    query: { ...query, format: "csv" },
    headers: { accept: "text/csv" },
  })
  return { filename: csvFileName(response.headers.get("content-disposition"), `${name}.csv`), blob: await response.blob() }
}

export const getOrderTierSummary = (orderId: string) =>
  sdk.client
    .fetch<OrderTierSummaryResponse>(`/admin/orders/${orderId}/tier-summary`)
    .then((r) => r.tier_summary)

export const previewReschedule = ({ orderId, body }: { orderId: string; body: RescheduleBody }) =>
  sdk.client
    .fetch<ReschedulePreviewResponse>(`/admin/orders/${orderId}/reschedule/preview`, { method: "POST", body })
    .then((r) => r.preview)

/** Moves a booked package of the order to another date; the price difference is answered, not charged. */
export const rescheduleBooking = ({ orderId, body }: { orderId: string; body: RescheduleBody }) =>
  sdk.client.fetch<RescheduleResponse>(`/admin/orders/${orderId}/reschedule`, { method: "POST", body })

export const listTierRepairs = (query: TierRepairQuery) => sdk.client.fetch<TierRepairList>("/admin/tier-repairs", { query })

export const resolveTierRepair = (id: string) =>
  sdk.client
    .fetch<TierRepairResponse>(`/admin/tier-repairs/${id}/resolve`, { method: "POST" })
    .then((r) => r.repair)

/** Runs the reconciler now, over every tenant. */
export const runReconciler = () =>
  sdk.client
    .fetch<ReconcileRunResponse>("/admin/tier-repairs/run", { method: "POST", body: {} })
    .then((r) => r.run)

export const getCommissionRates = (salesChannelId: string) =>
  sdk.client.fetch<CommissionRates>(`/admin/commission-rates/${salesChannelId}`)

export const setCommissionRates = ({ salesChannelId, rates }: { salesChannelId: string; rates: CommissionRateChange[] }) =>
  sdk.client.fetch<CommissionRates>(`/admin/commission-rates/${salesChannelId}`, { method: "POST", body: { rates } })

export const getDepositPolicies = (salesChannelId: string) => sdk.client.fetch<DepositPolicies>(`/admin/deposit-policies/${salesChannelId}`)

export const setDepositPolicy = ({ salesChannelId, policy }: { salesChannelId: string; policy: DepositPolicyPayload }) =>
  sdk.client.fetch<DepositPolicies>(`/admin/deposit-policies/${salesChannelId}`, { method: "POST", body: policy })

/** Removes the tenant's default (no segment) or a segment's override. */
export const removeDepositPolicy = ({ salesChannelId, segmentId }: { salesChannelId: string; segmentId: string | null }) =>
  sdk.client.fetch<DepositPolicies>(segmentId ? `/admin/deposit-policies/${salesChannelId}/segments/${segmentId}` : `/admin/deposit-policies/${salesChannelId}`, {
    method: "DELETE",
  })

export const getConnectAccount = (salesChannelId: string) =>
  sdk.client.fetch<ConnectAccountState>(`/admin/stripe-connect/accounts/${salesChannelId}`)

/** The Express account (created once) and a fresh onboarding link; Stripe brings the merchant back to this page. */
export const startConnectOnboarding = (salesChannelId: string) =>
  sdk.client.fetch<ConnectOnboarding>(`/admin/stripe-connect/accounts/${salesChannelId}`, { method: "POST", body: {} })

export const refreshConnectAccount = (salesChannelId: string) =>
  sdk.client
    .fetch<ConnectedAccountResponse>(`/admin/stripe-connect/accounts/${salesChannelId}/refresh`, { method: "POST" })
    .then((r) => r.account)

export const getRollouts = () => sdk.client.fetch<RolloutOverview>("/admin/tier-rollout")

export const listRolloutChanges = (feature: RolloutFeature, query: { limit: number; offset: number }) =>
  sdk.client.fetch<RolloutChangeList>(`/admin/tier-rollout/${feature}/changes`, { query })

/** What the merchant asked of a rollout: a step on the ladder, a pause or resume, or a stage of their own. */
export type RolloutChangeRequest =
  | { feature: RolloutFeature; action: "advance" | "pause" | "resume"; reason: string }
  | { feature: RolloutFeature; action: "set"; percent: number; reason: string }

export const changeRollout = (change: RolloutChangeRequest) =>
  sdk.client.fetch<RolloutChangeResponse>(`/admin/tier-rollout/${change.feature}/${change.action === "set" ? "stage" : change.action}`, {
    method: "POST",
    body: change.action === "set" ? { percent: change.percent, reason: change.reason } : { reason: change.reason },
  })

export const listAdminUsers = () => sdk.admin.user.list({ limit: 200, fields: "id,email,first_name,last_name" })

export const getOrderSchedule = (orderId: string) =>
  sdk.client.fetch<AdminOrderScheduleResponse>(`/admin/orders/${orderId}/payment-plan`).then((r) => r.schedule)

export const recordOfflinePayment = ({ orderId, body }: { orderId: string; body: AdminRecordOfflinePaymentRequest }) =>
  sdk.client.fetch<AdminOfflinePaymentResponse>(`/admin/orders/${orderId}/offline-payments`, { method: "POST", body })

export const sendPaymentLink = (orderId: string) =>
  sdk.client.fetch<AdminPaymentLinkResponse>(`/admin/orders/${orderId}/payment-link`, { method: "POST" }).then((r) => r.payment_link)

export type BalancesQuery = { sales_channel_id?: string; status?: "due" | "overdue"; limit: number; offset: number }

export const listBalances = (query: BalancesQuery) => sdk.client.fetch<AdminBalancesResponse>("/admin/balances", { query })

/** Every balance the filters match, as the API's CSV file. */
export async function getBalancesCsv(query: Omit<BalancesQuery, "limit" | "offset">): Promise<{ filename: string; blob: Blob }> {
  const response = await sdk.client.fetch<Response>("/admin/balances", { query: { ...query, format: "csv" }, headers: { accept: "text/csv" } })
  return { filename: csvFileName(response.headers.get("content-disposition"), "balances.csv"), blob: await response.blob() }
}
