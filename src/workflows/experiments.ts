import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createEntitiesStep, deleteEntitiesStep } from "@medusajs/medusa/core-flows"
import { UPSELL_MODULE } from "../modules/upsell"
import { validateExperimentChangeStep } from "./steps/validate-experiment-change"
import { updateExperimentsStep } from "./steps/update-experiments"

export const createExperimentWorkflow = createWorkflow(
  "create-experiment",
  (input: { experiment: Record<string, unknown> & { key: string } }) => {
    validateExperimentChangeStep(
      transform({ input }, ({ input }) => ({ key: input.experiment.key, rule_ids: input.experiment.rule_ids as string[] | undefined }))
    )
    return new WorkflowResponse(
      createEntitiesStep(
        transform({ input }, ({ input }) => ({
          moduleRegistrationName: UPSELL_MODULE,
          invokeMethod: "createExperiments",
          compensateMethod: "deleteExperiments",
          data: [input.experiment],
        }))
      )
    )
  }
)

export const updateExperimentWorkflow = createWorkflow(
  "update-experiment",
  (input: { experiment: Record<string, unknown> & { id: string } }) => {
    validateExperimentChangeStep(input.experiment)
    return new WorkflowResponse(updateExperimentsStep(transform({ input }, ({ input }) => [input.experiment])))
  }
)

export const deleteExperimentWorkflow = createWorkflow("delete-experiment", (input: { id: string }) => {
  deleteEntitiesStep(
    transform({ input }, ({ input }) => ({
      moduleRegistrationName: UPSELL_MODULE,
      invokeMethod: "softDeleteExperiments",
      compensateMethod: "restoreExperiments",
      data: [input.id],
    }))
  )
  return new WorkflowResponse(input.id)
})
