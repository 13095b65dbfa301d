import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import Stripe from "stripe"
import { ConnectedAccount } from "./models/connected-account"
import { ProcessedWebhook } from "./models/processed-webhook"
import { parseConnectOptions, StripeConnectSettings } from "./options"

/** Stripe's client for the platform, as the plugin options say where Stripe is. */
export function stripeClient(settings: Pick<StripeConnectSettings, "apiKey" | "apiHost" | "apiPort" | "apiProtocol">): Stripe {
  return new Stripe(settings.apiKey, {
    ...(settings.apiHost ? { host: settings.apiHost } : {}),
    ...(settings.apiPort ? { port: settings.apiPort } : {}),
    ...(settings.apiProtocol ? { protocol: settings.apiProtocol } : {}),
    maxNetworkRetries: 2,
  })
}

/** Tenants' connected accounts and the Stripe events already processed. */
export default class StripeConnectModuleService extends MedusaService({ ConnectedAccount, ProcessedWebhook }) {
  protected readonly settings_: StripeConnectSettings | null
  protected stripe_: Stripe | null = null

  constructor(container: Record<string, unknown>, options: unknown = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    const parsed = parseConnectOptions(options)
    if ("problems" in parsed) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `Invalid tiered-storefront options: ${parsed.problems.join("; ")}`)
    }
    this.settings_ = parsed.settings
  }

  /** Whether the platform gave the plugin its Stripe Connect settings. */
  isConfigured(): boolean {
    return this.settings_ !== null
  }

  /** The Connect settings; a clear 400 when the platform has not set Stripe Connect up. */
  getSettings(): StripeConnectSettings {
    if (!this.settings_) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Stripe Connect is not set up: give the plugin the stripeConnect option (apiKey, webhookSecret)"
      )
    }
    return this.settings_
  }

  getStripe(): Stripe {
    this.stripe_ ??= stripeClient(this.getSettings())
    return this.stripe_
  }
}
