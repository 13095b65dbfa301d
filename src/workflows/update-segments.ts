import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateSegmentsStep, UpdateSegmentsStepInput } from "./steps/update-segments"
import { validateSegmentHandlesStep } from "./steps/validate-segment-handles"

export type UpdateSegmentsWorkflowInput = { segments: UpdateSegmentsStepInput }

export const updateSegmentsWorkflow = createWorkflow(
  "update-segments",
  (input: UpdateSegmentsWorkflowInput) => {
    const handles = transform(input, (i) =>
      i.segments.flatMap((s) => (s.handle ? [{ handle: s.handle, id: s.id }] : []))
    )
    validateSegmentHandlesStep(handles)
    const segments = updateSegmentsStep(input.segments)
    return new WorkflowResponse(segments)
  }
)
