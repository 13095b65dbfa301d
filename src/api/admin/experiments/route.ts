import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { UPSELL_MODULE, UpsellModuleService } from "../../../modules/upsell"
import { createExperimentWorkflow } from "../../../workflows/experiments"
import { AdminCreateExperimentType, AdminListExperimentsType } from "./validators"
import { listOrder } from "../../utils/validators"
import type { ExperimentList, ExperimentResponse } from "../../../contract/admin"
import { asJson } from "../../utils/as-json"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListExperimentsType>, res: MedusaResponse<ExperimentList>) => {
  const service: UpsellModuleService = req.scope.resolve(UPSELL_MODULE)
  const { status, limit, offset } = req.validatedQuery
  const { pagination } = req.queryConfig
  const [experiments, count] = await service.listAndCountExperiments(status ? { status } : {}, {
    ...pagination,
    order: listOrder(pagination, { created_at: "DESC" }),
  })
  res.json({ experiments: asJson(experiments), count, offset, limit })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateExperimentType>, res: MedusaResponse<ExperimentResponse>) => {
  const { result } = await createExperimentWorkflow(req.scope).run({ input: { experiment: req.validatedBody } })
  const service: UpsellModuleService = req.scope.resolve(UPSELL_MODULE)
  res.status(201).json({ experiment: asJson(await service.retrieveExperiment(result[0].id)) })
}
