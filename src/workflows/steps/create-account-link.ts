import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STRIPE_CONNECT_MODULE, StripeConnectModuleService } from "../../modules/stripe-connect"

/** A one-time Stripe onboarding link for the account (Stripe expires it; ask for a new one then). */
export const createAccountLinkStep = createStep(
  "create-account-link",
  async (input: { stripe_account_id: string; return_url: string; refresh_url: string }, { container }) => {
    const service: StripeConnectModuleService = container.resolve(STRIPE_CONNECT_MODULE)
    const link = await (await service.getStripe()).accountLinks.create({
      account: input.stripe_account_id,
      type: "account_onboarding",
      return_url: input.return_url,
      refresh_url: input.refresh_url,
    })
    return new StepResponse({ url: link.url, expires_at: new Date(link.expires_at * 1000) })
  }
)
