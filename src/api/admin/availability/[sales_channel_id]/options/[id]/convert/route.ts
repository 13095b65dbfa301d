import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BOOKING_MODULE, BookingModuleService } from "../../../../../../../modules/booking"
import { dateOptionOut } from "../../../../../../../queries/availability"
import { convertDateOptionWorkflow } from "../../../../../../../workflows/date-options"
import { AdminConvertDateOptionType } from "../../../../validators"
import type { DateOptionResponse } from "../../../../../../../contract/admin"

/** A draft order for the live option's client, priced for the date; the option becomes `converted`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminConvertDateOptionType>, res: MedusaResponse<DateOptionResponse>) => {
  const input = { sales_channel_id: req.params.sales_channel_id, option_id: req.params.id, ...req.validatedBody }
  await convertDateOptionWorkflow(req.scope).run({ input })
  const service: BookingModuleService = req.scope.resolve(BOOKING_MODULE)
  res.json({ option: dateOptionOut(await service.retrieveDateOption(req.params.id)) })
}
