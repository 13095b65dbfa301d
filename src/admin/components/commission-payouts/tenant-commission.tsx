import { XMark } from "@medusajs/icons"
import { Badge, Button, IconButton, Input, Table, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { Link } from "react-router-dom"
import { Message } from "../message"
import { Section } from "../section"
import { setCommissionRates } from "../../lib/api"
import { errorMessage } from "../../lib/form-values"
import { formatPercent, overrideChanges, overrideInput } from "../../lib/payouts"
import { useAdminMutation, useCommissionRates } from "../../lib/queries"
import type { CommissionRate } from "../../../contract/admin"

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

/** The tenant's commission per segment: the segment's rate, its override, the rate that applies. */
export function TenantCommission({ channelId }: { channelId: string }) {
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
