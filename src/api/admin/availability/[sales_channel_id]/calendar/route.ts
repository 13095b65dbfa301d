import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { productAvailability } from "../../../../../queries/availability"
import { AdminAvailabilityCalendarType } from "../../validators"

/**
 * Each date's status for the tenant's shared capacity, or for one product
 * (with its own capacity when it has one), as the storefront sees it today.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminAvailabilityCalendarType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: req.params.sales_channel_id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${req.params.sales_channel_id} was not found`)
  }
  const { from, to, product_id } = req.validatedQuery
  const dates = await productAvailability(req.scope, {
    sales_channel_id: req.params.sales_channel_id,
    product_id: product_id ?? "",
    from,
    to,
  })
  res.json({ sales_channel_id: req.params.sales_channel_id, product_id: product_id ?? null, dates })
}
