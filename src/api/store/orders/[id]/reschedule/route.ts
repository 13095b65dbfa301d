import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rescheduleAnswer } from "../../../../utils/reschedule"
import { StoreRescheduleBookingType } from "../../validators"
import type { RescheduleResponse } from "../../../../../contract/store"

/** The logged-in customer moves a booking of their order to another date, where the studio allows it. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRescheduleBookingType>, res: MedusaResponse<RescheduleResponse>) => {
  const { line_item_id, event_date } = req.validatedBody
  res.json(
    await rescheduleAnswer(req.scope, {
      order_id: req.params.id,
      line: line_item_id,
      event_date,
      actor: "customer",
      customer: { customer_id: req.auth_context.actor_id, sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [] },
    })
  )
}
