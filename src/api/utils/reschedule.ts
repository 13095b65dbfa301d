import { MedusaContainer } from "@medusajs/framework/types"
import type { RescheduleResponse } from "../../contract/store"
import type { RescheduleRequest } from "../../queries/reschedule"
import { rescheduleBookingWorkflow } from "../../workflows/reschedule-booking"

/** Runs a reschedule and answers it as both the admin and the store routes do. */
export async function rescheduleAnswer(scope: MedusaContainer, input: RescheduleRequest): Promise<RescheduleResponse> {
  const { result } = await rescheduleBookingWorkflow(scope).run({ input })
  return {
    booking: { id: result.booking_id, status: "confirmed", event_date: result.to },
    from: result.from,
    to: result.to,
    price_difference: result.price_difference,
    currency_code: result.currency_code,
  }
}
