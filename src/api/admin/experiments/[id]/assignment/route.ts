import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assignVariant } from "../../../../../lib/bucketing"
import { AdminExperimentAssignmentType } from "../../validators"
import { retrieveExperiment } from "../route"
import type { ExperimentAssignment } from "../../../../../contract/admin"

/** Which variant a visitor gets (for QA): the same answer the storefront's offers will use. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExperimentAssignmentType>, res: MedusaResponse<ExperimentAssignment>) => {
  const experiment = await retrieveExperiment(req)
  const { visitor_id } = req.validatedQuery
  res.json({
    experiment_key: experiment.key,
    visitor_id,
    variant: assignVariant(experiment.key, visitor_id, experiment.traffic_percent, experiment.variants),
  })
}
