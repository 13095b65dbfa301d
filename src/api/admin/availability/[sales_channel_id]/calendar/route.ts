import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { availabilityCalendar } from "../../../../../queries/availability"
import { AdminAvailabilityCalendarType } from "../../validators"
import type { AvailabilityCalendar } from "../../../../../contract/admin"

/** Each date's status and live bookings, as the storefront sees it today (see availabilityCalendar). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminAvailabilityCalendarType>,
  res: MedusaResponse<AvailabilityCalendar>
) => {
  res.json(await availabilityCalendar(req.scope, { ...req.validatedQuery, sales_channel_id: req.params.sales_channel_id }))
}
