import { sdk } from "./sdk"
import type {
  CreateTierPayload,
  Experiment,
  ExperimentAssignment,
  ExperimentList,
  ExperimentPayload,
  ExperimentStatus,
  Segment,
  SegmentList,
  SegmentPayload,
  Tier,
  TierFlagKey,
  TierFlags,
  TierFlagsState,
  TierList,
  UpdateTierPayload,
  UpsellRule,
  UpsellRuleList,
  UpsellRulePayload,
} from "./types"

/** One function per admin route the screens call (README "Admin API"). */

export const listSegments = (query: { limit: number; offset: number }) =>
  sdk.client.fetch<SegmentList>("/admin/segments", { query })

export const createSegment = (body: SegmentPayload) =>
  sdk.client
    .fetch<{ segment: Segment }>("/admin/segments", { method: "POST", body })
    .then((r) => r.segment)

export const updateSegment = (id: string, body: Partial<SegmentPayload>) =>
  sdk.client
    .fetch<{ segment: Segment }>(`/admin/segments/${id}`, { method: "POST", body })
    .then((r) => r.segment)

export const cloneSegment = (id: string, body: SegmentPayload) =>
  sdk.client
    .fetch<{ segment: Segment }>(`/admin/segments/${id}/clone`, { method: "POST", body })
    .then((r) => r.segment)

export const deleteSegment = (id: string) =>
  sdk.client.fetch<{ id: string; deleted: boolean }>(`/admin/segments/${id}`, { method: "DELETE" })

export const createTier = (segmentId: string, body: CreateTierPayload) =>
  sdk.client
    .fetch<{ tier: Tier }>(`/admin/segments/${segmentId}/tiers`, { method: "POST", body })
    .then((r) => r.tier)

export const listProductTiers = (productId: string) =>
  sdk.client.fetch<TierList>("/admin/tiers", { query: { product_id: productId } }).then((r) => r.tiers)

export const updateTier = (id: string, body: UpdateTierPayload) =>
  sdk.client
    .fetch<{ tier: Tier }>(`/admin/tiers/${id}`, { method: "POST", body })
    .then((r) => r.tier)

export const archiveTiers = (ids: string[]) =>
  sdk.client
    .fetch<{ tiers: Tier[] }>("/admin/tiers/archive", { method: "POST", body: { ids } })
    .then((r) => r.tiers)

export const removeTierProduct = (id: string) =>
  sdk.client
    .fetch<{ tier: Tier }>(`/admin/tiers/${id}/product`, { method: "DELETE" })
    .then((r) => r.tier)

export const archiveTier = (id: string) =>
  sdk.client
    .fetch<{ tier: Tier }>(`/admin/tiers/${id}/archive`, { method: "POST" })
    .then((r) => r.tier)

export const listSalesChannels = () =>
  sdk.admin.salesChannel.list({ limit: 100, fields: "id,name" }).then((r) => r.sales_channels)

export const listUpsellRules = (query: { limit: number; offset: number; is_active?: boolean }) =>
  sdk.client.fetch<UpsellRuleList>("/admin/upsell-rules", { query })

export const createUpsellRule = (body: UpsellRulePayload) =>
  sdk.client
    .fetch<{ upsell_rule: UpsellRule }>("/admin/upsell-rules", { method: "POST", body })
    .then((r) => r.upsell_rule)

export const updateUpsellRule = ({ id, body }: { id: string; body: Partial<UpsellRulePayload> }) =>
  sdk.client
    .fetch<{ upsell_rule: UpsellRule }>(`/admin/upsell-rules/${id}`, { method: "POST", body })
    .then((r) => r.upsell_rule)

export const deleteUpsellRule = (id: string) =>
  sdk.client.fetch<{ id: string; deleted: boolean }>(`/admin/upsell-rules/${id}`, { method: "DELETE" })

export const listExperiments = (query: { limit: number; offset: number; status?: ExperimentStatus }) =>
  sdk.client.fetch<ExperimentList>("/admin/experiments", { query })

export const createExperiment = (body: ExperimentPayload) =>
  sdk.client
    .fetch<{ experiment: Experiment }>("/admin/experiments", { method: "POST", body })
    .then((r) => r.experiment)

export const updateExperiment = ({ id, body }: { id: string; body: Partial<ExperimentPayload> }) =>
  sdk.client
    .fetch<{ experiment: Experiment }>(`/admin/experiments/${id}`, { method: "POST", body })
    .then((r) => r.experiment)

export const deleteExperiment = (id: string) =>
  sdk.client.fetch<{ id: string; deleted: boolean }>(`/admin/experiments/${id}`, { method: "DELETE" })

export const startExperiment = (id: string) =>
  sdk.client
    .fetch<{ experiment: Experiment }>(`/admin/experiments/${id}/start`, { method: "POST" })
    .then((r) => r.experiment)

export const stopExperiment = (id: string) =>
  sdk.client
    .fetch<{ experiment: Experiment }>(`/admin/experiments/${id}/stop`, { method: "POST" })
    .then((r) => r.experiment)

export const getExperimentAssignment = (id: string, visitorId: string) =>
  sdk.client.fetch<ExperimentAssignment>(`/admin/experiments/${id}/assignment`, { query: { visitor_id: visitorId } })

export const getTierFlags = () => sdk.client.fetch<TierFlagsState>("/admin/tier-flags")

export const setTierFlags = (body: Partial<TierFlags>) =>
  sdk.client.fetch<TierFlagsState>("/admin/tier-flags", { method: "POST", body })

/** Back to the plugin options' value: one flag, or every flag without a key. */
export const resetTierFlags = (key?: TierFlagKey) =>
  sdk.client.fetch<TierFlagsState>("/admin/tier-flags", { method: "DELETE", query: key ? { key } : {} })
