import { ArrowPath } from "@medusajs/icons"
import { Badge, Button } from "@medusajs/ui"
import { DetailRow } from "../detail-row"
import { FormError } from "../form-controls"
import { Message } from "../message"
import { Section } from "../section"
import { refreshConnectAccount, startConnectOnboarding } from "../../lib/api"
import { errorMessage } from "../../lib/form-values"
import { CONNECT_STAGES, connectStage, onboardingAction, requirementsText, statusAsOf } from "../../lib/payouts"
import { useAdminMutation, useConnectAccount } from "../../lib/queries"
import type { ConnectAccountState } from "../../../contract/admin"

// The README section a platform follows to turn Connect on.
const CONNECT_DOCS = "the plugin's README, “Payments: Stripe Connect, plain Stripe, or any provider”"

const yesNo = (value: boolean) => (
  <Badge size="2xsmall" color={value ? "green" : "grey"}>
    {value ? "Yes" : "No"}
  </Badge>
)

function ConnectStatus({ state }: { state: ConnectAccountState }) {
  const { account } = state
  if (!state.configured) {
    return (
      <Message>
        <span data-testid="connect-off">
          Stripe Connect is not set up on this server. To pay tenants through their own Stripe accounts, give the plugin its
          stripeConnect option and add the Stripe Connect payment provider, as {CONNECT_DOCS} describes. Commission still applies to
          every order and shows in the analytics.
        </span>
      </Message>
    )
  }
  if (!account) return null
  const due = requirementsText(account.requirements_due)
  return (
    <div>
      <DetailRow label="Stripe account" value={account.stripe_account_id} testId="connect-account-id" />
      <DetailRow label="Details submitted" value={yesNo(account.details_submitted)} testId="connect-details" />
      <DetailRow label="Charges enabled" value={yesNo(account.charges_enabled)} testId="connect-charges" />
      <DetailRow label="Payouts enabled" value={yesNo(account.payouts_enabled)} testId="connect-payouts" />
      <DetailRow
        label="Requirements due"
        value={
          due.length ? (
            <ul className="list-disc pl-5">
              {due.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          ) : (
            "None"
          )
        }
        testId="connect-requirements"
      />
      <DetailRow label="Status as of" value={statusAsOf(account.status_updated_at)} />
    </div>
  )
}

/** The tenant's Stripe Connect account: its onboarding stage, its status, and the way to onboard. */
export function TenantConnect({ channelId }: { channelId: string }) {
  const connect = useConnectAccount(channelId)
  const onboard = useAdminMutation(startConnectOnboarding, "Opening Stripe onboarding")
  const refresh = useAdminMutation(refreshConnectAccount, "Status read from Stripe")
  const state = connect.data
  const stage = state ? CONNECT_STAGES[connectStage(state)] : null
  const action = state ? onboardingAction(state) : null
  // Stripe's hosted onboarding brings the merchant back to this page, tenant chosen.
  const startOnboarding = () => onboard.mutate(channelId, { onSuccess: ({ onboarding_url }) => window.location.assign(onboarding_url) })

  return (
    <Section
      title={
        <span className="flex items-center gap-x-2">
          Stripe Connect payouts
          {stage && (
            <Badge size="2xsmall" color={stage.color} data-testid="connect-status">
              {stage.label}
            </Badge>
          )}
        </span>
      }
      description={stage?.description ?? "The tenant's Stripe account, which receives its storefront's payments less the commission."}
      actions={
        <>
          {state?.account && state.configured && (
            <Button size="small" variant="secondary" isLoading={refresh.isPending} onClick={() => refresh.mutate(channelId)} data-testid="connect-refresh">
              <ArrowPath />
              Refresh status
            </Button>
          )}
          {action && (
            <Button size="small" variant="primary" isLoading={onboard.isPending} onClick={startOnboarding} data-testid="connect-onboarding">
              {action}
            </Button>
          )}
        </>
      }
      testId="connect-section"
    >
      {connect.isLoading && <Message>Loading the Stripe account…</Message>}
      {connect.isError && <Message>The Stripe account could not be loaded: {errorMessage(connect.error)}</Message>}
      {(onboard.error || refresh.error) && (
        <div className="px-6 py-4">
          <FormError error={onboard.error ?? refresh.error} />
        </div>
      )}
      {state && <ConnectStatus state={state} />}
    </Section>
  )
}
