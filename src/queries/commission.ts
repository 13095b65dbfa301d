import { MedusaContainer } from "@medusajs/framework/types"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import type { CommissionRate } from "../contract/admin"

/** A segment's rate for one tenant, as the admin API answers it. */
export type CommissionRateRow = CommissionRate

/**
 * Each segment's commission percent for a tenant: its own override, else the segment's rate.
 * Deleted segments count too (their orders still earn at their rate) unless `liveOnly`, as the
 * merchant sets rates for live segments only.
 */
export async function tenantCommissionRates(
  scope: MedusaContainer,
  salesChannelId: string,
  { liveOnly = false }: { liveOnly?: boolean } = {}
): Promise<CommissionRateRow[]> {
  const segments: SegmentsModuleService = scope.resolve(SEGMENTS_MODULE)
  const [rows, overrides] = await Promise.all([
    segments.listSegments({}, { select: ["id", "handle", "name", "rank", "commission_percent"], withDeleted: !liveOnly, order: { rank: "ASC" } }),
    segments.listCommissionRates({ sales_channel_id: salesChannelId }),
  ])
  return rows.map((s) => {
    const override = overrides.find((o) => o.segment_id === s.id)
    const segment_percent = Number(s.commission_percent)
    return {
      segment_id: s.id,
      segment_handle: s.handle,
      segment_name: s.name,
      segment_percent,
      override_percent: override ? Number(override.percent) : null,
      effective_percent: override ? Number(override.percent) : segment_percent,
    }
  })
}

/** The rate lookup the commission rule takes (an unknown segment earns nothing). */
export async function commissionPercentOf(scope: MedusaContainer, salesChannelId: string): Promise<(segmentId: string) => number> {
  const rates = new Map((await tenantCommissionRates(scope, salesChannelId)).map((r) => [r.segment_id, r.effective_percent]))
  return (segmentId) => rates.get(segmentId) ?? 0
}
