import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath, CreditCard, XMark } from "@medusajs/icons"
import { Badge, Button, Container, IconButton, Input, Table, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { DetailRow } from "../../../components/detail-row"
import { FormError } from "../../../components/form-controls"
import { Message } from "../../../components/message"
import { PageHeader } from "../../../components/page-header"
import { Section } from "../../../components/section"
import { TenantSelect } from "../../../components/tenant-select"
import { refreshConnectAccount, setCommissionRates, startConnectOnboarding } from "../../../lib/api"
import { errorMessage } from "../../../lib/form-values"
import {
  CONNECT_STAGES,
  connectStage,
  formatPercent,
  onboardingAction,
  overrideChanges,
  overrideInput,
  requirementsText,
  statusAsOf,
} from "../../../lib/payouts"
import { useAdminMutation, useCommissionRates, useConnectAccount } from "../../../lib/queries"
import type { CommissionRate, ConnectAccountState } from "../../../lib/types"

// The README section a platform follows to turn Connect on.
const CONNECT_DOCS = "the plugin's README, “Payments: Stripe Connect, plain Stripe, or any provider”"

function CommissionTable({ channelId, rates }: { channelId: string; rates: CommissionRate[] }) {
  const [inputs, setInputs] = useState<Record<string, string>>(() => Object.fromEntries(rates.map((r) => [r.segment_id, overrideInput(r)])))
  const save = useAdminMutation(setCommissionRates, "Commission saved")
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = overrideChanges(rates, inputs)
    if ("problem" in result) {
      toast.error("The change was not saved", { description: result.problem })
    } else if (!result.changes.length) {
      toast.info("Nothing to save")
    } else {
      save.mutate({ salesChannelId: channelId, rates: result.changes })
    }
  }
  const clear = (rate: CommissionRate) => save.mutate({ salesChannelId: channelId, rates: [{ segment_id: rate.segment_id, percent: null }] })

  return (
    <form onSubmit={submit}>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Segment</Table.HeaderCell>
            <Table.HeaderCell>Segment rate</Table.HeaderCell>
            <Table.HeaderCell>Tenant override %</Table.HeaderCell>
            <Table.HeaderCell>Effective rate</Table.HeaderCell>
            <Table.HeaderCell className="w-12" />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rates.map((rate) => (
            <Table.Row key={rate.segment_id} data-testid={`commission-row-${rate.segment_handle}`}>
              <Table.Cell>{rate.segment_name}</Table.Cell>
              <Table.Cell data-testid="commission-segment-rate">{formatPercent(rate.segment_percent)}</Table.Cell>
              <Table.Cell>
                <Input
                  size="small"
                  className="w-28"
                  type="number"
                  min={0}
                  max={100}
                  step="any"
                  placeholder="None"
                  aria-label={`Override for ${rate.segment_name}`}
                  value={inputs[rate.segment_id] ?? ""}
                  onChange={(e) => setInputs({ ...inputs, [rate.segment_id]: e.target.value })}
                />
              </Table.Cell>
              <Table.Cell>
                <span className="flex items-center gap-x-2">
                  <span data-testid="commission-effective">{formatPercent(rate.effective_percent)}</span>
                  <Badge size="2xsmall" color={rate.override_percent === null ? "grey" : "orange"} data-testid="commission-source">
                    {rate.override_percent === null ? "Segment rate" : "Tenant override"}
                  </Badge>
                </span>
              </Table.Cell>
              <Table.Cell>
                {rate.override_percent !== null && (
                  <IconButton
                    size="small"
                    variant="transparent"
                    type="button"
                    aria-label={`Clear override for ${rate.segment_name}`}
                    disabled={save.isPending}
                    onClick={() => clear(rate)}
                  >
                    <XMark />
                  </IconButton>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="flex items-center justify-end gap-x-2 px-6 py-4">
        <Button size="small" variant="secondary" type="submit" isLoading={save.isPending} data-testid="save-commission">
          Save overrides
        </Button>
      </div>
    </form>
  )
}

function TenantCommission({ channelId }: { channelId: string }) {
  const rates = useCommissionRates(channelId)
  return (
    <Section
      title="Commission"
      description={
        <>
          The platform's percent of each order, per segment, for this tenant. An empty override uses the segment's rate, which is set on
          the{" "}
          <Link to="/tiered/segments" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
            Segments page
          </Link>
          . A change applies to orders placed from then on.
        </>
      }
      testId="commission-section"
    >
      {rates.isLoading && <Message>Loading commission…</Message>}
      {rates.isError && <Message>Commission could not be loaded: {errorMessage(rates.error)}</Message>}
      {rates.data && !rates.data.rates.length && <Message>No segments yet: create them on the Segments page.</Message>}
      {rates.data && rates.data.rates.length > 0 && (
        // Remounted on every server answer, so the inputs show what was stored.
        <CommissionTable key={JSON.stringify(rates.data.rates)} channelId={channelId} rates={rates.data.rates} />
      )}
    </Section>
  )
}

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

function TenantConnect({ channelId }: { channelId: string }) {
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

const CommissionPayoutsPage = () => {
  const [params, setParams] = useSearchParams()
  const channelId = params.get("sales_channel_id") ?? ""
  const choose = (id: string) => setParams({ sales_channel_id: id }, { replace: true })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="p-0">
        <PageHeader
          title="Commission & payouts"
          description="Each tenant's commission per segment, and its Stripe account for payouts."
          alignEnd
        >
          <div className="w-72">
            <TenantSelect id="payouts-tenant" value={channelId} onChange={choose} />
          </div>
        </PageHeader>
      </Container>
      {channelId ? (
        <>
          <TenantCommission key={`commission-${channelId}`} channelId={channelId} />
          <TenantConnect key={`connect-${channelId}`} channelId={channelId} />
        </>
      ) : (
        <Container className="p-0">
          <Message>Choose a tenant to see its commission and payouts.</Message>
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Commission & payouts",
  icon: CreditCard,
  rank: 7,
})

export default CommissionPayoutsPage
