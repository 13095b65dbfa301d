import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STRIPE_CONNECT_MODULE, StripeConnectModuleService } from "../../../../../modules/stripe-connect"
import { connectTenantAccountWorkflow } from "../../../../../workflows/connect-tenant-account"
import { toAdminAccount } from "../../serialize"
import { AdminConnectAccountType } from "../../validators"
import { asJson } from "../../../../utils/as-json"
import type { ConnectAccountState, ConnectOnboarding } from "../../../../../contract/admin"

/**
 * The tenant's connected account and its status (null before onboarding starts), and whether
 * Connect is set up at all, so the admin can say so before the merchant tries.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<ConnectAccountState>) => {
  const service: StripeConnectModuleService = req.scope.resolve(STRIPE_CONNECT_MODULE)
  const [account] = await service.listConnectedAccounts({ sales_channel_id: req.params.sales_channel_id })
  res.json({ account: account ? toAdminAccount(account) : null, configured: await service.isConfigured() })
}

/** Starts (or resumes) onboarding: the Express account, once, and a fresh Stripe link to finish it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminConnectAccountType>, res: MedusaResponse<ConnectOnboarding>) => {
  const service: StripeConnectModuleService = req.scope.resolve(STRIPE_CONNECT_MODULE)
  const settings = await service.getSettings()
  const back = `${req.protocol}://${req.get("host")}/app/commission-payouts?sales_channel_id=${req.params.sales_channel_id}`
  const { result } = await connectTenantAccountWorkflow(req.scope).run({
    input: {
      sales_channel_id: req.params.sales_channel_id,
      return_url: req.validatedBody.return_url ?? settings.returnUrl ?? back,
      refresh_url: req.validatedBody.refresh_url ?? settings.refreshUrl ?? back,
    },
  })
  res.json({ account: toAdminAccount(result.account), onboarding_url: result.link.url, expires_at: asJson(result.link.expires_at) })
}
