import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adminDepositPolicies } from "../../../../queries/deposit-policies"
import { removeDepositPolicyWorkflow, setDepositPolicyWorkflow } from "../../../../workflows/deposit-policies"
import { AdminSetDepositPolicyType } from "../validators"
import type { DepositPolicies } from "../../../../contract/admin"

/** The tenant's default deposit policy and its segments' overrides. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<DepositPolicies>) => {
  res.json(await adminDepositPolicies(req.scope, req.params.sales_channel_id))
}

/** Sets the tenant's default (no `segment_id`) or a segment's override. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetDepositPolicyType>, res: MedusaResponse<DepositPolicies>) => {
  const body = req.validatedBody
  await setDepositPolicyWorkflow(req.scope).run({
    input: {
      sales_channel_id: req.params.sales_channel_id,
      segment_id: body.segment_id ?? null,
      kind: body.kind,
      value: body.value,
      currency_code: body.kind === "fixed" ? body.currency_code!.toLowerCase() : null,
      balance_due_days: body.balance_due_days ?? 30,
      deposit_refundable: body.deposit_refundable ?? false,
      balance_refundable_days: body.balance_refundable_days ?? 30,
      instalments: body.instalments ?? 1,
    },
  })
  res.json(await adminDepositPolicies(req.scope, req.params.sales_channel_id))
}

/** Removes the tenant's default: its orders pay in full (segments' overrides stay). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<DepositPolicies>) => {
  await removeDepositPolicyWorkflow(req.scope).run({ input: { sales_channel_id: req.params.sales_channel_id, segment_id: null } })
  res.json(await adminDepositPolicies(req.scope, req.params.sales_channel_id))
}
