import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type Stripe from "stripe"
import { STRIPE_CONNECT_MODULE, StripeConnectModuleService } from "../../modules/stripe-connect"
import type { ConnectedAccountRow } from "../../modules/stripe-connect/service"

export type SyncConnectedAccountInput = {
  account: Pick<Stripe.Account, "id" | "details_submitted" | "charges_enabled" | "payouts_enabled" | "requirements">
  /** ISO time the account's state is from (the event's `created`, or the read); now when absent. */
  as_of?: string
}

export type SyncConnectedAccountResult = {
  /** The stored account after the step; null for an account the plugin does not know. */
  account: ConnectedAccountRow | null
  /** False when what is stored is newer than `as_of`, and so was kept. */
  applied: boolean
}

/** Stores what Stripe says of an account (from a webhook or a fresh read) unless a newer state is stored. */
export const syncConnectedAccountStep = createStep(
  "sync-connected-account",
  async (input: SyncConnectedAccountInput, { container }) => {
    const service: StripeConnectModuleService = container.resolve(STRIPE_CONNECT_MODULE)
    const asOf = input.as_of ? new Date(input.as_of) : new Date()
    const outcome = await service.applyAccountStatus(
      input.account.id,
      {
        details_submitted: !!input.account.details_submitted,
        charges_enabled: !!input.account.charges_enabled,
        payouts_enabled: !!input.account.payouts_enabled,
        requirements_due: input.account.requirements?.currently_due ?? [],
      },
      Number.isNaN(asOf.getTime()) ? new Date() : asOf
    )
    if (!outcome) {
      return new StepResponse<SyncConnectedAccountResult, null>({ account: null, applied: false }, null)
    }
    const { applied, before, account } = outcome
    return new StepResponse<SyncConnectedAccountResult, ConnectedAccountRow | null>({ account, applied }, applied ? before : null)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const service: StripeConnectModuleService = container.resolve(STRIPE_CONNECT_MODULE)
    await service.updateConnectedAccounts({
      id: before.id,
      details_submitted: before.details_submitted,
      charges_enabled: before.charges_enabled,
      payouts_enabled: before.payouts_enabled,
      requirements_due: before.requirements_due,
      status_updated_at: before.status_updated_at,
      status_as_of: before.status_as_of,
    })
  }
)
