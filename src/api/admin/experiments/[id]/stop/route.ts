import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateExperimentWorkflow } from "../../../../../workflows/experiments"
import { retrieveExperiment } from "../route"
import type { ExperimentResponse } from "../../../../../contract/admin"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<ExperimentResponse>) => {
  await retrieveExperiment(req)
  await updateExperimentWorkflow(req.scope).run({
    input: { experiment: { id: req.params.id, status: "stopped", stopped_at: new Date() } },
  })
  res.json({ experiment: await retrieveExperiment(req) })
}
