import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import type { DepositPolicies, DepositPolicy } from "../contract/admin"
import { DepositPolicyRow, tenantDepositPolicies } from "./payment-plan"

const asPolicy = (r: DepositPolicyRow): DepositPolicy => ({ ...r, currency_code: r.currency_code ?? null, segment_id: r.segment_id ?? null })

/** A tenant's deposit policies as the admin API answers them (404 for an unknown sales channel). */
export async function adminDepositPolicies(scope: MedusaContainer, salesChannelId: string): Promise<DepositPolicies> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: salesChannelId } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${salesChannelId} was not found`)
  }
  const rows = await tenantDepositPolicies(scope, salesChannelId)
  const overrides = rows.filter((r) => r.segment_id)
  const segments: SegmentsModuleService = scope.resolve(SEGMENTS_MODULE)
  const named = overrides.length
    ? await segments.listSegments({ id: overrides.map((r) => r.segment_id!) }, { select: ["id", "handle", "name", "rank"], withDeleted: true, order: { rank: "ASC" } })
    : []
  const tenantDefault = rows.find((r) => !r.segment_id)
  return {
    sales_channel_id: salesChannelId,
    default: tenantDefault ? asPolicy(tenantDefault) : null,
    segments: named.map((s) => ({ ...asPolicy(overrides.find((r) => r.segment_id === s.id)!), segment_handle: s.handle, segment_name: s.name })),
  }
}
