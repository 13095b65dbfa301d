import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { fetchAdminSegment } from "../../utils/admin-queries"
import { SegmentRow } from "../../../queries/rows"
import { ADMIN_SEGMENT_FIELDS, segmentFieldsFromBody, toAdminSegment } from "../../utils/serialize"
import { createSegmentsWorkflow } from "../../../workflows/create-segments"
import { AdminCreateSegmentType, AdminListSegmentsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListSegmentsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, is_active, include_archived, limit, offset } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (q) filters.q = q
  if (is_active !== undefined) filters.is_active = is_active
  const { data, metadata } = await query.graph({
    entity: "segment",
    fields: ADMIN_SEGMENT_FIELDS,
    filters,
    pagination: { skip: offset, take: limit, order: { rank: "ASC", name: "ASC" } },
  })
  res.json({
    segments: (data as unknown as SegmentRow[]).map((s) => toAdminSegment(s, include_archived)),
    count: metadata?.count ?? data.length,
    offset,
    limit,
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateSegmentType>,
  res: MedusaResponse
) => {
  const { result } = await createSegmentsWorkflow(req.scope).run({
    input: { segments: [segmentFieldsFromBody(req.validatedBody)] },
  })
  res.status(201).json({ segment: await fetchAdminSegment(req.scope, result[0].id) })
}
