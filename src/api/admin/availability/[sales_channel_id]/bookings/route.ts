import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dateBookings } from "../../../../../queries/availability"
import { AdminDateBookingsType } from "../../validators"
import type { DateBookingsResponse } from "../../../../../contract/admin"

/** One date's bookings, checkout claims and carts' live holds, with their tier and order. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminDateBookingsType>,
  res: MedusaResponse<DateBookingsResponse>
) => {
  res.json(await dateBookings(req.scope, { ...req.validatedQuery, sales_channel_id: req.params.sales_channel_id }))
}
