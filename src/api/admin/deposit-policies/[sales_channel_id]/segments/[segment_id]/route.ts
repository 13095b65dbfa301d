import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adminDepositPolicies } from "../../../../../../queries/deposit-policies"
import { removeDepositPolicyWorkflow } from "../../../../../../workflows/deposit-policies"
import type { DepositPolicies } from "../../../../../../contract/admin"

/** Removes a segment's override: its packages follow the tenant's default again. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<DepositPolicies>) => {
  const { sales_channel_id, segment_id } = req.params
  await removeDepositPolicyWorkflow(req.scope).run({ input: { sales_channel_id, segment_id } })
  res.json(await adminDepositPolicies(req.scope, sales_channel_id))
}
