import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { NoticeSettingsResponse } from "../../../../contract/admin"
import { ensureSalesChannel } from "../../../../queries/availability"
import { tenantNoticeSwitches } from "../../../../queries/notices"
import { setNoticeSettingsWorkflow } from "../../../../workflows/set-notice-settings"
import { AdminUpdateNoticeSettingsType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<NoticeSettingsResponse>) => {
  const salesChannelId = req.params.sales_channel_id
  await ensureSalesChannel(req.scope, salesChannelId)
  res.json({ notification_settings: { sales_channel_id: salesChannelId, ...(await tenantNoticeSwitches(req.scope, salesChannelId)) } })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateNoticeSettingsType>, res: MedusaResponse<NoticeSettingsResponse>) => {
  const salesChannelId = req.params.sales_channel_id
  await setNoticeSettingsWorkflow(req.scope).run({ input: { ...req.validatedBody, sales_channel_id: salesChannelId } })
  res.json({ notification_settings: { sales_channel_id: salesChannelId, ...(await tenantNoticeSwitches(req.scope, salesChannelId)) } })
}
