import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../../../modules/segments"
import { deletePricingRulesWorkflow } from "../../../../workflows/delete-pricing-rules"
import { updatePricingRulesWorkflow } from "../../../../workflows/update-pricing-rules"
import { AdminUpdatePricingRuleType } from "../validators"
import type { DeleteResponse, PricingRuleResponse } from "../../../../contract/admin"
import { asJson } from "../../../utils/as-json"

const retrieve = async (req: AuthenticatedMedusaRequest) =>
  asJson(await (req.scope.resolve(SEGMENTS_MODULE) as SegmentsModuleService).retrievePricingRule(req.params.id))

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<PricingRuleResponse>) => {
  res.json({ pricing_rule: await retrieve(req) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdatePricingRuleType>,
  res: MedusaResponse<PricingRuleResponse>
) => {
  await updatePricingRulesWorkflow(req.scope).run({
    input: { rules: [{ id: req.params.id, ...req.validatedBody }] },
  })
  res.json({ pricing_rule: await retrieve(req) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<DeleteResponse<"pricing_rule">>) => {
  await retrieve(req)
  await deletePricingRulesWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "pricing_rule", deleted: true })
}
