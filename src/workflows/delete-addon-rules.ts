import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteEntitiesStep } from "@medusajs/medusa/core-flows"
import { SEGMENTS_MODULE } from "../modules/segments"

export type DeleteAddonRulesWorkflowInput = { ids: string[] }

export const deleteAddonRulesWorkflow = createWorkflow(
  "delete-addon-rules",
  (input: DeleteAddonRulesWorkflowInput) => {
    deleteEntitiesStep(
      transform({ input }, ({ input }) => ({
        moduleRegistrationName: SEGMENTS_MODULE,
        invokeMethod: "softDeleteAddonRules",
        compensateMethod: "restoreAddonRules",
        data: input.ids,
      }))
    )
    return new WorkflowResponse(input.ids)
  }
)
