import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../../../modules/segments"
import { deleteAddonRulesWorkflow } from "../../../../workflows/delete-addon-rules"
import { updateAddonRulesWorkflow } from "../../../../workflows/update-addon-rules"
import { ADDON_RULE_FIELDS } from "../../../utils/serialize"
import { AdminUpdateAddonRuleType } from "../validators"
import type { AddonRuleResponse, DeleteResponse } from "../../../../contract/admin"
import { asJson } from "../../../utils/as-json"

const retrieve = async (req: AuthenticatedMedusaRequest) =>
  asJson(
    await (req.scope.resolve(SEGMENTS_MODULE) as SegmentsModuleService).retrieveAddonRule(req.params.id, {
      select: ADDON_RULE_FIELDS,
    })
  )

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AddonRuleResponse>) => {
  res.json({ addon_rule: await retrieve(req) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAddonRuleType>, res: MedusaResponse<AddonRuleResponse>) => {
  await retrieve(req)
  await updateAddonRulesWorkflow(req.scope).run({ input: { rules: [{ id: req.params.id, ...req.validatedBody }] } })
  res.json({ addon_rule: await retrieve(req) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<DeleteResponse<"addon_rule">>) => {
  await retrieve(req)
  await deleteAddonRulesWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "addon_rule", deleted: true })
}
