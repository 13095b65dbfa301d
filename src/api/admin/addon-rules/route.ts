import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../../modules/segments"
import { createAddonRulesWorkflow } from "../../../workflows/create-addon-rules"
import { AdminCreateAddonRuleType, AdminListAddonRulesType } from "./validators"

export const ADDON_RULE_SELECT = ["id", "product_id", "max_quantity", "tier_id", "segment_id", "created_at", "updated_at"]

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListAddonRulesType>,
  res: MedusaResponse
) => {
  const service: SegmentsModuleService = req.scope.resolve(SEGMENTS_MODULE)
  const { limit, offset, ...filters } = req.validatedQuery
  const [addon_rules, count] = await service.listAndCountAddonRules(filters, {
    select: ADDON_RULE_SELECT,
    skip: offset,
    take: limit,
    order: { created_at: "ASC" },
  })
  res.json({ addon_rules, count, offset, limit })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAddonRuleType>,
  res: MedusaResponse
) => {
  const { result } = await createAddonRulesWorkflow(req.scope).run({ input: { rules: [req.validatedBody] } })
  const service: SegmentsModuleService = req.scope.resolve(SEGMENTS_MODULE)
  res.status(201).json({ addon_rule: await service.retrieveAddonRule(result[0].id, { select: ADDON_RULE_SELECT }) })
}
