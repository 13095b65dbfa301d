import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { requestVisitor } from "../../queries/visitor"

/** The visitor a store request speaks for: the id sent when the server signed it, else a fresh signed one. */
export const identifyVisitorStep = createStep("identify-visitor", async (input: { visitor_id?: string }, { container }) => {
  return new StepResponse(await requestVisitor(container, input.visitor_id))
})
