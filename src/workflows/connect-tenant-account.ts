import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createAccountLinkStep } from "./steps/create-account-link"
import { createConnectedAccountStep } from "./steps/create-connected-account"

export type ConnectTenantAccountInput = { sales_channel_id: string; return_url: string; refresh_url: string }

/** Gives a tenant an Express account (once) and an onboarding link to finish it at Stripe. */
export const connectTenantAccountWorkflow = createWorkflow("connect-tenant-account", (input: ConnectTenantAccountInput) => {
  const key = transform({ input }, ({ input }) => `stripe-connect:${input.sales_channel_id}`)
  acquireLockStep({ key, timeout: 10, ttl: 60 })
  const account = createConnectedAccountStep(transform({ input }, ({ input }) => ({ sales_channel_id: input.sales_channel_id })))
  const link = createAccountLinkStep(
    transform({ input, account }, ({ input, account }) => ({
      stripe_account_id: account.stripe_account_id,
      return_url: input.return_url,
      refresh_url: input.refresh_url,
    }))
  )
  releaseLockStep({ key })
  return new WorkflowResponse({ account, link })
})
