import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CheckCircle, PencilSquare, Sparkles, Trash, XCircle } from "@medusajs/icons"
import { Badge, Container, Input, Select, Table, Text, Textarea, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { ActionMenu } from "../../../components/action-menu"
import { DrawerForm, Field, FormDrawer } from "../../../components/form-drawer"
import { ChoiceList, FormError, SwitchItem } from "../../../components/form-controls"
import { ListHeader } from "../../../components/list-header"
import { Message } from "../../../components/message"
import { Pager } from "../../../components/pager"
import { TriggerBuilder } from "../../../components/trigger-builder"
import { createUpsellRule, deleteUpsellRule, updateUpsellRule } from "../../../lib/api"
import { submitDrawer } from "../../../lib/drawer-submit"
import { changedFields, errorMessage } from "../../../lib/form-values"
import {
  ALL_SEGMENTS,
  useAdminMutation,
  useErrorToast,
  useSalesChannels,
  useSegments,
  useUpsellRules,
} from "../../../lib/queries"
import type { Segment, UpsellAction, UpsellRule } from "../../../lib/types"
import {
  ACTIONS,
  PLACEHOLDERS,
  actionLabel,
  conditionProblem,
  ruleFormValues,
  rulePayload,
  triggerSummary,
  windowText,
  type RuleFormValues,
  type SegmentNames,
} from "../../../lib/upsell-rules"

const PAGE_SIZE = 20

type ActiveFilter = "all" | "active" | "inactive"

const FILTERS: { value: ActiveFilter; label: string }[] = [
  { value: "all", label: "All rules" },
  { value: "active", label: "Active" },
  { value: "inactive", label: "Inactive" },
]

/** Segment handles read as their names where the segment exists. */
function useSegmentNames(): { segments: Segment[]; name: SegmentNames } {
  const { data } = useSegments(ALL_SEGMENTS.limit, ALL_SEGMENTS.offset)
  const segments = data?.segments ?? []
  const name = (handle: string) => segments.find((s) => s.handle === handle)?.name ?? handle
  return { segments, name }
}

function useChannelNames() {
  const channels = useSalesChannels()
  useErrorToast("Sales channels could not be loaded", channels.error)
  const list = channels.data ?? []
  const name = (id: string) => list.find((c) => c.id === id)?.name ?? id
  return { list, name }
}

const PLACEHOLDER_HINT = `Placeholders: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}. A placeholder without a value in an offer is left out.`

// ---- the drawer ----

type RuleDialog = { kind: "create" } | { kind: "edit"; rule: UpsellRule }

function RuleDrawer({ dialog, onClose }: { dialog: RuleDialog; onClose: () => void }) {
  const { segments, name } = useSegmentNames()
  const channels = useChannelNames()
  const editing = dialog.kind === "edit" ? dialog.rule : undefined
  const [initial] = useState(() => ruleFormValues(editing))
  const [values, setValues] = useState(initial)
  const [submitted, setSubmitted] = useState(false)
  const create = useAdminMutation(createUpsellRule, "Upsell rule created")
  const update = useAdminMutation(updateUpsellRule, "Upsell rule saved")
  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) => setValues({ ...values, [key]: value })

  const submit = () => {
    setSubmitted(true)
    if (values.trigger.mode === "builder" && values.trigger.rows.some((row) => conditionProblem(row))) return
    submitDrawer({
      editingId: editing?.id,
      body: () => rulePayload(values),
      changes: () => changedFields(rulePayload(initial), rulePayload(values)),
      create,
      update,
      onClose,
    })
  }

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={editing ? `Edit ${editing.name}` : "Create upsell rule"}
      testId="upsell-rule-drawer"
    >
      <DrawerForm submitLabel={editing ? "Save" : "Create"} submitting={create.isPending || update.isPending} onSubmit={submit}>
        <FormError error={editing ? update.error : create.error} />
        <Field id="upsell-name" label="Name" hint="For you; shoppers never see it.">
          <Input id="upsell-name" value={values.name} onChange={(e) => set("name", e.target.value)} />
        </Field>
        <TriggerBuilder
          value={values.trigger}
          onChange={(trigger) => set("trigger", trigger)}
          segments={segments}
          segmentName={name}
          showProblems={submitted}
        />
        <div className="grid grid-cols-2 gap-x-2">
          <Field id="upsell-action" label="Action">
            <Select value={values.action} onValueChange={(v) => set("action", v as UpsellAction)}>
              <Select.Trigger id="upsell-action" data-testid="upsell-action">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {ACTIONS.map((action) => (
                  <Select.Item key={action.value} value={action.value}>
                    {action.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field id="upsell-incentive" label="Incentive %" hint="Optional, 0-50: off the upgrade or the add-ons.">
            <Input
              id="upsell-incentive"
              type="number"
              step="any"
              value={values.incentive_percent}
              onChange={(e) => set("incentive_percent", e.target.value)}
            />
          </Field>
        </div>
        <Field id="upsell-headline" label="Headline" hint={PLACEHOLDER_HINT}>
          <Input id="upsell-headline" value={values.headline} onChange={(e) => set("headline", e.target.value)} />
        </Field>
        <Field id="upsell-body" label="Body" hint="Optional; the same placeholders.">
          <Textarea id="upsell-body" rows={3} value={values.body} onChange={(e) => set("body", e.target.value)} />
        </Field>
        <div className="grid grid-cols-3 gap-x-2">
          <Field id="upsell-priority" label="Priority" hint="Higher is offered first.">
            <Input id="upsell-priority" type="number" value={values.priority} onChange={(e) => set("priority", e.target.value)} />
          </Field>
          <Field id="upsell-first-day" label="First day" hint="Empty: from now.">
            <Input id="upsell-first-day" type="date" value={values.first_day} onChange={(e) => set("first_day", e.target.value)} />
          </Field>
          <Field id="upsell-last-day" label="Last day" hint="Included; days in UTC.">
            <Input id="upsell-last-day" type="date" value={values.last_day} onChange={(e) => set("last_day", e.target.value)} />
          </Field>
        </div>
        <SwitchItem id="upsell-active" label="Active" checked={values.is_active} onChange={(on) => set("is_active", on)} />
        <ChoiceList
          id="upsell-tenant"
          label="Tenants"
          hint="None ticked: the rule runs for every tenant."
          options={channels.list.map((c) => ({ value: c.id, label: c.name }))}
          selected={values.sales_channel_ids}
          onChange={(ids) => set("sales_channel_ids", ids)}
        />
      </DrawerForm>
    </FormDrawer>
  )
}

// ---- the list ----

type RowActions = {
  edit: (rule: UpsellRule) => void
  toggle: (rule: UpsellRule) => void
  remove: (rule: UpsellRule) => void
}

function RulesTable({ rules, segmentName, channelName, actions }: {
  rules: UpsellRule[]
  segmentName: SegmentNames
  channelName: (id: string) => string
  actions: RowActions
}) {
  return (
    <Table data-testid="upsell-rules-table">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Rule</Table.HeaderCell>
          <Table.HeaderCell>Fires when</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Incentive</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Priority</Table.HeaderCell>
          <Table.HeaderCell>Window</Table.HeaderCell>
          <Table.HeaderCell>Active</Table.HeaderCell>
          <Table.HeaderCell>Tenants</Table.HeaderCell>
          <Table.HeaderCell className="w-12" />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rules.map((rule) => (
          <Table.Row key={rule.id} data-testid="upsell-rule-row" data-rule-id={rule.id} className="[&_td]:py-3">
            <Table.Cell>
              <div className="flex flex-col items-start gap-y-1">
                <Text size="small" weight="plus">
                  {rule.name}
                </Text>
                <Badge size="2xsmall">{actionLabel(rule.action)}</Badge>
              </div>
            </Table.Cell>
            <Table.Cell className="max-w-[320px] whitespace-normal" data-testid="upsell-rule-trigger">
              {triggerSummary(rule.trigger, segmentName)}
            </Table.Cell>
            <Table.Cell className="text-right">{rule.incentive_percent == null ? "—" : `${rule.incentive_percent}%`}</Table.Cell>
            <Table.Cell className="text-right">{rule.priority}</Table.Cell>
            <Table.Cell>{windowText(rule.starts_at, rule.ends_at)}</Table.Cell>
            <Table.Cell data-testid="upsell-rule-active">
              <Badge size="2xsmall" color={rule.is_active ? "green" : "grey"}>
                {rule.is_active ? "Active" : "Inactive"}
              </Badge>
            </Table.Cell>
            <Table.Cell className="max-w-[200px] whitespace-normal">
              {rule.sales_channel_ids.length ? rule.sales_channel_ids.map(channelName).join(", ") : "All tenants"}
            </Table.Cell>
            <Table.Cell>
              <ActionMenu
                label={`Actions for rule ${rule.name}`}
                actions={[
                  { label: "Edit", icon: <PencilSquare />, onClick: () => actions.edit(rule) },
                  rule.is_active
                    ? { label: "Deactivate", icon: <XCircle />, onClick: () => actions.toggle(rule) }
                    : { label: "Activate", icon: <CheckCircle />, onClick: () => actions.toggle(rule) },
                  { label: "Delete", icon: <Trash />, onClick: () => actions.remove(rule), danger: true },
                ]}
              />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

// ---- the page ----

const UpsellRulesPage = () => {
  const [dialog, setDialog] = useState<RuleDialog | null>(null)
  const [filter, setFilter] = useState<ActiveFilter>("all")
  const [offset, setOffset] = useState(0)
  const query = { limit: PAGE_SIZE, offset, ...(filter === "all" ? {} : { is_active: filter === "active" }) }
  const rules = useUpsellRules(query)
  const { name: segmentName } = useSegmentNames()
  const channels = useChannelNames()
  const toggle = useAdminMutation(updateUpsellRule, "Upsell rule saved")
  const remove = useAdminMutation(deleteUpsellRule, "Upsell rule deleted")
  const prompt = usePrompt()
  useErrorToast("Upsell rules could not be loaded", rules.error)
  const list = rules.data?.upsell_rules ?? []
  const count = rules.data?.count ?? 0

  const actions: RowActions = {
    edit: (rule) => setDialog({ kind: "edit", rule }),
    toggle: (rule) => toggle.mutate({ id: rule.id, body: { is_active: !rule.is_active } }),
    remove: async (rule) => {
      const confirmed = await prompt({
        title: `Delete ${rule.name}?`,
        description: "Storefronts stop receiving its offers at once. This cannot be undone.",
        confirmText: "Delete",
        cancelText: "Cancel",
      })
      if (!confirmed) return
      // The last row of a page leaves an empty page behind.
      remove.mutate(rule.id, { onSuccess: () => list.length === 1 && offset > 0 && setOffset(offset - PAGE_SIZE) })
    },
  }

  return (
    <Container className="divide-y p-0">
      <ListHeader
        title="Upsell rules"
        description="When a visitor's context meets a rule's trigger, the storefront gets its offer: highest priority first."
        filter={{
          value: filter,
          options: FILTERS,
          onChange: (v) => {
            setFilter(v)
            setOffset(0)
          },
          testId: "upsell-rule-filter",
        }}
        create={{ label: "Create rule", onClick: () => setDialog({ kind: "create" }), testId: "create-upsell-rule" }}
      />
      {rules.isLoading && <Message>Loading upsell rules…</Message>}
      {rules.isError && <Message>Upsell rules could not be loaded: {errorMessage(rules.error)}</Message>}
      {rules.data && list.length === 0 && (
        <Message>{filter === "all" ? "No upsell rules yet. Storefronts get no offers." : `No ${filter} upsell rules.`}</Message>
      )}
      {list.length > 0 && <RulesTable rules={list} segmentName={segmentName} channelName={channels.name} actions={actions} />}
      {count > PAGE_SIZE && <Pager offset={offset} pageSize={PAGE_SIZE} count={count} noun="rules" onChange={setOffset} />}
      {dialog && <RuleDrawer dialog={dialog} onClose={() => setDialog(null)} />}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Upsell rules",
  icon: Sparkles,
  rank: 4,
})

export default UpsellRulesPage
