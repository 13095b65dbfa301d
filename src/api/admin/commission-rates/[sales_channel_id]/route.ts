import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { tenantCommissionRates } from "../../../../queries/commission"
import { setCommissionRatesWorkflow } from "../../../../workflows/set-commission-rates"
import { AdminSetCommissionRatesType } from "../validators"
import type { CommissionRates } from "../../../../contract/admin"

async function answer(req: AuthenticatedMedusaRequest, res: MedusaResponse<CommissionRates>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { sales_channel_id } = req.params
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: sales_channel_id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${sales_channel_id} was not found`)
  }
  res.json({ sales_channel_id, rates: await tenantCommissionRates(req.scope, sales_channel_id, { liveOnly: true }) })
}

/** Each segment's rate for the tenant: the segment's, or the tenant's own override. */
export const GET = answer

export const POST = async (req: AuthenticatedMedusaRequest<AdminSetCommissionRatesType>, res: MedusaResponse<CommissionRates>) => {
  await setCommissionRatesWorkflow(req.scope).run({ input: { sales_channel_id: req.params.sales_channel_id, rates: req.validatedBody.rates } })
  await answer(req, res)
}
