import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { recordTierEventWorkflow } from "../../../workflows/record-tier-event"
import { StoreTierEventType } from "./validators"
import type { StoreTierEventResponse } from "../../../contract/store"

/** 202 with the visitor id the storefront keeps (a fresh one when the id sent is not the server's). */
export const POST = async (req: MedusaStoreRequest<StoreTierEventType>, res: MedusaResponse<StoreTierEventResponse>) => {
  const { result } = await recordTierEventWorkflow(req.scope).run({
    input: { ...req.validatedBody, sales_channel_ids: req.publishable_key_context.sales_channel_ids, address: req.ip },
  })
  res.status(202).json({ accepted: true, visitor_id: result.visitor_id })
}
