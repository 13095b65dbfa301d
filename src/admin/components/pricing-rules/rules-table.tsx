import { PencilSquare, Trash } from "@medusajs/icons"
import { Badge, Switch, Table, Text } from "@medusajs/ui"
import { ListTable } from "../list-table"
import { updatePricingRule } from "../../lib/api"
import { kindLabel, percentText, whenText, type PricingRule } from "../../lib/pricing-rules"
import { useAdminMutation } from "../../lib/queries"
import type { Segment } from "../../../contract/admin"

export function RulesTable({ rules, segments, onEdit, onDelete }: {
  rules: PricingRule[]
  segments: Segment[]
  onEdit: (rule: PricingRule) => void
  onDelete: (rule: PricingRule) => void
}) {
  const toggle = useAdminMutation(updatePricingRule, "Pricing rule saved")
  const segmentName = (id: string) => segments.find((s) => s.id === id)?.name ?? id
  return (
    <ListTable
      testId="pricing-rules-table"
      headers={
        <>
          <Table.HeaderCell>Rule</Table.HeaderCell>
          <Table.HeaderCell>When</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Percent</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Priority</Table.HeaderCell>
          <Table.HeaderCell>Segments</Table.HeaderCell>
          <Table.HeaderCell>Active</Table.HeaderCell>
        </>
      }
      items={rules}
      row={() => ({ "data-testid": "pricing-rule-row" })}
      cells={(rule) => (
        <>
          <Table.Cell>
            <div className="flex flex-col">
              <Text size="small" weight="plus">
                {rule.label}
              </Text>
              <div className="flex gap-x-1">
                <Badge size="2xsmall">{kindLabel(rule.kind)}</Badge>
                {!rule.stackable && (
                  <Badge size="2xsmall" color="orange">
                    Stops later rules
                  </Badge>
                )}
              </div>
            </div>
          </Table.Cell>
          <Table.Cell>{whenText(rule)}</Table.Cell>
          <Table.Cell className="text-right">
            <Badge size="small" color={rule.percent > 0 ? "red" : "green"}>
              {percentText(rule.percent)}
            </Badge>
          </Table.Cell>
          <Table.Cell className="text-right">{rule.priority}</Table.Cell>
          <Table.Cell>{rule.segment_ids.length ? rule.segment_ids.map(segmentName).join(", ") : "All"}</Table.Cell>
          <Table.Cell>
            <Switch
              checked={rule.is_active}
              aria-label={`Active: ${rule.label}`}
              disabled={toggle.isPending}
              onCheckedChange={(on) => toggle.mutate({ id: rule.id, body: { is_active: on } })}
            />
          </Table.Cell>
        </>
      )}
      menuLabel={(rule) => `Actions for rule ${rule.label}`}
      actions={(rule) => [
        { label: "Edit", icon: <PencilSquare />, onClick: () => onEdit(rule) },
        { label: "Delete", icon: <Trash />, onClick: () => onDelete(rule), danger: true },
      ]}
    />
  )
}
