import { Trash } from "@medusajs/icons"
import { Heading, IconButton, Table, Text, usePrompt } from "@medusajs/ui"
import { updateAvailability } from "../../lib/api"
import type { Availability, Blackout } from "../../lib/availability"
import { useAdminMutation } from "../../lib/queries"

/** The tenant's blackout ranges and high-demand dates, each removable. */
export function BlackoutList({ channelId, availability }: { channelId: string; availability: Availability }) {
  const remove = useAdminMutation(updateAvailability, "Blackout removed")
  const unflag = useAdminMutation(updateAvailability, "High-demand flag removed")
  const prompt = usePrompt()
  const confirmRemove = async (b: Blackout) => {
    const confirmed = await prompt({
      title: "Remove this blackout?",
      description: `${b.start_date} – ${b.end_date} becomes bookable again.`,
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate({ channelId, body: { remove_blackout_ids: [b.id] } })
  }
  return (
    <div className="grid grid-cols-1 gap-6 px-6 py-4 lg:grid-cols-2">
      <div className="flex flex-col gap-y-2" data-testid="blackout-list">
        <Heading level="h3">Blackouts</Heading>
        {availability.blackouts.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">
            No blackouts.
          </Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>From</Table.HeaderCell>
                <Table.HeaderCell>To</Table.HeaderCell>
                <Table.HeaderCell>Reason</Table.HeaderCell>
                <Table.HeaderCell className="w-12" />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {availability.blackouts.map((b) => (
                <Table.Row key={b.id} data-testid="blackout-row">
                  <Table.Cell>{b.start_date}</Table.Cell>
                  <Table.Cell>{b.end_date}</Table.Cell>
                  <Table.Cell>{b.reason ?? <span className="text-ui-fg-muted">—</span>}</Table.Cell>
                  <Table.Cell>
                    <IconButton size="small" variant="transparent" aria-label={`Remove blackout from ${b.start_date}`} onClick={() => confirmRemove(b)}>
                      <Trash />
                    </IconButton>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
      <div className="flex flex-col gap-y-2" data-testid="high-demand-list">
        <Heading level="h3">High-demand dates</Heading>
        {availability.high_demand_dates.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">
            No flagged dates.
          </Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Date</Table.HeaderCell>
                <Table.HeaderCell>Note</Table.HeaderCell>
                <Table.HeaderCell className="w-12" />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {availability.high_demand_dates.map((d) => (
                <Table.Row key={d.id} data-testid="high-demand-row">
                  <Table.Cell>{d.date}</Table.Cell>
                  <Table.Cell>{d.note ?? <span className="text-ui-fg-muted">—</span>}</Table.Cell>
                  <Table.Cell>
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label={`Remove high-demand flag from ${d.date}`}
                      onClick={() => unflag.mutate({ channelId, body: { remove_high_demand_date_ids: [d.id] } })}
                    >
                      <Trash />
                    </IconButton>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
    </div>
  )
}
