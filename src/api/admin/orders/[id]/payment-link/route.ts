import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendPaymentLinkWorkflow } from "../../../../../workflows/send-payment-link"
import type { AdminPaymentLinkResponse } from "../../../../../contract/admin"

/** Where the couple pays the balance (the reference storefront's pay page); the link goes out as `tiered.balance.payment_link`. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminPaymentLinkResponse>) => {
  const storefront_url = process.env.STOREFRONT_URL || "http://localhost:5173"
  const { result } = await sendPaymentLinkWorkflow(req.scope).run({ input: { order_id: req.params.id, storefront_url } })
  res.json({ payment_link: result })
}
