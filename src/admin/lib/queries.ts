import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef } from "react"
import {
  getAvailability,
  getAvailabilityCalendar,
  getCalendarFeed,
  getNoticeSettings,
  getDateBookings,
  getDateOptions,
  getCommissionRates,
  getDepositPolicies,
  getConnectAccount,
  getExperimentAssignment,
  getExperimentReport,
  getFunnelReport,
  getRevenueReport,
  getTierReport,
  getUpsellReport,
  getTierFlags,
  getRollouts,
  listAdminUsers,
  listRolloutChanges,
  getOrderTierSummary,
  getPricePreview,
  listExperiments,
  listPricingRules,
  listProductTiers,
  listRegions,
  listSalesChannels,
  listSegments,
  listTierRepairs,
  listUpsellRules,
  previewReschedule,
  getOrderSchedule,
  listBalances,
  type BalancesQuery,
} from "./api"
import { changedFields, errorMessage } from "./form-values"
import type { RolloutFeature, ExperimentStatus, RescheduleBody, ReportInterval, ReportQuery, Segment, TierRepairQuery } from "../../contract/admin"
import type { SegmentNames } from "./upsell-rules"

const ROOT = "tiered-storefront"

export const queryKeys = {
  root: [ROOT] as const,
  segments: (limit: number, offset: number) => [ROOT, "segments", { limit, offset }] as const,
  productTiers: (productId: string) => [ROOT, "tiers", { product_id: productId }] as const,
  salesChannels: [ROOT, "sales-channels"] as const,
  tierFlags: [ROOT, "tier-flags"] as const,
  rollouts: [ROOT, "tier-rollout"] as const,
  rolloutChanges: (feature: string, offset: number) => [ROOT, "tier-rollout", feature, "changes", offset] as const,
  adminUsers: [ROOT, "users"] as const,
  upsellRules: (query: object) => [ROOT, "upsell-rules", query] as const,
  experiments: (query: object) => [ROOT, "experiments", query] as const,
  assignment: (experimentId: string, visitorId: string) => [ROOT, "experiments", experimentId, "assignment", visitorId] as const,
  analytics: (report: string, query: object) => [ROOT, "tier-analytics", report, query] as const,
  orderTierSummary: (orderId: string) => [ROOT, "orders", orderId, "tier-summary"] as const,
  reschedulePreview: (orderId: string, body: object) => [ROOT, "orders", orderId, "reschedule-preview", body] as const,
  tierRepairs: (query: TierRepairQuery) => [ROOT, "tier-repairs", query] as const,
  commissionRates: (salesChannelId: string) => [ROOT, "commission-rates", salesChannelId] as const,
  depositPolicies: (salesChannelId: string) => [ROOT, "deposit-policies", salesChannelId] as const,
  connectAccount: (salesChannelId: string) => [ROOT, "stripe-connect", salesChannelId] as const,
  pricingRules: [ROOT, "pricing-rules"] as const,
  regions: [ROOT, "regions"] as const,
  pricePreview: (tierId: string, query: object) => [ROOT, "price-preview", tierId, query] as const,
  availability: (channelId: string) => [ROOT, "availability", channelId] as const,
  availabilityCalendar: (channelId: string, from: string, to: string) => [ROOT, "availability", channelId, "calendar", { from, to }] as const,
  dateBookings: (channelId: string, date: string) => [ROOT, "availability", channelId, "bookings", date] as const,
  dateOptions: (channelId: string, date: string) => [ROOT, "availability", channelId, "options", date] as const,
  calendarFeed: (channelId: string) => [ROOT, "availability", channelId, "feed"] as const,
  noticeSettings: (channelId: string) => [ROOT, "notification-settings", channelId] as const,
  orderSchedule: (orderId: string) => [ROOT, "orders", orderId, "payment-plan"] as const,
  balances: (query: object) => [ROOT, "balances", query] as const,
}

// The API's page size ceiling: enough for every segment in a picker.
export const ALL_SEGMENTS = { limit: 200, offset: 0 }

export function useSegments(limit: number, offset: number, { enabled = true } = {}) {
  return useQuery({
    queryKey: queryKeys.segments(limit, offset),
    queryFn: () => listSegments({ limit, offset }),
    enabled,
  })
}

/** Every segment, and a segment handle read as its name where the segment exists. */
export function useSegmentNames(): { segments: Segment[]; name: SegmentNames } {
  const { data } = useSegments(ALL_SEGMENTS.limit, ALL_SEGMENTS.offset)
  const segments = data?.segments ?? []
  const name = (handle: string) => segments.find((s) => s.handle === handle)?.name ?? handle
  return { segments, name }
}

export function useProductTiers(productId: string) {
  return useQuery({
    queryKey: queryKeys.productTiers(productId),
    queryFn: () => listProductTiers(productId),
  })
}

export function useSalesChannels() {
  return useQuery({ queryKey: queryKeys.salesChannels, queryFn: listSalesChannels })
}

/** The sales channels, and a channel id read as its name where the channel exists. */
export function useChannelNames() {
  const channels = useSalesChannels()
  useErrorToast("Sales channels could not be loaded", channels.error)
  const list = channels.data ?? []
  const name = (id: string) => list.find((c) => c.id === id)?.name ?? id
  return { list, name }
}

export function usePricingRules() {
  return useQuery({ queryKey: queryKeys.pricingRules, queryFn: listPricingRules })
}

export function useRegions() {
  return useQuery({ queryKey: queryKeys.regions, queryFn: listRegions })
}

export function usePricePreview(tierId: string, query: { region_id: string; from: string; to: string }, enabled: boolean) {
  return useQuery({ queryKey: queryKeys.pricePreview(tierId, query), queryFn: () => getPricePreview(tierId, query), enabled, retry: false })
}

export function useAvailability(channelId: string) {
  return useQuery({ queryKey: queryKeys.availability(channelId), queryFn: () => getAvailability(channelId) })
}

export function useDateBookings(channelId: string, date: string) {
  return useQuery({ queryKey: queryKeys.dateBookings(channelId, date), queryFn: () => getDateBookings(channelId, date) })
}

/** Read afresh each time the drawer opens: options lapse, move up and get booked (a draft order converted elsewhere) on their own. */
export function useDateOptions(channelId: string, date: string) {
  return useQuery({ queryKey: queryKeys.dateOptions(channelId, date), queryFn: () => getDateOptions(channelId, date), refetchOnMount: "always" })
}

export function useAvailabilityCalendar(channelId: string, from: string, to: string) {
  return useQuery({
    queryKey: queryKeys.availabilityCalendar(channelId, from, to),
    queryFn: () => getAvailabilityCalendar(channelId, from, to),
  })
}

/** The tenant's calendar feed URL (the first read makes its secret). */
export function useCalendarFeed(channelId: string) {
  return useQuery({ queryKey: queryKeys.calendarFeed(channelId), queryFn: () => getCalendarFeed(channelId) })
}

/** The tenant's notification switches. */
export function useNoticeSettings(channelId: string) {
  return useQuery({ queryKey: queryKeys.noticeSettings(channelId), queryFn: () => getNoticeSettings(channelId) })
}

export function useUpsellRules(query: { limit: number; offset: number; is_active?: boolean }) {
  return useQuery({
    queryKey: queryKeys.upsellRules(query),
    queryFn: () => listUpsellRules(query),
    placeholderData: (previous) => previous,
  })
}

export function useExperiments(query: { limit: number; offset: number; status?: ExperimentStatus }) {
  return useQuery({
    queryKey: queryKeys.experiments(query),
    queryFn: () => listExperiments(query),
    placeholderData: (previous) => previous,
  })
}

/** Refetched after every write, so a traffic change shows at once in the answer. */
export function useExperimentAssignment(experimentId: string, visitorId: string) {
  return useQuery({
    queryKey: queryKeys.assignment(experimentId, visitorId),
    queryFn: () => getExperimentAssignment(experimentId, visitorId),
    enabled: !!experimentId && !!visitorId,
    retry: false,
  })
}

export function useTierFlags() {
  return useQuery({ queryKey: queryKeys.tierFlags, queryFn: getTierFlags })
}

/** Each feature's rollout and its guardrails now; read again every minute while the page is open. */
export function useRollouts() {
  return useQuery({ queryKey: queryKeys.rollouts, queryFn: getRollouts, refetchInterval: 60_000 })
}

export function useRolloutChanges(feature: RolloutFeature, offset: number, limit: number) {
  return useQuery({ queryKey: queryKeys.rolloutChanges(feature, offset), queryFn: () => listRolloutChanges(feature, { limit, offset }) })
}

/** An admin user's name (or email) by id, for who made a change. */
export function useUserNames() {
  const users = useQuery({ queryKey: queryKeys.adminUsers, queryFn: listAdminUsers })
  return (id: string) => {
    const user = users.data?.users.find((u) => u.id === id)
    if (!user) return id
    const name = [user.first_name, user.last_name].filter(Boolean).join(" ")
    return name || user.email
  }
}

export function useOrderTierSummary(orderId: string) {
  return useQuery({ queryKey: queryKeys.orderTierSummary(orderId), queryFn: () => getOrderTierSummary(orderId), retry: false })
}

/** Whether a booked line can move to the date and at what difference; asked once the date is a full date. */
export function useReschedulePreview(orderId: string, body: RescheduleBody) {
  return useQuery({
    queryKey: queryKeys.reschedulePreview(orderId, body),
    queryFn: () => previewReschedule({ orderId, body }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(body.event_date),
    retry: false,
  })
}

/** Keeps the shown list while a longer one loads ("Show more"). */
export function useTierRepairs(query: TierRepairQuery) {
  return useQuery({ queryKey: queryKeys.tierRepairs(query), queryFn: () => listTierRepairs(query), placeholderData: (previous) => previous })
}

export function useCommissionRates(salesChannelId: string) {
  return useQuery({ queryKey: queryKeys.commissionRates(salesChannelId), queryFn: () => getCommissionRates(salesChannelId), enabled: !!salesChannelId })
}

export function useDepositPolicies(salesChannelId: string) {
  return useQuery({ queryKey: queryKeys.depositPolicies(salesChannelId), queryFn: () => getDepositPolicies(salesChannelId), enabled: !!salesChannelId })
}

export function useConnectAccount(salesChannelId: string) {
  return useQuery({ queryKey: queryKeys.connectAccount(salesChannelId), queryFn: () => getConnectAccount(salesChannelId), enabled: !!salesChannelId })
}

// Reports keep the previous answer on screen while a new range loads, and show a refusal at once.
const reportOptions = { placeholderData: <T>(previous: T) => previous, retry: false } as const

export function useFunnelReport(query: ReportQuery, enabled: boolean) {
  return useQuery({ queryKey: queryKeys.analytics("funnel", query), queryFn: () => getFunnelReport(query), enabled, ...reportOptions })
}

export function useRevenueReport(query: ReportQuery & { interval: ReportInterval }, enabled: boolean) {
  return useQuery({ queryKey: queryKeys.analytics("revenue", query), queryFn: () => getRevenueReport(query), enabled, ...reportOptions })
}

export function useTierReport(query: ReportQuery, enabled: boolean) {
  return useQuery({ queryKey: queryKeys.analytics("tiers", query), queryFn: () => getTierReport(query), enabled, ...reportOptions })
}

export function useUpsellReport(query: ReportQuery, enabled: boolean) {
  return useQuery({ queryKey: queryKeys.analytics("upsell", query), queryFn: () => getUpsellReport(query), enabled, ...reportOptions })
}

export function useExperimentReport(query: Pick<ReportQuery, "sales_channel_id">) {
  return useQuery({ queryKey: queryKeys.analytics("experiments", query), queryFn: () => getExperimentReport(query), ...reportOptions })
}

/**
 * A write to the admin API: toasts the API's own message when it refuses, and refreshes every
 * view of the plugin's data when it succeeds (a tier edit can change the matrix and the widget).
 */
export function useAdminMutation<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
  successMessage: string | ((result: TResult) => string)
) {
  const queryClient = useQueryClient()
  // A retry clears the refusal it answers, so the merchant never reads a stale error.
  const lastError = useRef<string | number>()
  return useMutation({
    mutationFn,
    onMutate: () => {
      if (lastError.current !== undefined) toast.dismiss(lastError.current)
    },
    onSuccess: async (result) => {
      toast.success(typeof successMessage === "function" ? successMessage(result) : successMessage)
      await queryClient.invalidateQueries({ queryKey: queryKeys.root })
    },
    onError: (error) => {
      lastError.current = toast.error("The change was not saved", { description: errorMessage(error) })
    },
  })
}

/** An edit that changes nothing closes without a request. */
export function sendIfChanged<T extends object>(before: T, after: T, close: () => void, send: () => void) {
  if (Object.keys(changedFields(before, after)).length === 0) {
    toast.info("Nothing to save")
    close()
    return
  }
  send()
}

/** Toasts a failed read once per distinct message, as the mutations do. */
export function useErrorToast(title: string, error: unknown) {
  const message = error ? errorMessage(error) : null
  useEffect(() => {
    if (message) toast.error(title, { description: message })
  }, [title, message])
}

export function useOrderSchedule(orderId: string) {
  return useQuery({ queryKey: queryKeys.orderSchedule(orderId), queryFn: () => getOrderSchedule(orderId), retry: false })
}

export function useBalances(query: BalancesQuery) {
  return useQuery({ queryKey: queryKeys.balances(query), queryFn: () => listBalances(query), placeholderData: (previous) => previous })
}
