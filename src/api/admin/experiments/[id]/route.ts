import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { UPSELL_MODULE, UpsellModuleService } from "../../../../modules/upsell"
import { deleteExperimentWorkflow, updateExperimentWorkflow } from "../../../../workflows/experiments"
import { AdminUpdateExperimentType } from "../validators"
import type { DeleteResponse, ExperimentResponse } from "../../../../contract/admin"
import { asJson } from "../../../utils/as-json"

export const retrieveExperiment = async (req: AuthenticatedMedusaRequest) =>
  asJson(await (req.scope.resolve(UPSELL_MODULE) as UpsellModuleService).retrieveExperiment(req.params.id))

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<ExperimentResponse>) => {
  res.json({ experiment: await retrieveExperiment(req) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateExperimentType>, res: MedusaResponse<ExperimentResponse>) => {
  await retrieveExperiment(req)
  await updateExperimentWorkflow(req.scope).run({ input: { experiment: { id: req.params.id, ...req.validatedBody } } })
  res.json({ experiment: await retrieveExperiment(req) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<DeleteResponse<"experiment">>) => {
  await retrieveExperiment(req)
  await deleteExperimentWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "experiment", deleted: true })
}
