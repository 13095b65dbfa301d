import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { tierPricePreview } from "../../../../../queries/price-preview"
import { AdminPricePreviewType } from "../../validators"
import type { PricePreview } from "../../../../../contract/admin"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminPricePreviewType>, res: MedusaResponse<PricePreview>) => {
  const { region_id, from, to } = req.validatedQuery
  res.json(await tierPricePreview(req.scope, { tier_id: req.params.id, region_id, from, to }))
}
