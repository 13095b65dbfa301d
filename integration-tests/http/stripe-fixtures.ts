import Stripe from "stripe"
import { StripeDouble } from "../stripe-double"

export const WEBHOOK_SECRET = "whsec_tiered_test"
export const CONNECT_PROVIDER = "pp_stripe-connect_stripe-connect"

const ENV = ["STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_HOST", "STRIPE_API_PORT", "STRIPE_API_PROTOCOL"]

/**
 * The spec file's local Stripe: started before the app boots (medusa-config.ts reads these
 * variables then; spec files share the process) and stopped after it.
 */
export function useStripeDouble(): StripeDouble {
  const double = new StripeDouble()
  beforeAll(async () => {
    await double.start()
    Object.assign(process.env, {
      STRIPE_API_KEY: "sk_test_tiered",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: String(double.port),
      STRIPE_API_PROTOCOL: "http",
    })
  })
  afterAll(async () => {
    for (const key of ENV) delete process.env[key]
    await double.stop()
  })
  return double
}

const signer = new Stripe("sk_test_signer")

/** An event as Stripe sends it to the webhook route: the raw JSON and its signature header. */
export function signedEvent(event: Record<string, unknown>, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event)
  return { payload, headers: { "content-type": "application/json", "stripe-signature": signer.webhooks.generateTestHeaderString({ payload, secret }) } }
}
