import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BOOKING_MODULE, BookingModuleService } from "../../../../../../../modules/booking"
import { dateOptionOut } from "../../../../../../../queries/availability"
import { changeDateOptionWorkflow } from "../../../../../../../workflows/date-options"
import { AdminExtendDateOptionType } from "../../../../validators"
import type { DateOptionResponse } from "../../../../../../../contract/admin"

/** The option holds its date for `expires_in_hours` from now (a queued one: once it moves up). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminExtendDateOptionType>, res: MedusaResponse<DateOptionResponse>) => {
  const input = { sales_channel_id: req.params.sales_channel_id, option_id: req.params.id, action: "extend" as const, ...req.validatedBody }
  await changeDateOptionWorkflow(req.scope).run({ input })
  const service: BookingModuleService = req.scope.resolve(BOOKING_MODULE)
  res.json({ option: dateOptionOut(await service.retrieveDateOption(req.params.id)) })
}
