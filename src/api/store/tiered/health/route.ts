import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import type { StoreHealthResponse } from "../../../../contract/store"

/**
 * Answers when the publishable key is valid: a storefront's check that it reaches the plugin, and
 * the benchmarks' floor (Medusa's store middleware and nothing of ours).
 */
export const GET = async (_req: MedusaStoreRequest, res: MedusaResponse<StoreHealthResponse>) => {
  res.json({ status: "ok" })
}
