import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createEntitiesStep, deleteEntitiesStep } from "@medusajs/medusa/core-flows"
import { UPSELL_MODULE } from "../modules/upsell"
import { UpsellRuleUpdate, updateUpsellRulesStep } from "./steps/update-upsell-rules"

export const createUpsellRulesWorkflow = createWorkflow(
  "create-upsell-rules",
  (input: { rules: Record<string, unknown>[] }) =>
    new WorkflowResponse(
      createEntitiesStep(
        transform({ input }, ({ input }) => ({
          moduleRegistrationName: UPSELL_MODULE,
          invokeMethod: "createUpsellRules",
          compensateMethod: "deleteUpsellRules",
          data: input.rules,
        }))
      )
    )
)

export const updateUpsellRulesWorkflow = createWorkflow(
  "update-upsell-rules",
  (input: { rules: UpsellRuleUpdate[] }) => new WorkflowResponse(updateUpsellRulesStep(input.rules))
)

export const deleteUpsellRulesWorkflow = createWorkflow("delete-upsell-rules", (input: { ids: string[] }) => {
  deleteEntitiesStep(
    transform({ input }, ({ input }) => ({
      moduleRegistrationName: UPSELL_MODULE,
      invokeMethod: "softDeleteUpsellRules",
      compensateMethod: "restoreUpsellRules",
      data: input.ids,
    }))
  )
  return new WorkflowResponse(input.ids)
})
