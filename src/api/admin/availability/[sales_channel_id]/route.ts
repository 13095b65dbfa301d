import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adminAvailability, ensureSalesChannel } from "../../../../queries/availability"
import { updateAvailabilityWorkflow } from "../../../../workflows/update-availability"
import { AdminUpdateAvailabilityType } from "../validators"
import type { AvailabilityResponse } from "../../../../contract/admin"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AvailabilityResponse>) => {
  res.json({ availability: await adminAvailability(req.scope, req.params.sales_channel_id) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAvailabilityType>,
  res: MedusaResponse<AvailabilityResponse>
) => {
  const salesChannelId = req.params.sales_channel_id
  await ensureSalesChannel(req.scope, salesChannelId)
  await updateAvailabilityWorkflow(req.scope).run({ input: { ...req.validatedBody, sales_channel_id: salesChannelId } })
  res.json({ availability: await adminAvailability(req.scope, salesChannelId) })
}
