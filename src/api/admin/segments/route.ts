import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { fetchAdminSegment } from "../../utils/admin-queries"
import { graphRows, SegmentRow } from "../../../queries/rows"
import { segmentFieldsFromBody, toAdminSegment } from "../../utils/serialize"
import { listOrder } from "../../utils/validators"
import { createSegmentsWorkflow } from "../../../workflows/create-segments"
import { AdminCreateSegmentType, AdminListSegmentsType } from "./validators"
import type { SegmentList, SegmentResponse } from "../../../contract/admin"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListSegmentsType>,
  res: MedusaResponse<SegmentList>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, is_active, include_archived, limit, offset } = req.validatedQuery
  const { pagination, fields } = req.queryConfig
  const filters: Record<string, unknown> = {}
  if (q) filters.q = q
  if (is_active !== undefined) filters.is_active = is_active
  const { data, metadata } = await query.graph({
    entity: "segment",
    fields,
    filters,
    pagination: { ...pagination, order: listOrder(pagination, { rank: "ASC", name: "ASC" }) },
  })
  res.json({
    segments: graphRows<SegmentRow>(data).map((s) => toAdminSegment(s, include_archived)),
    count: metadata?.count ?? data.length,
    offset,
    limit,
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateSegmentType>,
  res: MedusaResponse<SegmentResponse>
) => {
  const { result } = await createSegmentsWorkflow(req.scope).run({
    input: { segments: [segmentFieldsFromBody(req.validatedBody)] },
  })
  res.status(201).json({ segment: await fetchAdminSegment(req.scope, result[0].id) })
}
