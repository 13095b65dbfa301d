import { XMark } from "@medusajs/icons"
import { Button, IconButton, Input, Select, Table, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { CheckboxItem } from "../form-controls"
import { Message } from "../message"
import { Section } from "../section"
import { removeDepositPolicy, setDepositPolicy } from "../../lib/api"
import { depositFormValues, depositPayload, describeDeposit } from "../../lib/deposits"
import { errorMessage } from "../../lib/form-values"
import { useAdminMutation, useDepositPolicies, useSegmentNames } from "../../lib/queries"
import type { DepositPolicy } from "../../../contract/admin"

function DaysInput({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return <Input size="small" className="w-20" type="number" min={0} step={1} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />
}

/** One row: the tenant's default (no segment) or a segment's override, edited in place. */
function DepositRow({ channelId, segment, policy }: { channelId: string; segment: { id: string; name: string; handle: string } | null; policy: DepositPolicy | null }) {
  const [values, setValues] = useState(() => depositFormValues(policy))
  const save = useAdminMutation(setDepositPolicy, "Deposit saved")
  const remove = useAdminMutation(removeDepositPolicy, "Deposit removed")
  const name = segment ? segment.name : "Store default"
  const testId = `deposit-row-${segment?.handle ?? "default"}`
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = depositPayload(values, segment?.id ?? null)
    if ("problem" in result) {
      toast.error("The change was not saved", { description: result.problem })
    } else {
      save.mutate({ salesChannelId: channelId, policy: result.payload })
    }
  }
  return (
    <Table.Row data-testid={testId}>
      <Table.Cell>
        <Text size="small" weight="plus">
          {name}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="deposit-summary">
          {policy ? describeDeposit(policy) : segment ? "Follows the store default" : describeDeposit(null)}
        </Text>
      </Table.Cell>
      <td colSpan={2} className="pr-6">
        <form className="flex flex-wrap items-center gap-2 py-2" onSubmit={submit} aria-label={`Deposit settings for ${name}`}>
          <div className="w-28">
            <Select value={values.kind} onValueChange={(kind) => setValues({ ...values, kind: kind as "percent" | "fixed" })}>
              <Select.Trigger aria-label={`Kind of deposit for ${name}`} data-testid="deposit-kind">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="percent">Percent</Select.Item>
                <Select.Item value="fixed">Fixed</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <Input
            size="small"
            className="w-24"
            type="number"
            min={0}
            step="any"
            placeholder={values.kind === "percent" ? "%" : "Amount"}
            aria-label={`Deposit for ${name}`}
            value={values.value}
            onChange={(e) => setValues({ ...values, value: e.target.value })}
          />
          {values.kind === "fixed" && (
            <Input
              size="small"
              className="w-20"
              placeholder="USD"
              maxLength={3}
              aria-label={`Currency of the deposit for ${name}`}
              value={values.currency_code}
              onChange={(e) => setValues({ ...values, currency_code: e.target.value })}
            />
          )}
          <DaysInput label={`Balance due days before the event for ${name}`} value={values.balance_due_days} onChange={(v) => setValues({ ...values, balance_due_days: v })} />
          <Text size="xsmall" className="text-ui-fg-subtle">
            days before
          </Text>
          {!segment && (
            <>
              <CheckboxItem
                id="deposit-refundable"
                label="Deposit refundable"
                checked={values.deposit_refundable}
                onChange={(on) => setValues({ ...values, deposit_refundable: on })}
              />
              <DaysInput
                label="Balance refundable until days before the event"
                value={values.balance_refundable_days}
                onChange={(v) => setValues({ ...values, balance_refundable_days: v })}
              />
              <Text size="xsmall" className="text-ui-fg-subtle">
                days: balance refundable until
              </Text>
              <Input
                size="small"
                className="w-16"
                type="number"
                min={1}
                max={12}
                step={1}
                aria-label="Payments the balance is split into"
                data-testid="deposit-instalments"
                value={values.instalments}
                onChange={(e) => setValues({ ...values, instalments: e.target.value })}
              />
              <Text size="xsmall" className="text-ui-fg-subtle">
                balance payments
              </Text>
            </>
          )}
          <Button size="small" variant="secondary" type="submit" isLoading={save.isPending} data-testid="save-deposit">
            Save
          </Button>
          {policy && (
            <IconButton
              size="small"
              variant="transparent"
              type="button"
              aria-label={`Remove the deposit of ${name}`}
              disabled={remove.isPending}
              onClick={() => remove.mutate({ salesChannelId: channelId, segmentId: segment?.id ?? null })}
            >
              <XMark />
            </IconButton>
          )}
        </form>
      </td>
    </Table.Row>
  )
}

/** The tenant's deposit at checkout: its default and each segment's override. */
export function TenantDeposits({ channelId }: { channelId: string }) {
  const policies = useDepositPolicies(channelId)
  const { segments } = useSegmentNames()
  const data = policies.data
  return (
    <Section
      title="Deposits"
      description="What a couple pays at checkout and when the balance is due. Inside the balance's days, or without a deposit, checkout takes the whole total. A segment's override wins over the store default; a fixed amount applies to carts in its currency only."
      testId="deposits-section"
    >
      {policies.isLoading && <Message>Loading deposits…</Message>}
      {policies.isError && <Message>Deposits could not be loaded: {errorMessage(policies.error)}</Message>}
      {data && (
        // Remounted on every server answer, so the inputs show what was stored.
        <Table key={JSON.stringify(data)}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Applies to</Table.HeaderCell>
              <Table.HeaderCell colSpan={2}>Deposit and balance</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            <DepositRow channelId={channelId} segment={null} policy={data.default} />
            {segments.map((s) => (
              <DepositRow key={s.id} channelId={channelId} segment={s} policy={data.segments.find((p) => p.segment_id === s.id) ?? null} />
            ))}
          </Table.Body>
        </Table>
      )}
    </Section>
  )
}
