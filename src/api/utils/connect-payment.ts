import { MedusaNextFunction, MedusaRequest, MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { connectPaymentData } from "../../queries/connect"
import { CONNECT_DATA_KEY, isConnectProvider } from "../../providers/stripe-connect/connect-data"

/**
 * On Medusa's "create a payment session" route, a Stripe Connect session gets
 * its destination and fee from the server, replacing whatever the storefront
 * sent under that key: a storefront can never choose them.
 */
export async function setConnectPaymentData(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { provider_id?: unknown; data?: Record<string, unknown> }
  if (!isConnectProvider(body.provider_id)) {
    return next()
  }
  try {
    const channels = (req as MedusaStoreRequest).publishable_key_context?.sales_channel_ids ?? []
    const connect = await connectPaymentData(req.scope, req.params.id, channels)
    body.data = { ...(body.data ?? {}), [CONNECT_DATA_KEY]: connect }
    req.body = body
    const validated = (req as MedusaRequest & { validatedBody?: { data?: Record<string, unknown> } }).validatedBody
    if (validated) {
      validated.data = { ...(validated.data ?? {}), [CONNECT_DATA_KEY]: connect }
    }
    next()
  } catch (e) {
    next(e)
  }
}
