import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SegmentFields } from "../modules/segments/types"
import { createSegmentsStep } from "./steps/create-segments"
import { validateSegmentHandlesStep } from "./steps/validate-segment-handles"

export type CreateSegmentsWorkflowInput = { segments: SegmentFields[] }

export const createSegmentsWorkflow = createWorkflow(
  "create-segments",
  (input: CreateSegmentsWorkflowInput) => {
    const handles = transform(input, (i) => i.segments.map((s) => ({ handle: s.handle })))
    validateSegmentHandlesStep(handles)
    const segments = createSegmentsStep(input.segments)
    return new WorkflowResponse(segments)
  }
)
