import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../../../modules/segments"
import { backfillSegmentsWorkflow } from "../../../../workflows/backfill-segments"
import { AdminBackfillType } from "../validators"
import type { BackfillResponse } from "../../../../contract/admin"

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminBackfillType>,
  res: MedusaResponse<BackfillResponse>
) => {
  const segments: SegmentsModuleService = req.scope.resolve(SEGMENTS_MODULE)
  const bands = req.validatedBody.bands ?? (await segments.getBackfillBands())
  const { result } = await backfillSegmentsWorkflow(req.scope).run({
    input: { ...req.validatedBody, bands },
  })
  res.json({
    dry_run: req.validatedBody.dry_run,
    currency_code: req.validatedBody.currency_code,
    bands,
    assignments: result.assignments,
    skipped: result.skipped,
  })
}
