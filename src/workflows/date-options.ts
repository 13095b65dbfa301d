import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import {
  bookOptionOrderStep,
  changeDateOptionStep,
  ChangeDateOptionInput,
  ConvertDateOptionInput,
  markOptionConvertedStep,
  pencilDateOptionStep,
  PencilDateOptionInput,
  prepareOptionDraftOrderStep,
  secureOptionDateStep,
} from "./steps/date-options"

/** Pencils a date in for a merchant's client: live (holding the date) or queued behind earlier options. */
export const createDateOptionWorkflow = createWorkflow("create-date-option", (input: PencilDateOptionInput) => {
  return new WorkflowResponse(pencilDateOptionStep(input))
})

/** Extends or releases a merchant's option; releasing a live one moves the next queued option up. */
export const changeDateOptionWorkflow = createWorkflow("change-date-option", (input: ChangeDateOptionInput) => {
  return new WorkflowResponse(changeDateOptionStep(input))
})

/**
 * Turns a live option into a Medusa draft order for its client: the tier's package at the plugin's
 * price for the date. The option's hold stays until its expiry; the draft order is to be turned
 * into an order before then (see secureOptionDateWorkflow and bookOptionOrderWorkflow).
 */
export const convertDateOptionWorkflow = createWorkflow("convert-date-option", (input: ConvertDateOptionInput) => {
  const draft = prepareOptionDraftOrderStep(input)
  const order = createOrderWorkflow.runAsStep({ input: draft })
  markOptionConvertedStep(transform({ input, order }, ({ input, order }) => ({ option_id: input.option_id, draft_order_id: order.id })))
  return new WorkflowResponse(transform({ order }, ({ order }) => order.id))
})

/**
 * Runs before Medusa's convert-to-order of a draft order: an option's draft order still holds its
 * date (a lapsed option takes it again if free), or the conversion is refused with a 409.
 */
export const secureOptionDateWorkflow = createWorkflow("secure-option-date", (input: { draft_order_id: string }) => {
  return new WorkflowResponse(secureOptionDateStep(input))
})

/** An option's draft order became an order: the option's hold becomes its confirmed booking, with its tier line record. */
export const bookOptionOrderWorkflow = createWorkflow("book-option-order", (input: { order_id: string }) => {
  return new WorkflowResponse(bookOptionOrderStep(input))
})
