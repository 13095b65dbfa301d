import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { planReschedule } from "../../../../../../queries/reschedule"
import { AdminRescheduleBookingType } from "../../../validators"
import type { ReschedulePreviewResponse } from "../../../../../../contract/admin"

/** Whether a booked package of the order can move to the date, and the price difference; moves nothing. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRescheduleBookingType>, res: MedusaResponse<ReschedulePreviewResponse>) => {
  const { line_item_id, event_date } = req.validatedBody
  const plan = await planReschedule(req.scope, { order_id: req.params.id, line: line_item_id, event_date, actor: "admin" })
  res.json({
    preview: {
      line_item_id: plan.line_item_id,
      from: plan.from,
      to: plan.to,
      status: plan.status,
      remaining: plan.remaining,
      allowed: !plan.problem,
      reason: plan.problem?.message ?? null,
      price_difference: plan.price_difference,
      currency_code: plan.currency_code,
    },
  })
}
