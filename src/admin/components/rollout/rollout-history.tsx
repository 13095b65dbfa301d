import { Badge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Message } from "../message"
import { Pager } from "../pager"
import { changeActor, changeText, guardrailValueText, GUARDRAIL_LABELS } from "../../lib/rollout"
import { useErrorToast, useRolloutChanges, useUserNames } from "../../lib/queries"
import type { GuardrailResult, RolloutChange, RolloutFeature } from "../../../contract/admin"

const PAGE = 10

/** A rollback's breached figures, in words. */
const breached = (change: RolloutChange) =>
  ((change.figures?.guardrails as GuardrailResult[] | undefined) ?? [])
    .filter((g) => g.status === "breached")
    .map((g) => `${GUARDRAIL_LABELS[g.name]} ${guardrailValueText(g)}`)
    .join(", ")

/** The feature's changes and rollbacks, newest first, ten at a time. */
export function RolloutHistory({ feature }: { feature: RolloutFeature }) {
  const [offset, setOffset] = useState(0)
  const changes = useRolloutChanges(feature, offset, PAGE)
  const userName = useUserNames()
  useErrorToast("The rollout history could not be loaded", changes.error)
  if (changes.isLoading) return <Message>Loading the history…</Message>
  if (!changes.data?.count) return <Message>No change yet: the stage is the plugin options' default.</Message>
  return (
    <div data-testid={`rollout-history-${feature}`}>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>When</Table.HeaderCell>
            <Table.HeaderCell>Change</Table.HeaderCell>
            <Table.HeaderCell>By</Table.HeaderCell>
            <Table.HeaderCell>Why</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {changes.data.changes.map((change) => (
            <Table.Row key={change.id} data-testid="rollout-change">
              <Table.Cell className="whitespace-nowrap">{new Date(change.created_at).toLocaleString()}</Table.Cell>
              <Table.Cell>
                <span className="flex items-center gap-x-2">
                  {change.action === "rollback" && (
                    <Badge size="2xsmall" color="red">
                      Rollback
                    </Badge>
                  )}
                  <span data-testid="rollout-change-text">{changeText(change)}</span>
                </span>
              </Table.Cell>
              <Table.Cell data-testid="rollout-change-actor">{changeActor(change, userName)}</Table.Cell>
              <Table.Cell>
                <Text size="small" data-testid="rollout-change-reason">
                  {change.reason}
                </Text>
                {change.action === "rollback" && breached(change) && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {breached(change)}
                  </Text>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Pager offset={offset} pageSize={PAGE} count={changes.data.count} noun="changes" onChange={setOffset} />
    </div>
  )
}
