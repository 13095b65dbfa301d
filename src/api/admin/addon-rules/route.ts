import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../../modules/segments"
import { createAddonRulesWorkflow } from "../../../workflows/create-addon-rules"
import { AdminCreateAddonRuleType, AdminListAddonRulesType } from "./validators"
import { ADDON_RULE_FIELDS } from "../../utils/serialize"
import { listOrder } from "../../utils/validators"
import type { AddonRuleList, AddonRuleResponse } from "../../../contract/admin"
import { asJson } from "../../utils/as-json"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListAddonRulesType>,
  res: MedusaResponse<AddonRuleList>
) => {
  const service: SegmentsModuleService = req.scope.resolve(SEGMENTS_MODULE)
  const { limit, offset, order: _order, ...filters } = req.validatedQuery
  const { pagination } = req.queryConfig
  const [addon_rules, count] = await service.listAndCountAddonRules(filters, {
    select: ADDON_RULE_FIELDS,
    ...pagination,
    order: listOrder(pagination, { created_at: "ASC" }),
  })
  res.json({ addon_rules: asJson(addon_rules), count, offset, limit })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAddonRuleType>,
  res: MedusaResponse<AddonRuleResponse>
) => {
  const { result } = await createAddonRulesWorkflow(req.scope).run({ input: { rules: [req.validatedBody] } })
  const service: SegmentsModuleService = req.scope.resolve(SEGMENTS_MODULE)
  res.status(201).json({ addon_rule: asJson(await service.retrieveAddonRule(result[0].id, { select: ADDON_RULE_FIELDS })) })
}
