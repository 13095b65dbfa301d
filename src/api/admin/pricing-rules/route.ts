import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../../modules/segments"
import { createPricingRulesWorkflow } from "../../../workflows/create-pricing-rules"
import { AdminCreatePricingRuleType, AdminListPricingRulesType } from "./validators"
import { listOrder } from "../../utils/validators"
import type { PricingRuleList, PricingRuleResponse } from "../../../contract/admin"
import { asJson } from "../../utils/as-json"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListPricingRulesType>,
  res: MedusaResponse<PricingRuleList>
) => {
  const service: SegmentsModuleService = req.scope.resolve(SEGMENTS_MODULE)
  const { is_active, kind, limit, offset } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (is_active !== undefined) filters.is_active = is_active
  if (kind) filters.kind = kind
  const [pricing_rules, count] = await service.listAndCountPricingRules(filters, {
    ...req.queryConfig.pagination,
    order: listOrder(req.queryConfig.pagination, { priority: "ASC", created_at: "ASC" }),
  })
  res.json({ pricing_rules: asJson(pricing_rules), count, offset, limit })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreatePricingRuleType>,
  res: MedusaResponse<PricingRuleResponse>
) => {
  const { result } = await createPricingRulesWorkflow(req.scope).run({ input: { rules: [req.validatedBody] } })
  res.status(201).json({ pricing_rule: asJson(result[0]) })
}
