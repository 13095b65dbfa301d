import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rescheduleAnswer } from "../../../../utils/reschedule"
import { AdminRescheduleBookingType } from "../../validators"
import type { RescheduleResponse } from "../../../../../contract/admin"

/** The merchant moves a booked package of the order to another date; the price difference is answered, not charged. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRescheduleBookingType>, res: MedusaResponse<RescheduleResponse>) => {
  const { line_item_id, event_date } = req.validatedBody
  res.json(await rescheduleAnswer(req.scope, { order_id: req.params.id, line: line_item_id, event_date, actor: "admin" }))
}
