import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BOOKING_MODULE, BookingModuleService } from "../../../../../modules/booking"
import { dateOptionOut, dateOptions } from "../../../../../queries/availability"
import { createDateOptionWorkflow } from "../../../../../workflows/date-options"
import { AdminCreateDateOptionType, AdminDateOptionsType } from "../../validators"
import type { DateOptionResponse, DateOptionsResponse } from "../../../../../contract/admin"

/** The tenant's options on a range of dates, by date and position. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminDateOptionsType>, res: MedusaResponse<DateOptionsResponse>) => {
  res.json(await dateOptions(req.scope, { ...req.validatedQuery, sales_channel_id: req.params.sales_channel_id }))
}

/** Pencils a date in for a client: 201 with the option, live (holding the date) or queued. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateDateOptionType>, res: MedusaResponse<DateOptionResponse>) => {
  const { result } = await createDateOptionWorkflow(req.scope).run({ input: { ...req.validatedBody, sales_channel_id: req.params.sales_channel_id } })
  const service: BookingModuleService = req.scope.resolve(BOOKING_MODULE)
  res.status(201).json({ option: dateOptionOut(await service.retrieveDateOption(result)) })
}
