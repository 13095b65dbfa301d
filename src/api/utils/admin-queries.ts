import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { graphRows, SegmentRow, TierRow } from "../../queries/rows"
import { ADMIN_SEGMENT_FIELDS, ADMIN_TIER_FIELDS, toAdminSegment, toAdminTier } from "./serialize"

export async function fetchAdminSegment(scope: MedusaContainer, id: string, includeArchived = false) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "segment",
    fields: ADMIN_SEGMENT_FIELDS,
    filters: { id },
  })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment ${id} was not found`)
  }
  return toAdminSegment(graphRows<SegmentRow>(data)[0], includeArchived)
}

export async function fetchAdminTiers(scope: MedusaContainer, ids: string[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "tier",
    fields: ADMIN_TIER_FIELDS,
    filters: { id: ids },
  })
  const rows = graphRows<TierRow>(data)
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id)
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tier ${id} was not found`)
    }
    return toAdminTier(row)
  })
}

export async function fetchAdminTier(scope: MedusaContainer, id: string) {
  const [tier] = await fetchAdminTiers(scope, [id])
  return tier
}
