import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { dateAvailability } from "../../../../../lib/availability"
import { datesBetween, MAX_RANGE_DAYS, todayUtc } from "../../../../../lib/dates"
import { tenantAvailability } from "../../../../../queries/availability"
import { AdminAvailabilityCalendarType } from "../../validators"
import type { AvailabilityCalendar } from "../../../../../contract/admin"

/**
 * Each date's status and live bookings for the tenant's shared capacity, or
 * for one product (with its own capacity when it has one), as the storefront
 * sees it today.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminAvailabilityCalendarType>,
  res: MedusaResponse<AvailabilityCalendar>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const salesChannelId = req.params.sales_channel_id
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: salesChannelId } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${salesChannelId} was not found`)
  }
  const { from, to, product_id } = req.validatedQuery
  const tenant = await tenantAvailability(req.scope, { sales_channel_id: salesChannelId, from, to })
  const product = product_id ?? ""
  const pool = tenant.poolOf(product)
  const rules = tenant.rulesFor(product)
  const today = todayUtc()
  res.json({
    sales_channel_id: salesChannelId,
    product_id: product_id ?? null,
    capacity: rules.capacity,
    dates: datesBetween(from, to, MAX_RANGE_DAYS).map((date) => {
      const booked = tenant.booked(pool, date)
      return { ...dateAvailability(date, today, rules, booked), booked }
    }),
  })
}
