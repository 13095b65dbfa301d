import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BOOKING_MODULE, BookingModuleService } from "../../../../../../../modules/booking"
import { dateOptionOut } from "../../../../../../../queries/availability"
import { changeDateOptionWorkflow } from "../../../../../../../workflows/date-options"
import type { DateOptionResponse } from "../../../../../../../contract/admin"

/** Lets go of the option (and its hold): the date's next queued option moves up. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<DateOptionResponse>) => {
  const input = { sales_channel_id: req.params.sales_channel_id, option_id: req.params.id, action: "release" as const }
  await changeDateOptionWorkflow(req.scope).run({ input })
  const service: BookingModuleService = req.scope.resolve(BOOKING_MODULE)
  res.json({ option: dateOptionOut(await service.retrieveDateOption(req.params.id)) })
}
