import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcileBookingsWorkflow } from "../../../../workflows/reconcile-bookings"
import { AdminRunReconcileType } from "../validators"
import type { ReconcileRunResponse } from "../../../../contract/admin"

/** Runs the reconciler now (it also runs at every start and every five minutes). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRunReconcileType>, res: MedusaResponse<ReconcileRunResponse>) => {
  const { result } = await reconcileBookingsWorkflow(req.scope).run({ input: { trigger: "admin", ...req.validatedBody } })
  res.json({ run: result })
}
