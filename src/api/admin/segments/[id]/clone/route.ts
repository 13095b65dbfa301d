import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fetchAdminSegment } from "../../../../utils/admin-queries"
import { segmentFieldsFromBody } from "../../../../utils/serialize"
import { cloneSegmentWorkflow } from "../../../../../workflows/clone-segment"
import { AdminCloneSegmentType } from "../../validators"
import type { SegmentResponse } from "../../../../../contract/admin"

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCloneSegmentType>,
  res: MedusaResponse<SegmentResponse>
) => {
  await fetchAdminSegment(req.scope, req.params.id)
  const { result } = await cloneSegmentWorkflow(req.scope).run({
    input: { source_id: req.params.id, segment: segmentFieldsFromBody(req.validatedBody) },
  })
  res.status(201).json({ segment: await fetchAdminSegment(req.scope, result) })
}
