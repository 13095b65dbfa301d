import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { UPSELL_MODULE, UpsellModuleService } from "../../../../modules/upsell"
import { deleteUpsellRulesWorkflow, updateUpsellRulesWorkflow } from "../../../../workflows/upsell-rules"
import { AdminUpdateUpsellRuleType } from "../validators"
import { asJson } from "../../../utils/as-json"

const retrieve = async (req: AuthenticatedMedusaRequest) =>
  asJson(await (req.scope.resolve(UPSELL_MODULE) as UpsellModuleService).retrieveUpsellRule(req.params.id))

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ upsell_rule: await retrieve(req) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateUpsellRuleType>, res: MedusaResponse) => {
  const current = await retrieve(req)
  const starts = req.validatedBody.starts_at !== undefined ? req.validatedBody.starts_at : current.starts_at
  const ends = req.validatedBody.ends_at !== undefined ? req.validatedBody.ends_at : current.ends_at
  if (starts && ends && new Date(starts) >= new Date(ends)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "starts_at must be before ends_at")
  }
  await updateUpsellRulesWorkflow(req.scope).run({ input: { rules: [{ id: req.params.id, ...req.validatedBody }] } })
  res.json({ upsell_rule: await retrieve(req) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieve(req)
  await deleteUpsellRulesWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "upsell_rule", deleted: true })
}
