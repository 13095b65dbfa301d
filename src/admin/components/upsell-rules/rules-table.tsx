import { CheckCircle, PencilSquare, Trash, XCircle } from "@medusajs/icons"
import { Badge, Table, Text } from "@medusajs/ui"
import { ListTable } from "../list-table"
import type { UpsellRule } from "../../../contract/admin"
import { actionLabel, triggerSummary, windowText, type SegmentNames } from "../../lib/upsell-rules"

export type RowActions = {
  edit: (rule: UpsellRule) => void
  toggle: (rule: UpsellRule) => void
  remove: (rule: UpsellRule) => void
}

export function RulesTable({ rules, segmentName, channelName, actions }: {
  rules: UpsellRule[]
  segmentName: SegmentNames
  channelName: (id: string) => string
  actions: RowActions
}) {
  return (
    <ListTable
      testId="upsell-rules-table"
      headers={
        <>
          <Table.HeaderCell>Rule</Table.HeaderCell>
          <Table.HeaderCell>Fires when</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Incentive</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Priority</Table.HeaderCell>
          <Table.HeaderCell>Window</Table.HeaderCell>
          <Table.HeaderCell>Active</Table.HeaderCell>
          <Table.HeaderCell>Tenants</Table.HeaderCell>
        </>
      }
      items={rules}
      row={(rule) => ({ "data-testid": "upsell-rule-row", "data-rule-id": rule.id })}
      cells={(rule) => (
        <>
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
        </>
      )}
      menuLabel={(rule) => `Actions for rule ${rule.name}`}
      actions={(rule) => [
        { label: "Edit", icon: <PencilSquare />, onClick: () => actions.edit(rule) },
        rule.is_active
          ? { label: "Deactivate", icon: <XCircle />, onClick: () => actions.toggle(rule) }
          : { label: "Activate", icon: <CheckCircle />, onClick: () => actions.toggle(rule) },
        { label: "Delete", icon: <Trash />, onClick: () => actions.remove(rule), danger: true },
      ]}
    />
  )
}
