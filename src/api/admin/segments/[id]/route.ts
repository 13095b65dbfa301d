import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fetchAdminSegment } from "../../../utils/admin-queries"
import { segmentFieldsFromBody } from "../../../utils/serialize"
import { deleteSegmentsWorkflow } from "../../../../workflows/delete-segments"
import { updateSegmentsWorkflow } from "../../../../workflows/update-segments"
import { AdminGetSegmentType, AdminUpdateSegmentType } from "../validators"
import type { DeleteResponse, SegmentResponse } from "../../../../contract/admin"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSegmentType>,
  res: MedusaResponse<SegmentResponse>
) => {
  const segment = await fetchAdminSegment(req.scope, req.params.id, req.validatedQuery.include_archived)
  res.json({ segment })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateSegmentType>,
  res: MedusaResponse<SegmentResponse>
) => {
  await fetchAdminSegment(req.scope, req.params.id)
  await updateSegmentsWorkflow(req.scope).run({
    input: { segments: [{ id: req.params.id, ...segmentFieldsFromBody(req.validatedBody) }] },
  })
  res.json({ segment: await fetchAdminSegment(req.scope, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<DeleteResponse<"segment">>) => {
  await fetchAdminSegment(req.scope, req.params.id)
  await deleteSegmentsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "segment", deleted: true })
}
