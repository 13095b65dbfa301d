import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { requestVisitor } from "../../../../queries/visitor"
import { StoreVisitorType } from "./validators"
import type { StoreVisitorResponse } from "../../../../contract/store"

/**
 * The visitor id a storefront keeps: the one it sent when the server signed it, else a fresh
 * signed one. Writes nothing.
 */
export const POST = async (req: MedusaStoreRequest<StoreVisitorType>, res: MedusaResponse<StoreVisitorResponse>) => {
  const { visitor_id, returning } = await requestVisitor(req.scope, req.validatedBody.visitor_id)
  res.json({ visitor_id, returning })
}
