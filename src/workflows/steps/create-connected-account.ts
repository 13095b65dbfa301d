import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STRIPE_CONNECT_MODULE, StripeConnectModuleService } from "../../modules/stripe-connect"

/**
 * The tenant's Express account: the one it has, or a new one at Stripe
 * (deleted again if a later step fails).
 */
export const createConnectedAccountStep = createStep(
  "create-connected-account",
  async (input: { sales_channel_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: input.sales_channel_id } })
    const channel = data[0] as { id: string; name: string } | undefined
    if (!channel) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${input.sales_channel_id} was not found`)
    }
    const service: StripeConnectModuleService = container.resolve(STRIPE_CONNECT_MODULE)
    const [existing] = await service.listConnectedAccounts({ sales_channel_id: channel.id })
    if (existing) {
      return new StepResponse(existing, null)
    }
    const stripe = await service.getStripe()
    const remote = await stripe.accounts.create({
      type: "express",
      business_profile: { name: channel.name },
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      metadata: { sales_channel_id: channel.id },
    })
    const account = await service.createConnectedAccounts({
      sales_channel_id: channel.id,
      stripe_account_id: remote.id,
      details_submitted: !!remote.details_submitted,
      charges_enabled: !!remote.charges_enabled,
      payouts_enabled: !!remote.payouts_enabled,
      requirements_due: remote.requirements?.currently_due ?? [],
      status_updated_at: new Date(),
    })
    return new StepResponse(account, { id: account.id, stripe_account_id: remote.id })
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    const service: StripeConnectModuleService = container.resolve(STRIPE_CONNECT_MODULE)
    await service.deleteConnectedAccounts(created.id)
    await (await service.getStripe()).accounts.del(created.stripe_account_id)
  }
)
