import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { STRIPE_CONNECT_MODULE, StripeConnectModuleService } from "../../../../../../modules/stripe-connect"
import { syncConnectedAccountWorkflow } from "../../../../../../workflows/sync-connected-account"
import { toAdminAccount } from "../../../serialize"
import type { ConnectedAccountResponse } from "../../../../../../contract/admin"

/** Reads the account's status from Stripe now (webhooks keep it current; this is for a merchant who will not wait). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<ConnectedAccountResponse>) => {
  const service: StripeConnectModuleService = req.scope.resolve(STRIPE_CONNECT_MODULE)
  const [account] = await service.listConnectedAccounts({ sales_channel_id: req.params.sales_channel_id })
  if (!account) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${req.params.sales_channel_id} has no connected account`)
  }
  // Taken before the read: an event Stripe creates while it is in flight is newer than what it reads.
  const asOf = new Date().toISOString()
  const remote = await (await service.getStripe()).accounts.retrieve(account.stripe_account_id)
  await syncConnectedAccountWorkflow(req.scope).run({ input: { account: remote, as_of: asOf } })
  const [fresh] = await service.listConnectedAccounts({ id: account.id })
  res.json({ account: toAdminAccount(fresh) })
}
