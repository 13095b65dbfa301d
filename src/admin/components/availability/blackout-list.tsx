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
      <RemovableList
        title="Blackouts"
        testId="blackout-list"
        emptyText="No blackouts."
        headers={["From", "To", "Reason"]}
        items={availability.blackouts}
        rowTestId="blackout-row"
        cells={(b) => [b.start_date, b.end_date, b.reason]}
        removeLabel={(b) => `Remove blackout from ${b.start_date}`}
        onRemove={confirmRemove}
      />
      <RemovableList
        title="High-demand dates"
        testId="high-demand-list"
        emptyText="No flagged dates."
        headers={["Date", "Note"]}
        items={availability.high_demand_dates}
        rowTestId="high-demand-row"
        cells={(d) => [d.date, d.note]}
        removeLabel={(d) => `Remove high-demand flag from ${d.date}`}
        onRemove={(d) => unflag.mutate({ channelId, body: { remove_high_demand_date_ids: [d.id] } })}
      />
    </div>
  )
}

/** A titled table of dated entries, each with a remove button; a line of text when there are none. */
function RemovableList<T extends { id: string }>({ title, testId, emptyText, headers, items, rowTestId, cells, removeLabel, onRemove }: {
  title: string
  testId: string
  emptyText: string
  headers: string[]
  items: T[]
  rowTestId: string
  /** The row's texts, one per header; a missing one shows as a dash. */
  cells: (item: T) => (string | null | undefined)[]
  removeLabel: (item: T) => string
  onRemove: (item: T) => void
}) {
  return (
    <div className="flex flex-col gap-y-2" data-testid={testId}>
      <Heading level="h3">{title}</Heading>
      {items.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          {emptyText}
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              {headers.map((header) => (
                <Table.HeaderCell key={header}>{header}</Table.HeaderCell>
              ))}
              <Table.HeaderCell className="w-12" />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {items.map((item) => (
              <Table.Row key={item.id} data-testid={rowTestId}>
                {cells(item).map((text, i) => (
                  <Table.Cell key={i}>{text ?? <span className="text-ui-fg-muted">—</span>}</Table.Cell>
                ))}
                <Table.Cell>
                  <IconButton size="small" variant="transparent" aria-label={removeLabel(item)} onClick={() => onRemove(item)}>
                    <Trash />
                  </IconButton>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  )
}
