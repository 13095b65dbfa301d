import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createEntitiesStep } from "@medusajs/medusa/core-flows"
import { SEGMENTS_MODULE } from "../modules/segments"
import { AddonRuleCandidate, validateAddonRulesStep } from "./steps/validate-addon-rules"

export type CreateAddonRulesWorkflowInput = { rules: (AddonRuleCandidate & { max_quantity: number })[] }

export const createAddonRulesWorkflow = createWorkflow(
  "create-addon-rules",
  (input: CreateAddonRulesWorkflowInput) => {
    validateAddonRulesStep(input.rules)
    const created = createEntitiesStep(
      transform({ input }, ({ input }) => ({
        moduleRegistrationName: SEGMENTS_MODULE,
        invokeMethod: "createAddonRules",
        compensateMethod: "deleteAddonRules",
        data: input.rules.map(({ tier_id, segment_id, ...rule }) => ({
          ...rule,
          ...(tier_id ? { tier: tier_id } : {}),
          ...(segment_id ? { segment: segment_id } : {}),
        })),
      }))
    )
    return new WorkflowResponse(created)
  }
)
