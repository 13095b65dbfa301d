import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../../../modules/segments"
import { deleteAddonRulesWorkflow } from "../../../../workflows/delete-addon-rules"
import { updateAddonRulesWorkflow } from "../../../../workflows/update-addon-rules"
import { ADDON_RULE_SELECT } from "../route"
import { AdminUpdateAddonRuleType } from "../validators"

const retrieve = (req: AuthenticatedMedusaRequest) =>
  (req.scope.resolve(SEGMENTS_MODULE) as SegmentsModuleService).retrieveAddonRule(req.params.id, {
    select: ADDON_RULE_SELECT,
  })

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ addon_rule: await retrieve(req) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAddonRuleType>, res: MedusaResponse) => {
  await retrieve(req)
  await updateAddonRulesWorkflow(req.scope).run({ input: { rules: [{ id: req.params.id, ...req.validatedBody }] } })
  res.json({ addon_rule: await retrieve(req) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieve(req)
  await deleteAddonRulesWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "addon_rule", deleted: true })
}
