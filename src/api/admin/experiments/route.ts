import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { UPSELL_MODULE, UpsellModuleService } from "../../../modules/upsell"
import { createExperimentWorkflow } from "../../../workflows/experiments"
import { AdminCreateExperimentType, AdminListExperimentsType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListExperimentsType>, res: MedusaResponse) => {
  const service: UpsellModuleService = req.scope.resolve(UPSELL_MODULE)
  const { status, limit, offset } = req.validatedQuery
  const [experiments, count] = await service.listAndCountExperiments(status ? { status } : {}, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC" },
  })
  res.json({ experiments, count, offset, limit })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateExperimentType>, res: MedusaResponse) => {
  const { result } = await createExperimentWorkflow(req.scope).run({ input: { experiment: req.validatedBody } })
  const service: UpsellModuleService = req.scope.resolve(UPSELL_MODULE)
  res.status(201).json({ experiment: await service.retrieveExperiment(result[0].id) })
}
