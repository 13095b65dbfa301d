import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type Stripe from "stripe"
import { STRIPE_CONNECT_MODULE, StripeConnectModuleService } from "../../modules/stripe-connect"

/** Stores what Stripe says of an account (from a webhook or a fresh read); unknown accounts are left alone. */
export const syncConnectedAccountStep = createStep(
  "sync-connected-account",
  async (input: { account: Pick<Stripe.Account, "id" | "details_submitted" | "charges_enabled" | "payouts_enabled" | "requirements"> }, { container }) => {
    const service: StripeConnectModuleService = container.resolve(STRIPE_CONNECT_MODULE)
    const [stored] = await service.listConnectedAccounts({ stripe_account_id: input.account.id })
    if (!stored) {
      return new StepResponse(null, null)
    }
    const updated = await service.updateConnectedAccounts({
      id: stored.id,
      details_submitted: !!input.account.details_submitted,
      charges_enabled: !!input.account.charges_enabled,
      payouts_enabled: !!input.account.payouts_enabled,
      requirements_due: input.account.requirements?.currently_due ?? [],
      status_updated_at: new Date(),
    })
    return new StepResponse(updated, {
      id: stored.id,
      details_submitted: stored.details_submitted,
      charges_enabled: stored.charges_enabled,
      payouts_enabled: stored.payouts_enabled,
      requirements_due: stored.requirements_due as string[],
      status_updated_at: stored.status_updated_at,
    })
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const service: StripeConnectModuleService = container.resolve(STRIPE_CONNECT_MODULE)
    await service.updateConnectedAccounts(before)
  }
)
