import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { BOOKING_MODULE, BookingModuleService } from "../../../../modules/booking"
import { effectiveSettings } from "../../../../queries/availability"
import { updateAvailabilityWorkflow } from "../../../../workflows/update-availability"
import { AdminUpdateAvailabilityType } from "../validators"
import type { AvailabilityResponse } from "../../../../contract/admin"

async function ensureSalesChannel(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${id} was not found`)
  }
}

async function availabilityOf(scope: MedusaContainer, salesChannelId: string) {
  const service: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const [settings, capacity_overrides, blackouts, high_demand_dates] = await Promise.all([
    effectiveSettings(scope, salesChannelId),
    service.listCapacityOverrides({ sales_channel_id: salesChannelId }, { select: ["id", "product_id", "capacity"] }),
    service.listBlackouts(
      { sales_channel_id: salesChannelId },
      { select: ["id", "start_date", "end_date", "reason"], order: { start_date: "ASC" } }
    ),
    service.listHighDemandDates(
      { sales_channel_id: salesChannelId },
      { select: ["id", "date", "note"], order: { date: "ASC" } }
    ),
  ])
  return { settings, capacity_overrides, blackouts, high_demand_dates }
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AvailabilityResponse>) => {
  await ensureSalesChannel(req.scope, req.params.sales_channel_id)
  res.json({ availability: await availabilityOf(req.scope, req.params.sales_channel_id) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAvailabilityType>,
  res: MedusaResponse<AvailabilityResponse>
) => {
  const salesChannelId = req.params.sales_channel_id
  await ensureSalesChannel(req.scope, salesChannelId)
  const body = req.validatedBody
  if (body.capacity_override) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: body.capacity_override.product_id } })
    if (!data.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${body.capacity_override.product_id} was not found`)
    }
  }
  // Flagging a date that is already flagged is not an error; it is already done.
  const current = await availabilityOf(req.scope, salesChannelId)
  const flagged = new Set(current.high_demand_dates.map((d) => d.date))
  const add_high_demand_dates = [
    ...new Map((body.add_high_demand_dates ?? []).filter((d) => !flagged.has(d.date)).map((d) => [d.date, d])).values(),
  ]
  await updateAvailabilityWorkflow(req.scope).run({
    input: { ...body, add_high_demand_dates, sales_channel_id: salesChannelId },
  })
  res.json({ availability: await availabilityOf(req.scope, salesChannelId) })
}
