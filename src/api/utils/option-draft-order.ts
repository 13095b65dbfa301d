import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { secureOptionDateWorkflow } from "../../workflows/date-options"

/**
 * Before Medusa's `POST /admin/draft-orders/:id/convert-to-order` (whose workflow has no hook): a
 * merchant option's draft order must still hold its date, else the conversion is refused with a
 * 409 and nothing changes. The booking itself is made on order.placed (bookOptionOrderWorkflow).
 */
export async function secureOptionDate(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await secureOptionDateWorkflow(req.scope).run({ input: { draft_order_id: req.params.id } })
    next()
  } catch (e) {
    next(e)
  }
}
