import { Table, Text } from "@medusajs/ui"
import { type Action } from "../action-menu"
import { ListTable } from "../list-table"
import type { Experiment } from "../../../contract/admin"
import { ExperimentStatusBadge, VariantList } from "./variant-list"

export function ExperimentsTable({ experiments, channelName, actionsFor }: {
  experiments: Experiment[]
  channelName: (id: string) => string
  actionsFor: (experiment: Experiment) => Action[]
}) {
  return (
    <ListTable
      testId="experiments-table"
      headers={
        <>
          <Table.HeaderCell>Experiment</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Traffic</Table.HeaderCell>
          <Table.HeaderCell>Variants (share · change)</Table.HeaderCell>
          <Table.HeaderCell>Tenants</Table.HeaderCell>
        </>
      }
      items={experiments}
      row={(experiment) => ({ "data-testid": "experiment-row", "data-experiment-key": experiment.key })}
      cells={(experiment) => (
        <>
          <Table.Cell>
            <div className="flex flex-col">
              <Text size="small" weight="plus">
                {experiment.name}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle font-mono">
                {experiment.key}
              </Text>
            </div>
          </Table.Cell>
          <Table.Cell>
            <ExperimentStatusBadge status={experiment.status} />
          </Table.Cell>
          <Table.Cell className="text-right" data-testid="experiment-traffic">
            {experiment.traffic_percent}%
          </Table.Cell>
          <Table.Cell className="max-w-[420px] whitespace-normal">
            <VariantList variants={experiment.variants} />
          </Table.Cell>
          <Table.Cell className="max-w-[200px] whitespace-normal">
            {experiment.sales_channel_ids.length ? experiment.sales_channel_ids.map(channelName).join(", ") : "All tenants"}
          </Table.Cell>
        </>
      )}
      menuLabel={(experiment) => `Actions for experiment ${experiment.name}`}
      actions={actionsFor}
    />
  )
}
