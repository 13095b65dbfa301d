import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import TierProductLink from "../../../links/tier-product"
import { graphRows, TierRow } from "../../../queries/rows"
import { toAdminTier } from "../../utils/serialize"
import { listOrder } from "../../utils/validators"
import { AdminListTiersType } from "./validators"
import type { TierList } from "../../../contract/admin"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListTiersType>,
  res: MedusaResponse<TierList>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { segment_id, product_id, include_archived, limit, offset } = req.validatedQuery
  const { pagination, fields } = req.queryConfig
  const filters: Record<string, unknown> = {}
  if (segment_id) filters.segment_id = segment_id
  if (!include_archived) filters.archived_at = null
  if (product_id) {
    const { data: links } = await query.graph({
      entity: TierProductLink.entryPoint,
      fields: ["tier_id"],
      filters: { product_id },
    })
    filters.id = links.map((l) => l.tier_id as string)
  }
  const { data, metadata } = await query.graph({
    entity: "tier",
    fields,
    filters,
    pagination: { ...pagination, order: listOrder(pagination, { segment_id: "ASC", level: "ASC" }) },
  })
  res.json({
    tiers: graphRows<TierRow>(data).map(toAdminTier),
    count: metadata?.count ?? data.length,
    offset,
    limit,
  })
}
