import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { UPSELL_MODULE, UpsellModuleService } from "../../../modules/upsell"
import { createUpsellRulesWorkflow } from "../../../workflows/upsell-rules"
import { listOrder } from "../../utils/validators"
import { AdminCreateUpsellRuleType, AdminListUpsellRulesType } from "./validators"
import { asJson } from "../../utils/as-json"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListUpsellRulesType>, res: MedusaResponse) => {
  const service: UpsellModuleService = req.scope.resolve(UPSELL_MODULE)
  const { is_active, limit, offset } = req.validatedQuery
  const [upsell_rules, count] = await service.listAndCountUpsellRules(is_active === undefined ? {} : { is_active }, {
    ...req.queryConfig.pagination,
    order: listOrder(req.queryConfig.pagination, { priority: "DESC", created_at: "ASC" }),
  })
  res.json({ upsell_rules: asJson(upsell_rules), count, offset, limit })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateUpsellRuleType>, res: MedusaResponse) => {
  const { result } = await createUpsellRulesWorkflow(req.scope).run({ input: { rules: [req.validatedBody] } })
  const service: UpsellModuleService = req.scope.resolve(UPSELL_MODULE)
  res.status(201).json({ upsell_rule: asJson(await service.retrieveUpsellRule(result[0].id)) })
}
